/// One problem found in a document, told the way a compiler tells it:
/// `bids/BID-003.xml:14:7: error: score 7 is outside the scale 0–5`.
///
/// Errors make a document unusable; warnings are shown on every report that uses the document
/// (a missing response, an answer over the word limit) but do not stop it being used.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// True when any entry is an error, the test every importer applies before storing anything.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}

extension Array where Element == Diagnostic {
    /// The diagnostics sorted by file, line and column, keeping the order of those at one place:
    /// a person reads a list of problems from the top of the file down, as they fix them.
    public func inFileOrder() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.location, rhs.element.location)
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
