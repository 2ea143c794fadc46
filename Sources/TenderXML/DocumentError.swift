import TenderModel

/// A document that cannot be used, with every problem found in it.
///
/// The diagnostics are already in `file:line:column: error: message` form; a caller prints them
/// and refuses the whole document, as SPEC.md asks.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// What could be read of the document despite its errors (nil when it could not be parsed
    /// at all), so that a caller can still check it against the tender and report every
    /// problem at once. Never to be stored or scored: the document is refused.
    public var document: TenderDocument?

    public init(_ diagnostics: [Diagnostic], document: TenderDocument? = nil) {
        self.diagnostics = diagnostics
        self.document = document
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
