import Foundation
import TenderModel

/// What a reader found while turning a document into model values.
struct DiagnosticList {
    private(set) var all: [Diagnostic] = []
    /// The XSD's errors: a value the schema already refused is not refused a second time in
    /// other words.
    private let schemaErrors: [Diagnostic]

    init(schema: [Diagnostic] = []) {
        schemaErrors = schema.filter { $0.severity == .error }
    }

    /// True when the schema refused `raw` on `element`'s line already.
    func schemaRefused(_ element: ParsedElement, _ raw: String) -> Bool {
        schemaRefused(line: element.location.line, raw)
    }

    func schemaRefused(line: Int, _ raw: String) -> Bool {
        schemaErrors.contains { $0.location.line == line && $0.message.contains("'\(raw)'") }
    }

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
            if schemaRefused(element, raw) { return nil }
            error(element, "\(attribute)=\"\(raw)\" is not a whole number")
            return nil
        }
        return value
    }

    mutating func decimal(_ element: ParsedElement, _ raw: String, what: String) -> Decimal? {
        if schemaRefused(element, raw) { return nil }
        if let problem = DecimalText.limitProblem(raw) {
            error(element, "\(what) \(problem)")
            return nil
        }
        guard let value = DecimalText.parse(raw) else {
            error(element, "\(what) \"\(raw)\" is not a decimal number")
            return nil
        }
        return value
    }
}

/// Decimal numbers as XSD writes them (`1180000.00`, `12.5`, `+3`), read exactly.
enum DecimalText {
    /// At most 15 digits before the decimal point: a thousand trillion pounds, far beyond any
    /// contract, so more digits are a slip (a pasted reference number, a stuck key).
    static let maxWholeDigits = 15
    /// At most 6 decimal places: enough for a weight of 33.333333 or a price in thousandths of
    /// a penny. With 15 + 6 digits every value is held exactly in `Decimal` (38 significant
    /// digits) and within libxml2's xs:decimal, whose own refusal of longer numbers says only
    /// that the value is "not valid".
    static let maxFractionDigits = 6

    /// What is wrong with a decimal number that has more digits than the limits allow, in
    /// words that quote it: `'40.000…' has too many decimal places (42); …`. Nil when `raw`
    /// is within the limits or is not a plain decimal number at all (other checks say so).
    static func limitProblem(_ raw: String) -> String? {
        guard let plain = PlainDecimalText(raw.trimmedOfWhitespace) else { return nil }
        let limits = { "a number here has at most \(maxWholeDigits) digits before the decimal point and \(maxFractionDigits) after it" }
        if plain.wholeDigits > maxWholeDigits {
            return "'\(raw)' has too many digits (\(plain.wholeDigits) before the decimal point); \(limits())"
        }
        if plain.fractionDigits > maxFractionDigits {
            return "'\(raw)' has too many decimal places (\(plain.fractionDigits)); \(limits())"
        }
        return nil
    }

    static func parse(_ raw: String) -> Decimal? {
        let text = raw.trimmedOfWhitespace
        if let value = PlainDecimalText(text)?.value { return value }
        guard !text.isEmpty,
            text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") })
        else { return nil }
        return Decimal(string: text, locale: posix)
    }

    /// Made once: making a `Locale` costs more than reading the number.
    private static let posix = Locale(identifier: "en_US_POSIX")
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without its cost (thousands of
    /// instructions through `CharacterSet`) when the first and last characters are printable
    /// ASCII, as in nearly every number and time a document holds: then nothing is trimmed.
    var trimmedOfWhitespace: String {
        if let first = utf8.first, let last = utf8.last, first > 0x20 && first < 0x7F, last > 0x20 && last < 0x7F {
            return self
        }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
