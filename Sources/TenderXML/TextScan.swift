import TenderModel

/// What one pass over a text's UTF-8 bytes, as libxml2 holds them, finds for the checks every
/// text of a document goes through: its first control character, whether folding its
/// whitespace would change it, and its words. Done while the tree is copied, so that the
/// readers neither fold a paragraph that is folded already (most are written on one line), nor
/// scan it again for control characters, nor count its words a second time for the word limits.
struct TextScan {
    /// The first control character no document may carry (see ``ControlCharacter``).
    var control: Unicode.Scalar?
    /// No whitespace but single spaces between other characters: folding changes nothing.
    var isFolded = true
    /// Runs of anything but White_Space, as ``Response/wordCount`` counts them; folding never
    /// changes the count.
    var words = 0

    /// Eight bytes at a time through printable ASCII, scalar by scalar through anything else.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let count = bytes.count
        if let spaces = Self.singleSpacedASCII(base, count: count) {
            words = spaces + 1
            return
        }
        if base[0] == 0x20 || base[count - 1] == 0x20 { isFolded = false }
        // Inside a word; otherwise at the start or just after whitespace. A space right after
        // whitespace other than a space does not matter: that whitespace unfolded the text.
        var inWord = false
        var index = 0
        while index < count {
            if index + 8 <= count {
                let chunk = UnicodeWhitespace.load(base, at: index)
                if UnicodeWhitespace.irregularLanes(chunk) == 0 {
                    let spaces = UnicodeWhitespace.spaceLanes(chunk)
                    let before = (spaces << 8) | (inWord ? 0 : 0x80)
                    if spaces & before != 0 { isFolded = false }
                    let letters = ~spaces & UnicodeWhitespace.highBits
                    // Word starts summed by one multiplication (x86-64 has no popcnt by default).
                    words &+= Int(truncatingIfNeeded: (((letters & before) >> 7) &* UnicodeWhitespace.lowBits) >> 56)
                    inWord = letters >> 63 != 0
                    index &+= 8
                    continue
                }
            }
            let byte = base[index]
            var whitespace = 0
            if byte <= 0x20 {
                if byte == 0x20 {
                    whitespace = 1
                    if !inWord && index > 0 { isFolded = false }
                } else if byte >= 0x09 && byte <= 0x0D {
                    whitespace = 1
                    isFolded = false
                }
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && control == nil {
                    control = Unicode.Scalar(byte)
                }
            } else if byte == 0x7F {
                if control == nil { control = Unicode.Scalar(byte) }
            } else if byte >= 0xC2 && byte <= 0xE3 {
                if byte == 0xC2, control == nil, index + 1 < count, base[index + 1] >= 0x80 && base[index + 1] <= 0x9F {
                    control = Unicode.Scalar(base[index + 1])
                }
                whitespace = UnicodeWhitespace.multiByteWidth(bytes, at: index)
                if whitespace > 0 { isFolded = false }
            }
            if whitespace > 0 {
                inWord = false
                index &+= whitespace
            } else {
                if !inWord { words &+= 1 }
                inWord = true
                index &+= 1
            }
        }
    }

    /// The spaces in text of printable ASCII whose only whitespace is single spaces between
    /// words, as most paragraphs are: such text is folded, holds no control character, and has
    /// one word more than spaces. Nil for anything else, which the full scan then reads.
    private static func singleSpacedASCII(_ base: UnsafePointer<UInt8>, count: Int) -> Int? {
        if base[0] == 0x20 || base[count - 1] == 0x20 { return nil }
        var spaces = 0
        var lastWasSpace: UInt64 = 0  // 0x80 when the byte before the chunk is a space
        var index = 0
        while index + 8 <= count {
            let chunk = UnicodeWhitespace.load(base, at: index)
            if UnicodeWhitespace.irregularLanes(chunk) != 0 { return nil }
            let lanes = UnicodeWhitespace.spaceLanes(chunk)
            if lanes & ((lanes << 8) | lastWasSpace) != 0 { return nil }
            spaces &+= Int(truncatingIfNeeded: ((lanes >> 7) &* UnicodeWhitespace.lowBits) >> 56)
            lastWasSpace = lanes >> 56
            index &+= 8
        }
        while index < count {
            let byte = base[index]
            if byte < 0x20 || byte >= 0x7F { return nil }
            if byte == 0x20 {
                if lastWasSpace != 0 { return nil }
                spaces &+= 1
                lastWasSpace = 0x80
            } else {
                lastWasSpace = 0
            }
            index &+= 1
        }
        return spaces
    }
}
