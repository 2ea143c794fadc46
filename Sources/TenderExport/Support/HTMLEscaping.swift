import Mustache

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
        let utf8 = text.utf8
        // The table read once, not through its global's accessor for every byte.
        let escapes = Self.escapes
        guard utf8.contains(where: { escapes[Int($0)] }) else {
            out += text
            return
        }
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

    private static let escapes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "&<>\"'".utf8 { table[Int(byte)] = true }
        return table
    }()
}
