import Mustache
import TenderModel

/// Mustache's HTML escaping (`&`, `<`, `>`, `"`, `'` as entities), on UTF-8 bytes; also what
/// ``HTML`` escapes every interpolated string with.
///
/// The library's own escaping walks every value by grapheme cluster with a dictionary lookup
/// each; writing 2,000 assessment summaries spent an eighth of its time there. Every escaped
/// character is ASCII, so bytes give the same entities, and also escape a `<` that a combining
/// mark follows, which the grapheme walk let through.
struct HTMLEscaping: MustacheContentType {
    static let name = "TENDERSCORE_HTML"

    func escapeText(_ text: String) -> String {
        var out = ""
        Self.append(text, to: &out)
        return out
    }

    /// `text` escaped, added to the end of `out`: as it is when nothing in it needs escaping.
    static func append(_ text: String, to out: inout String) {
        var text = text
        // Over the contiguous bytes: `utf8.contains(where:)` walked the view's iterator byte by
        // byte, a tenth of writing the assessment summaries.
        guard text.withUTF8({ Self.needsEscaping($0) }) else {
            out += text
            return
        }
        let utf8 = text.utf8
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Whether any byte is one of `&<>"'`, eight bytes at a time.
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        while index + 8 <= bytes.count {
            let chunk = UnicodeWhitespace.load(base, at: index)
            let marked =
                UnicodeWhitespace.lanesEqual(to: 0x26, chunk) | UnicodeWhitespace.lanesEqual(to: 0x3C, chunk)
                | UnicodeWhitespace.lanesEqual(to: 0x3E, chunk) | UnicodeWhitespace.lanesEqual(to: 0x22, chunk)
                | UnicodeWhitespace.lanesEqual(to: 0x27, chunk)
            if marked != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            switch base[index] {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27: return true
            default: index += 1
            }
        }
        return false
    }
}
