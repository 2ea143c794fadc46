/// Text made safe for XML that TenderScore writes (submission XML, response forms).
package enum XMLText {
    /// Escaped for element content and double-quoted attributes. Characters XML 1.0 cannot hold
    /// (most C0 controls, U+FFFE, U+FFFF) are dropped rather than written as an invalid document:
    /// the text TenderScore writes never needs them, and Word refuses a file that has them.
    package static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
