import TenderXML

extension String {
    /// Text escaped for XML element content and double-quoted attributes (see `XMLText`).
    var xmlEscaped: String { XMLText.escaped(self) }
}
