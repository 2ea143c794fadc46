import Foundation

/// A JSON value, and the one way TenderScore writes it down.
///
/// Event payloads are hashed, so their text must not depend on a JSON library's habits. The
/// canonical form is: UTF-8; no whitespace; object keys sorted by their Unicode code points;
/// strings escaped only where JSON requires it (`"`, `\`, and controls, as `\b \f \n \r \t` or
/// `\u00xx`); integers in decimal; no floating-point numbers (amounts are decimal strings).
/// Python's `json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` writes
/// the same text, so an auditor can check a payload without this code.
enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    var canonicalText: String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The canonical text, and where each member of a top-level object stands in its UTF-8:
    /// the projection keeps a bid's canonical form, which is exactly its member's text in the
    /// event's payload, taken from there instead of being written a second time.
    var canonicalTextAndMembers: (text: String, members: [String: Range<Int>]) {
        guard case .object(let members) = self else { return (canonicalText, [:]) }
        var out: [UInt8] = []
        var ranges: [String: Range<Int>] = [:]
        out.append(UInt8(ascii: "{"))
        for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.writeString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            let start = out.count
            members[key]?.write(to: &out)
            ranges[key] = start..<out.count
        }
        out.append(UInt8(ascii: "}"))
        return (String(decoding: out, as: UTF8.self), ranges)
    }

    /// Written as UTF-8 bytes: a bid's payload holds tens of kilobytes of answers, and
    /// appending scalar by scalar to a String made this the slowest step of an import.
    private func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .integer(let value): out += String(value).utf8
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            // UTF-8 byte order is code point order, and much cheaper to compare.
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                members[key]?.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Escapes only what JSON requires; every other byte of the UTF-8 is copied as it is (bytes
    /// of multi-byte scalars are all 0x80 or above, so never mistaken for `"`, `\` or a control).
    private static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs that need no escape (nearly all of an answer) are copied whole.
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                escape(byte, to: &out)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func escape(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
        case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
        case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        default:
            out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
    }
}

extension JSONValue: Codable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Most values of a payload are strings, then objects and arrays: try them first, since
        // each failed attempt builds a DecodingError. No JSON value decodes as two of these.
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "only null, booleans, integers, strings, arrays and objects are used")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// Codable values to and from canonical JSON text.
package enum CanonicalJSON {
    package static func encode<Value: Encodable>(_ value: Value) throws -> String {
        try self.value(of: value).canonicalText
    }

    /// The value `value` encodes to, in one pass (``JSONValueEncoder``); anything that writer is
    /// unsure of takes the old round trip through Foundation, which decides as it always did.
    static func value<Value: Encodable>(of value: Value) throws -> JSONValue {
        if let direct = try? JSONValueEncoder.value(of: value) { return direct }
        return try foundationValue(of: value)
    }

    /// The round trip the direct writer replaced, kept as its fallback and for the tests that
    /// compare the two.
    static func foundationValue<Value: Encodable>(of value: Value) throws -> JSONValue {
        let data = try JSONEncoder().encode(value)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    package static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try decode(type, from: text, value: CanonicalJSONReader.value(text))
    }

    /// Decodes from `value` (the text already read by ``CanonicalJSONReader``) when it can,
    /// else from `text` with `JSONDecoder`, whose errors callers have always seen.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String, value: JSONValue?) throws -> Value {
        if let value, let decoded = try? JSONValueDecoder.decode(type, from: value) { return decoded }
        return try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// True when `text` is already in canonical form (what TenderScore itself writes).
    package static func isCanonical(_ text: String) -> Bool {
        CanonicalJSONReader.value(text) != nil
    }

    /// The check as it was before ``CanonicalJSONReader``: decode with Foundation, write the
    /// canonical form, compare. Kept for the tests that compare the two.
    package static func isCanonicalByFoundation(_ text: String) -> Bool {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { return false }
        return value.canonicalText == text
    }
}
