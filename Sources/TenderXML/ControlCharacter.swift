import TenderModel

/// Control characters, which no person means to type and no TenderScore document may carry.
///
/// Refused: C0 (U+0000–U+001F) except tab, line feed and carriage return; DEL (U+007F); C1
/// (U+0080–U+009F). XML 1.0 cannot carry most of C0 at all, so a CSV rationale holding one could
/// never be exported; DEL and C1 are legal XML but print as nothing, or garble a terminal (ESC
/// starts a terminal command). They arrive by pasting out of other programs, or from a file in
/// Windows-1252 declared as ISO-8859-1, where curly quotes become C1 characters.
enum ControlCharacter {
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return (0x7F...0x9F).contains(value)
    }

    private static let names: [UInt32: String] = [
        0x00: "null", 0x07: "bell", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed", 0x1B: "escape",
        0x7F: "delete", 0x85: "next line",
    ]

    /// `U+001B (escape)`.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return names[scalar.value].map { "\(code) (\($0))" } ?? code
    }

    /// The refusal for `scalar`, or nil when it is an ordinary character.
    static func problem(_ scalar: Unicode.Scalar, in place: String = "the text") -> String? {
        guard isRefused(scalar) else { return nil }
        return "\(place) holds the control character \(name(scalar)), which no document may carry; delete it "
            + "(it comes from pasting out of another program, or from a file saved in the wrong encoding)"
    }

    /// The first refused character of `text`, and its scalar offset.
    ///
    /// Looked for in the UTF-8 bytes: every refused scalar is one byte below 0x20 or 0x7F, or
    /// 0xC2 followed by 0x80–0x9F (C1), so one pass with no decoding finds it, skipping eight
    /// bytes at a time of printable ASCII. Every text of every bid goes through here; iterating
    /// `unicodeScalars` cost a quarter of reading a bid.
    static func first(in text: String) -> (scalar: Unicode.Scalar, offset: Int)? {
        var text = text
        return text.withUTF8 { first(utf8: $0) }
    }

    static func first(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, offset: Int)? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, UnicodeWhitespace.irregularLanes(UnicodeWhitespace.load(base, at: index)) == 0 {
                index += 8  // eight printable ASCII characters
                continue
            }
            let byte = base[index]
            var refused: UInt8?
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { refused = byte }
            } else if byte == 0x7F {
                refused = byte
            } else if byte == 0xC2, index + 1 < count, base[index + 1] >= 0x80 && base[index + 1] <= 0x9F {
                refused = base[index + 1]
            }
            if let refused {
                // Scalars before it: every byte that is not a continuation byte starts one.
                var offset = 0
                for earlier in 0..<index where base[earlier] & 0xC0 != 0x80 { offset += 1 }
                return (Unicode.Scalar(refused), offset)
            }
            index += 1
        }
        return nil
    }
}
