/// What text a person gives may carry.
enum TextRules {
    /// Control characters (C0 but tab, line feed and carriage return in longer texts, DEL, C1)
    /// and the bidirectional overrides and isolates that reorder text on screen.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// Like ``isForbidden(_:)`` but allowing tab and line breaks, for rationales and reasons.
    static func isForbiddenInLongText(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" ? false : isForbidden(scalar)
    }

    /// `U+001B`.
    static func code(_ scalar: Unicode.Scalar) -> String {
        "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = code(scalar)
        switch scalar.value {
        case 0x0A, 0x0D: return "a line break (\(code))"
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return "a text-direction control (\(code))"
        default: return "a control character (\(code))"
        }
    }

    /// The text with every forbidden character shown as its code, safe to print anywhere.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) {
                out += "<\(code(scalar))>"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
