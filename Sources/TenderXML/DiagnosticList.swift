import Foundation
import TenderModel

/// What a reader found while turning a document into model values.
struct DiagnosticList {
    private(set) var all: [Diagnostic] = []

    mutating func error(_ element: ParsedElement, _ message: String) {
        all.append(.error(at: element.location, message))
    }

    mutating func warning(_ element: ParsedElement, _ message: String) {
        all.append(.warning(at: element.location, message))
    }

    mutating func append(contentsOf diagnostics: [Diagnostic]) {
        all.append(contentsOf: diagnostics)
    }

    /// The text of a required child, folded; an error when it is missing or blank.
    mutating func requiredText(_ parent: ParsedElement, _ name: String, what: String) -> String {
        guard let child = parent.child(name) else {
            error(parent, "\(what) is missing")
            return ""
        }
        let text = child.foldedText
        if text.isEmpty { error(child, "\(what) is empty") }
        return text
    }

    mutating func integer(_ element: ParsedElement, _ attribute: String) -> Int? {
        guard let raw = element.attribute(attribute) else { return nil }
        guard let value = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            error(element, "\(attribute)=\"\(raw)\" is not a whole number")
            return nil
        }
        return value
    }

    mutating func decimal(_ element: ParsedElement, _ raw: String, what: String) -> Decimal? {
        guard let value = DecimalText.parse(raw) else {
            error(element, "\(what) \"\(raw)\" is not a decimal number")
            return nil
        }
        return value
    }
}

/// Decimal numbers as XSD writes them (`1180000.00`, `12.5`, `+3`), read exactly.
enum DecimalText {
    static func parse(_ raw: String) -> Decimal? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty,
            text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") })
        else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}
