import Foundation
import TenderModel
import TenderXML
import Testing

/// Where the package and its example documents are, found from this file so that the tests run
/// from any working directory.
public enum Fixture {
    /// Tests/TenderTestSupport/DocumentAssertions.swift → the package root.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    public static func path(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }

    /// Loads a document of the package (`Criteria/…`, `Samples/…`), which must be valid.
    public static func load(_ relative: String) throws -> LoadedDocument {
        try DocumentLoader().load(path: path(relative))
    }
}

/// A document written with one `▸` just before the element a diagnostic must point at, so the
/// expected line and column are read off the text a reviewer sees rather than counted by hand.
public struct MarkedDocument: Sendable {
    public static let marker: Character = "▸"

    /// The document without its marker.
    public let text: String
    /// 1-based line and column (in characters) of the marked element's `<`.
    public let line: Int
    public let column: Int

    public init(_ marked: String) {
        var line = 1
        var column = 1
        var found: (Int, Int)?
        var text = ""
        for character in marked {
            if character == Self.marker {
                found = (line, column)
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        precondition(found != nil, "a marked document needs one \(Self.marker)")
        self.text = text
        (self.line, self.column) = found ?? (0, 0)
    }

    public var bytes: [UInt8] { Array(text.utf8) }
}

/// A document that breaks one rule, with the words the diagnostic must use; the location is the
/// marked element. Parameterised tests show `rule` as the case's name.
public struct BrokenDocument: Sendable, CustomTestStringConvertible {
    public var rule: String
    public var document: MarkedDocument
    public var message: String
    public var severity: Diagnostic.Severity

    public init(_ rule: String, _ marked: String, message: String, severity: Diagnostic.Severity = .error) {
        self.rule = rule
        self.document = MarkedDocument(marked)
        self.message = message
        self.severity = severity
    }

    public var testDescription: String { rule }
}

/// What the loader made of a document: refused with its diagnostics, or loaded with warnings.
public enum LoadOutcome {
    case refused([Diagnostic])
    case loaded(LoadedDocument)

    public init(bytes: [UInt8], file: String, loader: DocumentLoader = DocumentLoader()) {
        do {
            self = .loaded(try loader.load(bytes: bytes, file: file))
        } catch {
            self = .refused(error.diagnostics)
        }
    }

    public init(path: String, loader: DocumentLoader = DocumentLoader()) {
        do {
            self = .loaded(try loader.load(path: path))
        } catch {
            self = .refused(error.diagnostics)
        }
    }

    public var diagnostics: [Diagnostic] {
        switch self {
        case .refused(let diagnostics): diagnostics
        case .loaded(let loaded): loaded.warnings
        }
    }

    public var isRefused: Bool {
        if case .refused = self { true } else { false }
    }
}

/// The diagnostics of a document that must be refused; records an issue when it loads.
public func refusal(
    of bytes: [UInt8], file: String = "doc.xml", loader: DocumentLoader = DocumentLoader(),
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    let outcome = LoadOutcome(bytes: bytes, file: file, loader: loader)
    if !outcome.isRefused {
        Issue.record("\(file) was accepted but must be refused", sourceLocation: sourceLocation)
    }
    return outcome.diagnostics
}

public func refusal(
    ofPath path: String, loader: DocumentLoader = DocumentLoader(),
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    let outcome = LoadOutcome(path: path, loader: loader)
    if !outcome.isRefused {
        Issue.record("\(path) was accepted but must be refused", sourceLocation: sourceLocation)
    }
    return outcome.diagnostics
}

/// Requires one diagnostic whose message contains `text`, with the given severity and place, and
/// returns it. On failure the issue lists every diagnostic there was, so the cause is visible.
@discardableResult
public func expectDiagnostic(
    in diagnostics: [Diagnostic], containing text: String, severity: Diagnostic.Severity = .error,
    file: String? = nil, line: Int? = nil, column: Int? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    let listing = diagnostics.isEmpty ? "(none)" : diagnostics.map(\.description).joined(separator: "\n")
    guard let found = diagnostics.first(where: { $0.message.contains(text) }) else {
        Issue.record("no diagnostic says \"\(text)\"; there were:\n\(listing)", sourceLocation: sourceLocation)
        return nil
    }
    #expect(found.severity == severity, "\(found)", sourceLocation: sourceLocation)
    if let file {
        #expect(found.location.file == file, "\(found)", sourceLocation: sourceLocation)
    }
    if let line {
        #expect(found.location.line == line, "\(found)", sourceLocation: sourceLocation)
    }
    if let column {
        #expect(found.location.column == column, "\(found)", sourceLocation: sourceLocation)
    }
    #expect(
        found.description.hasPrefix("\(found.location.file):\(found.location.line):\(found.location.column): \(severity.rawValue): "),
        sourceLocation: sourceLocation)
    return found
}

/// Loads a broken document and requires the diagnostic it describes, at the marked element: an
/// error refuses the document, a warning leaves it usable.
public func expectBroken(
    _ broken: BrokenDocument, file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let outcome = LoadOutcome(bytes: broken.document.bytes, file: file)
    switch broken.severity {
    case .error:
        #expect(outcome.isRefused, "a document that breaks \"\(broken.rule)\" must be refused", sourceLocation: sourceLocation)
    case .warning:
        #expect(!outcome.isRefused, "\(outcome.diagnostics)", sourceLocation: sourceLocation)
    }
    expectDiagnostic(
        in: outcome.diagnostics, containing: broken.message, severity: broken.severity, file: file,
        line: broken.document.line, column: broken.document.column, sourceLocation: sourceLocation)
}

/// Loads a document that must be usable.
public func loadValid(_ text: String, file: String = "doc.xml") throws -> LoadedDocument {
    try DocumentLoader().load(bytes: Array(text.utf8), file: file)
}

extension TenderDocument {
    public var criteria: Criteria? { if case .criteria(let value) = self { value } else { nil } }
    public var submission: Submission? { if case .submission(let value) = self { value } else { nil } }
    public var submissions: [Submission]? { if case .submissions(let value) = self { value } else { nil } }
    public var panel: Panel? { if case .panel(let value) = self { value } else { nil } }
    public var scoresheet: Scoresheet? { if case .scoresheet(let value) = self { value } else { nil } }
}
