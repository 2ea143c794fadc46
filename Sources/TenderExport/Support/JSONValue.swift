import Foundation
import TenderModel

/// A JSON value that keeps its keys in the order they were given, so that golden files and
/// diffs between two runs stay stable, and that writes numbers from their exact decimal text.
///
/// `JSONEncoder` would turn a `Decimal` into a `Double` on the way out on some platforms and
/// sorts keys only alphabetically; the ranking JSON needs neither.
package enum JSONValue: Sendable, Hashable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// The number's text, already valid JSON (see ``number(_:)-swift.type.method``).
    case numberText(String)
    case bool(Bool)
    case null
    /// JSON text written as it is: a stored event's canonical payload, already valid JSON.
    case embedded(String)

    package static func number(_ value: Decimal) -> JSONValue { .numberText(value.jsonText) }
    package static func number(_ value: Int) -> JSONValue { .numberText(String(value)) }
    package static func number(_ value: Double) -> JSONValue { .numberText(value.isFinite ? "\(value)" : "null") }
    package static func number(_ value: Decimal?) -> JSONValue { value.map { .number($0) } ?? .null }
    package static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialised() == rhs.serialised() }
    package func hash(into hasher: inout Hasher) { hasher.combine(serialised()) }

    /// Pretty-printed with two-space indents and a final newline.
    package func serialised() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    /// The indents are made only for objects and arrays: a ranking of 2,000 bids writes
    /// hundreds of thousands of numbers, and two padding strings per number were a fifth of
    /// `rank --format json`.
    private func write(to out: inout String, indent: Int) {
        switch self {
        case let .object(members):
            if members.isEmpty {
                out += "{}"
                return
            }
            let pad = String(repeating: "  ", count: indent + 1)
            let close = String(repeating: "  ", count: indent)
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += pad + Self.quoted(key) + ": "
                value.write(to: &out, indent: indent + 1)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        case let .array(values):
            if values.isEmpty {
                out += "[]"
                return
            }
            if values.allSatisfy(\.isScalar) {
                var line = "["
                for (index, value) in values.enumerated() {
                    if index > 0 { line += ", " }
                    value.write(to: &line, indent: indent + 1)
                }
                out += line + "]"
                return
            }
            let pad = String(repeating: "  ", count: indent + 1)
            let close = String(repeating: "  ", count: indent)
            out += "[\n"
            // A ranking's 2,000 entries are written on every core, each into its own text.
            for (index, text) in values.concurrentMap({ value in
                var text = pad
                value.write(to: &text, indent: indent + 1)
                return text
            }).enumerated() {
                out += text
                out += index == values.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case let .string(text):
            out += Self.quoted(text)
        case let .numberText(text):
            out += text
        case let .bool(flag):
            out += flag ? "true" : "false"
        case .null:
            out += "null"
        case let .embedded(text):
            out += text
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    /// RFC 8259 string escaping; U+2028 and U+2029 are escaped too, for readers that treat the
    /// text as JavaScript.
    static func quoted(_ text: String) -> String {
        // Most texts (ids, names, criteria) need no escape: copied whole. U+2028 and U+2029
        // are E2 80 A8 and E2 80 A9 in UTF-8, so a text without 0xE2 holds neither.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
