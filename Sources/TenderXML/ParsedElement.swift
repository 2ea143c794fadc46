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
    /// True when ``text`` is known to be folded already (see ``TextScan``).
    var textIsFolded = false
    /// The first control character in ``text``, found while copying it (see ``TextScan``).
    var textControl: Unicode.Scalar?
    /// The words of ``text`` when it came in one piece, counted while copying it; nil when it
    /// was joined from pieces (text around a comment), whose words may run together.
    var textWords: Int?
    /// False for a bid's paragraph whose text was checked and counted but not copied, for a
    /// reader that keeps no answer (``DocumentLoader/keepsAnswerText``): ``text`` is then
    /// empty and ``textWords`` holds its words.
    var textKept = true
    /// The attributes holding a control character, by name, with the first one in each:
    /// found while copying them, empty for nearly every element.
    var attributeControls: [(name: String, scalar: Unicode.Scalar)] = []
    /// False when neither this element nor any inside it holds a control character, as found
    /// while copying them; true (look) where that is not known. A clean bid is then not walked
    /// again for ``controlCharacterDiagnostics()``.
    var mayHoldControls = true

    func attribute(_ name: String) -> String? { attributes[name] }

    func child(_ name: String) -> ParsedElement? { children.first { $0.name == name } }

    func children(_ name: String) -> [ParsedElement] { children.filter { $0.name == name } }

    /// The text with runs of whitespace folded to one space and the ends trimmed, as a reader
    /// sees it: line breaks in the XML source carry no meaning.
    var foldedText: String { textIsFolded ? text : text.foldingWhitespace() }
}

extension String {
    /// Runs of whitespace (Unicode White_Space: spaces, tabs, line breaks, no-break spaces...)
    /// folded to one space, the ends trimmed.
    ///
    /// Works on Unicode scalars, not Characters: a bid's answers run to tens of kilobytes and
    /// grapheme breaking made this the slowest step of reading one. The one difference is kept
    /// on purpose: a combining mark written just after a space stays in the text (grapheme
    /// splitting dropped it along with the space).
    ///
    /// Text that is folded already (most paragraphs are written on one line) is returned as it
    /// is, without a copy.
    func foldingWhitespace() -> String {
        var copy = self
        return copy.withUTF8 { Self.isFolded(utf8: $0) ? nil : Self.foldingWhitespace(utf8: $0) } ?? self
    }

    /// True when folding would change nothing: no whitespace but single spaces between other
    /// characters. Eight bytes at a time through printable ASCII.
    static func isFolded(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        if base[0] == 0x20 || base[count - 1] == 0x20 { return false }
        var afterSpace = false
        var index = 0
        while index < count {
            if index + 8 <= count {
                let chunk = UnicodeWhitespace.load(base, at: index)
                if UnicodeWhitespace.irregularLanes(chunk) == 0 {
                    let spaces = UnicodeWhitespace.spaceLanes(chunk)
                    if spaces & ((spaces << 8) | (afterSpace ? 0x80 : 0)) != 0 { return false }
                    afterSpace = spaces >> 63 != 0
                    index += 8
                    continue
                }
            }
            let byte = base[index]
            if byte == 0x20 {
                if afterSpace { return false }
                afterSpace = true
                index += 1
                continue
            }
            if byte >= 0x09 && byte <= 0x0D { return false }
            if byte >= 0xC2 && byte <= 0xE3 && UnicodeWhitespace.multiByteWidth(bytes, at: index) > 0 { return false }
            afterSpace = false
            index += 1
        }
        return true
    }

    /// Byte by byte: ASCII whitespace is recognised directly, and only the lead bytes of the few
    /// multi-byte White_Space scalars send a byte to ``UnicodeWhitespace``.
    fileprivate static func foldingWhitespace(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            guard let source = bytes.baseAddress, let target = out.baseAddress else { return 0 }
            var written = 0
            var pendingSpace = false
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = source[index]
                var width = 0
                if byte <= 0x20 {
                    width = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0
                } else if byte >= 0xC2 && byte <= 0xE3 {
                    width = UnicodeWhitespace.multiByteWidth(bytes, at: index)
                }
                if width > 0 {
                    pendingSpace = written > 0
                    index += width
                    continue
                }
                if pendingSpace {
                    target[written] = 0x20
                    written += 1
                    pendingSpace = false
                }
                target[written] = byte
                written += 1
                index += 1
            }
            return written
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
