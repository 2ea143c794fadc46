import TenderModel

/// A document that cannot be used, with every problem found in it.
///
/// The diagnostics are already in `file:line:column: error: message` form; a caller prints them
/// and refuses the whole document, as SPEC.md asks.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
