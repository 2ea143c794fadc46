import TenderModel

/// What one pass over a text's UTF-8 bytes, as libxml2 holds them, finds for the checks every
/// text of a document goes through: whether folding its whitespace would change it, and its
/// first control character. Done while the tree is copied, so that the readers neither fold
/// a paragraph that is folded already (most are written on one line) nor scan it again for
/// control characters.
struct TextScan {
    /// No whitespace but single spaces between other characters: folding changes nothing.
    var isFolded = true
    /// The first control character no document may carry (see ``ControlCharacter``).
    var control: Unicode.Scalar?

    /// Eight bytes at a time through printable ASCII, byte by byte through anything else.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let count = bytes.count
        if base[0] == 0x20 || base[count - 1] == 0x20 { isFolded = false }
        var afterSpace = false
        var index = 0
        while index < count {
            if index + 8 <= count {
                let chunk = UnicodeWhitespace.load(base, at: index)
                if UnicodeWhitespace.irregularLanes(chunk) == 0 {
                    if isFolded {
                        let spaces = UnicodeWhitespace.spaceLanes(chunk)
                        if spaces & ((spaces << 8) | (afterSpace ? 0x80 : 0)) != 0 { isFolded = false }
                        afterSpace = spaces >> 63 != 0
                    }
                    index += 8
                    continue
                }
            }
            let byte = base[index]
            if byte == 0x20 {
                if afterSpace { isFolded = false }
                afterSpace = true
                index += 1
                continue
            }
            if byte < 0x20 {
                if byte >= 0x09 && byte <= 0x0D { isFolded = false }
                if byte != 0x09 && byte != 0x0A && byte != 0x0D && control == nil { control = Unicode.Scalar(byte) }
            } else if byte == 0x7F {
                if control == nil { control = Unicode.Scalar(byte) }
            } else if byte >= 0xC2 && byte <= 0xE3 {
                if byte == 0xC2, control == nil, index + 1 < count, base[index + 1] >= 0x80 && base[index + 1] <= 0x9F {
                    control = Unicode.Scalar(base[index + 1])
                }
                if UnicodeWhitespace.multiByteWidth(bytes, at: index) > 0 { isFolded = false }
            }
            afterSpace = false
            index += 1
            if control != nil && !isFolded { return }  // nothing more to learn
        }
    }
}
