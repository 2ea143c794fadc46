import TenderModel

/// An element copied out of libxml2's tree, so that the readers above work on plain Swift values
/// and no C pointer outlives the parse.
struct ParsedElement: Sendable {
    var name: String
    var namespace: String?
    /// Attribute values by local name.
    var attributes: [String: String]
    var children: [ParsedElement]
    /// The element's own text and CDATA, in order, without its children's text.
    var text: String
    var location: SourceLocation

    func attribute(_ name: String) -> String? { attributes[name] }

    func child(_ name: String) -> ParsedElement? { children.first { $0.name == name } }

    func children(_ name: String) -> [ParsedElement] { children.filter { $0.name == name } }

    /// The text with runs of whitespace folded to one space and the ends trimmed, as a reader
    /// sees it: line breaks in the XML source carry no meaning.
    var foldedText: String { text.foldingWhitespace() }
}

extension String {
    func foldingWhitespace() -> String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
