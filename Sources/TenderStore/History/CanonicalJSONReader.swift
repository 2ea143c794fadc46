/// Reads canonical JSON text in one pass: it checks the form and builds the value together.
///
/// `verify` must know of every event that its payload is exactly what TenderScore writes, and
/// then read the payload's fields. Foundation's `JSONDecoder` did this twice per event (once to
/// re-encode and compare, once to decode the payload), which made it most of verify's time on a
/// history of a million events. This reader accepts a text only when writing its value
/// (``JSONValue/canonicalText``) gives the same bytes back, and refuses it otherwise:
///
/// - no whitespace, nothing after the value, nothing but `null`, `true`, `false`, integers,
///   strings, arrays and objects;
/// - integers as `String(Int64)` writes them: no `+`, no leading zero, no `-0`, no fraction or
///   exponent, within Int64;
/// - strings escaped only where JSON requires it: `\"`, `\\`, `\b \f \n \r \t`, and `\u00xx`
///   (lowercase hex) for the other controls; no raw control, no `\/`, no other `\u`;
/// - object keys strictly increasing by code point (UTF-8 byte order is code point order), so
///   neither out of order nor repeated (keys Swift treats as equal are repeats too);
/// - at most ``maximumDepth`` arrays and objects inside one another, Foundation's own limit, so
///   a hostile payload cannot exhaust the stack.
///
/// `CanonicalJSONReaderTests` compares it with the Foundation way on random values and on
/// damaged variants of them.
enum CanonicalJSONReader {
    static let maximumDepth = 512

    /// The value of `text`, or nil when `text` is not canonical JSON.
    static func value(_ text: String) -> JSONValue? {
        if let found = text.utf8.withContiguousStorageIfAvailable({ value($0) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { value($0) }
    }

    static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var cursor = Cursor(bytes: bytes)
        guard let found = cursor.value(depth: 0), cursor.index == bytes.count else { return nil }
        return found
    }

    /// The value of `text` and, when it is an object, where each of its members' values stands
    /// in the text's UTF-8 (as ``JSONValue/canonicalTextAndMembers`` gives them); nil when
    /// `text` is not canonical JSON.
    /// `recording` false: the same check and value, with no member recorded.
    static func valueAndMembers(_ text: String, recording: Bool = true) -> (value: JSONValue, members: [String: Range<Int>])? {
        func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: JSONValue, members: [String: Range<Int>])? {
            var cursor = Cursor(bytes: bytes)
            cursor.recordsMembers = recording
            guard let found = cursor.value(depth: 0), cursor.index == bytes.count else { return nil }
            return (found, cursor.members)
        }
        if let found = text.utf8.withContiguousStorageIfAvailable({ read($0) }) { return found }
        return Array(text.utf8).withUnsafeBufferPointer { read($0) }
    }

    /// A lowercase hexadecimal digit's value: canonical JSON writes `\u00xx` in lowercase.
    /// Reads a string's body on from `index`, inside the string, to its closing quote, undoing
    /// its escapes into `out`, and leaves `index` after the quote. False for anything
    /// TenderScore's canonical writer does not write: a raw control character, an unknown
    /// escape, or `\u` for anything but a control without a short escape.
    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, into out: inout [UInt8]) -> Bool {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return true
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { return false }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    // Only the controls without a short escape are written as \u00xx.
                    guard bytes.count - index >= 4, bytes[index] == UInt8(ascii: "0"), bytes[index + 1] == UInt8(ascii: "0"),
                        let high = lowerHex(bytes[index + 2]), high <= 1, let low = lowerHex(bytes[index + 3])
                    else { return false }
                    let control = high << 4 | low
                    guard ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(control) else { return false }
                    out.append(control)
                    index += 4
                default:
                    return false
                }
            case 0..<0x20:
                return false
            default:
                out.append(byte)
                index += 1
            }
        }
        return false
    }

    static func lowerHex(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var recordsMembers = false
        var members: [String: Range<Int>] = [:]

        mutating func value(depth: Int) -> JSONValue? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""): return string().map(JSONValue.string)
            case UInt8(ascii: "{"): return depth < maximumDepth ? object(depth: depth + 1) : nil
            case UInt8(ascii: "["): return depth < maximumDepth ? array(depth: depth + 1) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer().map(JSONValue.integer)
            default: return nil
            }
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        private mutating func integer() -> Int64? {
            let negative = bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                // "0" alone; "-0" and "01" are not how Int64 is written.
                if negative || (index < bytes.count && isDigit(bytes[index])) { return nil }
                return 0
            }
            var magnitude: UInt64 = 0
            while index < bytes.count, isDigit(bytes[index]) {
                let (times, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = times.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
                guard !overflowA, !overflowB else { return nil }
                magnitude = sum
                index += 1
            }
            if negative {
                guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
                return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return Int64(magnitude)
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        /// A string's text. Runs without escapes are taken as they are: the input is a Swift
        /// string's UTF-8, and `"` and `\` never occur inside a multi-byte scalar, so a run
        /// always ends on a scalar boundary.
        private mutating func string() -> String? {
            index += 1
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { return escapedString(start: start) }
                if byte < 0x20 { return nil }
                index += 1
            }
            return nil
        }

        private mutating func escapedString(start: Int) -> String? {
            var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            guard CanonicalJSONReader.unescape(bytes, from: &index, into: &out) else { return nil }
            return String(decoding: out, as: UTF8.self)
        }

        private mutating func array(depth: Int) -> JSONValue? {
            index += 1
            var values: [JSONValue] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(values)
            }
            while true {
                guard let element = value(depth: depth) else { return nil }
                values.append(element)
                guard index < bytes.count else { return nil }
                let next = bytes[index]
                index += 1
                if next == UInt8(ascii: "]") { return .array(values) }
                guard next == UInt8(ascii: ",") else { return nil }
            }
        }

        private mutating func object(depth: Int) -> JSONValue? {
            index += 1
            var members: [String: JSONValue] = [:]
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            var previous: String?
            while true {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                if let previous {
                    guard previous.utf8.lexicographicallyPrecedes(key.utf8) else { return nil }
                }
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                let start = index
                guard let member = value(depth: depth) else { return nil }
                guard members.updateValue(member, forKey: key) == nil else { return nil }
                if recordsMembers, depth == 1 { self.members[key] = start..<index }
                previous = key
                guard index < bytes.count else { return nil }
                let next = bytes[index]
                index += 1
                if next == UInt8(ascii: "}") { return .object(members) }
                guard next == UInt8(ascii: ",") else { return nil }
            }
        }
    }
}
