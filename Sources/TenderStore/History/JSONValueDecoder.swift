import Foundation

/// Decodes a payload's types straight from a ``JSONValue`` already read by
/// ``CanonicalJSONReader``, so that `verify` reads each payload once instead of handing its text
/// to `JSONDecoder` again.
///
/// It accepts what `JSONDecoder` accepts for the types TenderScore stores (strings, integers,
/// booleans, optionals, arrays and nested structs, unknown keys ignored). Types `JSONDecoder`
/// treats specially (`Date`, `Data`, `URL`, `Decimal`) are refused, and any refusal makes the
/// caller fall back to `JSONDecoder` on the text (``CanonicalJSON/decode(_:from:value:)``), so an
/// error reads as it always did.
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ value: JSONValue, codingPath: [any CodingKey] = []) {
        self.value = value
        self.codingPath = codingPath
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from value: JSONValue, codingPath: [any CodingKey] = []) throws
        -> Value
    {
        if type == Date.self || type == Data.self || type == URL.self || type == Decimal.self {
            throw DecodingError.typeMismatch(
                type, DecodingError.Context(codingPath: codingPath, debugDescription: "left to JSONDecoder"))
        }
        return try Value(from: JSONValueDecoder(value, codingPath: codingPath))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw Self.mismatch([String: JSONValue].self, value, codingPath) }
        return KeyedDecodingContainer(Keyed<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let values) = value else { throw Self.mismatch([JSONValue].self, value, codingPath) }
        return Unkeyed(values: values, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value, codingPath: codingPath) }

    static func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
        DecodingError.typeMismatch(type, DecodingError.Context(codingPath: path, debugDescription: "found \(value)"))
    }

    /// The primitive reads, shared by the three containers.
    static func bool(_ value: JSONValue, _ path: [any CodingKey]) throws -> Bool {
        guard case .bool(let found) = value else { throw mismatch(Bool.self, value, path) }
        return found
    }

    static func string(_ value: JSONValue, _ path: [any CodingKey]) throws -> String {
        guard case .string(let found) = value else { throw mismatch(String.self, value, path) }
        return found
    }

    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ value: JSONValue, _ path: [any CodingKey]) throws -> T {
        guard case .integer(let found) = value, let exact = T(exactly: found) else { throw mismatch(type, value, path) }
        return exact
    }

    static func floating<T: BinaryFloatingPoint>(_ type: T.Type, _ value: JSONValue, _ path: [any CodingKey]) throws -> T {
        guard case .integer(let found) = value else { throw mismatch(type, value, path) }
        return T(found)
    }

    struct Index: CodingKey {
        var stringValue: String { "Index \(intValue ?? 0)" }
        var intValue: Int?
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let members: [String: JSONValue]
        let codingPath: [any CodingKey]

        var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }
        func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

        private func member(_ key: Key) throws -> JSONValue {
            guard let found = members[key.stringValue] else {
                throw DecodingError.keyNotFound(
                    key, DecodingError.Context(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
            }
            return found
        }

        /// Not extended per key: any error makes the caller decode again with `JSONDecoder`,
        /// whose error names the path, and building a path per field was a fifth of the decoding.
        private func path(_ key: Key) -> [any CodingKey] { codingPath }

        func decodeNil(forKey key: Key) throws -> Bool { try member(key) == .null }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try JSONValueDecoder.bool(member(key), path(key)) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try JSONValueDecoder.string(member(key), path(key)) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try floating(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try floating(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try JSONValueDecoder.decode(type, from: member(key), codingPath: path(key))
        }

        private func integer<T: FixedWidthInteger>(_ type: T.Type, _ key: Key) throws -> T {
            try JSONValueDecoder.integer(type, member(key), path(key))
        }

        private func floating<T: BinaryFloatingPoint>(_ type: T.Type, _ key: Key) throws -> T {
            try JSONValueDecoder.floating(type, member(key), path(key))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try JSONValueDecoder(member(key), codingPath: path(key)).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoder(member(key), codingPath: path(key)).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            JSONValueDecoder(members["super"] ?? .null, codingPath: codingPath)
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            JSONValueDecoder(members[key.stringValue] ?? .null, codingPath: path(key))
        }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let values: [JSONValue]
        let codingPath: [any CodingKey]
        var currentIndex = 0

        init(values: [JSONValue], codingPath: [any CodingKey]) {
            self.values = values
            self.codingPath = codingPath
        }

        var count: Int? { values.count }
        var isAtEnd: Bool { currentIndex >= values.count }

        private mutating func next() throws -> (JSONValue, [any CodingKey]) {
            guard currentIndex < values.count else {
                throw DecodingError.valueNotFound(
                    JSONValue.self, DecodingError.Context(codingPath: codingPath, debugDescription: "the array has no more values"))
            }
            defer { currentIndex += 1 }
            return (values[currentIndex], codingPath)
        }

        mutating func decodeNil() throws -> Bool {
            guard currentIndex < values.count else {
                throw DecodingError.valueNotFound(
                    JSONValue.self, DecodingError.Context(codingPath: codingPath, debugDescription: "the array has no more values"))
            }
            if values[currentIndex] == .null {
                currentIndex += 1
                return true
            }
            return false
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool {
            let (value, path) = try next()
            return try JSONValueDecoder.bool(value, path)
        }

        mutating func decode(_ type: String.Type) throws -> String {
            let (value, path) = try next()
            return try JSONValueDecoder.string(value, path)
        }

        mutating func decode(_ type: Double.Type) throws -> Double { try floating(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try floating(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (value, path) = try next()
            return try JSONValueDecoder.decode(type, from: value, codingPath: path)
        }

        private mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
            let (value, path) = try next()
            return try JSONValueDecoder.integer(type, value, path)
        }

        private mutating func floating<T: BinaryFloatingPoint>(_ type: T.Type) throws -> T {
            let (value, path) = try next()
            return try JSONValueDecoder.floating(type, value, path)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            let (value, path) = try next()
            return try JSONValueDecoder(value, codingPath: path).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (value, path) = try next()
            return try JSONValueDecoder(value, codingPath: path).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (value, path) = try next()
            return JSONValueDecoder(value, codingPath: path)
        }
    }

    struct Single: SingleValueDecodingContainer {
        let value: JSONValue
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { value == .null }
        func decode(_ type: Bool.Type) throws -> Bool { try JSONValueDecoder.bool(value, codingPath) }
        func decode(_ type: String.Type) throws -> String { try JSONValueDecoder.string(value, codingPath) }
        func decode(_ type: Double.Type) throws -> Double { try JSONValueDecoder.floating(type, value, codingPath) }
        func decode(_ type: Float.Type) throws -> Float { try JSONValueDecoder.floating(type, value, codingPath) }
        func decode(_ type: Int.Type) throws -> Int { try JSONValueDecoder.integer(type, value, codingPath) }
        func decode(_ type: Int8.Type) throws -> Int8 { try JSONValueDecoder.integer(type, value, codingPath) }
        func decode(_ type: Int16.Type) throws -> Int16 { try JSONValueDecoder.integer(type, value, codingPath) }
        func decode(_ type: Int32.Type) throws -> Int32 { try JSONValueDecoder.integer(type, value, codingPath) }
        func decode(_ type: Int64.Type) throws -> Int64 { try JSONValueDecoder.integer(type, value, codingPath) }
        func decode(_ type: UInt.Type) throws -> UInt { try JSONValueDecoder.integer(type, value, codingPath) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONValueDecoder.integer(type, value, codingPath) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONValueDecoder.integer(type, value, codingPath) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONValueDecoder.integer(type, value, codingPath) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONValueDecoder.integer(type, value, codingPath) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONValueDecoder.decode(type, from: value, codingPath: codingPath)
        }
    }
}
