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
    /// Runs of whitespace (Unicode White_Space: spaces, tabs, line breaks, no-break spaces...)
    /// folded to one space, the ends trimmed.
    ///
    /// Works on Unicode scalars, not Characters: a bid's answers run to tens of kilobytes and
    /// grapheme breaking made this the slowest step of reading one. The one difference is kept
    /// on purpose: a combining mark written just after a space stays in the text (grapheme
    /// splitting dropped it along with the space).
    func foldingWhitespace() -> String {
        var copy = self
        return copy.withUTF8 { Self.foldingWhitespace(utf8: $0) }
    }

    /// Byte by byte: ASCII whitespace is recognised directly, and only the few multi-byte
    /// White_Space scalars (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
    /// U+205F, U+3000) need their bytes looked at.
    private static func foldingWhitespace(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var written = 0
            var pendingSpace = false
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                var width = 0
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    width = 1
                } else if byte >= 0x80 {
                    width = multiByteWhitespaceWidth(bytes, at: index)
                }
                if width > 0 {
                    pendingSpace = written > 0
                    index += width
                    continue
                }
                if pendingSpace {
                    out[written] = 0x20
                    written += 1
                    pendingSpace = false
                }
                out[written] = byte
                written += 1
                index += 1
            }
            return written
        }
    }

    /// The length of the White_Space scalar starting at `index`, or 0.
    private static func multiByteWhitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let remaining = bytes.count - index
        let first = bytes[index]
        if first == 0xC2, remaining >= 2 {
            let second = bytes[index + 1]
            return second == 0x85 || second == 0xA0 ? 2 : 0
        }
        guard remaining >= 3 else { return 0 }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        switch (first, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
        case (0xE2, 0x80): return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0
        default: return 0
        }
    }
}

extension Unicode.Scalar {
    /// White_Space, with a fast answer for ASCII.
    var isFoldableWhitespace: Bool {
        if isASCII { return value == 0x20 || (0x09...0x0D).contains(value) }
        return properties.isWhitespace
    }
}
