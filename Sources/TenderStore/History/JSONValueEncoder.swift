import Foundation

/// Encodes a payload straight into a ``JSONValue``, the one pass an event's canonical text
/// needs. It replaced `JSONEncoder` → bytes → `JSONDecoder` → `JSONValue`, three passes over
/// every 30 KB bid on import.
///
/// It writes what that round trip wrote for the types TenderScore stores: absent optionals
/// left out (`encodeIfPresent`), an explicit `encodeNil` as `null`, integers exactly, strings,
/// booleans, arrays and objects, a later value for a key replacing an earlier one. Anything it
/// is unsure of (floating point, `Date`, `Data`, `URL`, `Decimal`, integers beyond Int64, a
/// value that encodes nothing) is refused, and ``CanonicalJSON/value(of:)`` then takes the old
/// round trip, so such a value is written exactly as before or refused exactly as before.
struct JSONValueEncoder {
    struct Unsupported: Error {}

    static func value<Value: Encodable>(of value: Value) throws -> JSONValue {
        let slot = Slot()
        try encode(value, into: slot, codingPath: [])
        return try slot.resolved()
    }

    fileprivate static func encode<Value: Encodable>(_ value: Value, into slot: Slot, codingPath: [any CodingKey]) throws {
        if Value.self == Date.self || Value.self == Data.self || Value.self == URL.self || Value.self == Decimal.self {
            throw Unsupported()
        }
        try value.encode(to: Writer(slot: slot, codingPath: codingPath))
    }

    fileprivate static func integer<T: BinaryInteger>(_ value: T) throws -> JSONValue {
        guard let exact = Int64(exactly: value) else { throw Unsupported() }
        return .integer(exact)
    }
}

/// A value while it is being written: a leaf, or an object or array whose members are slots.
private final class Slot {
    var leaf: JSONValue?
    var object: [String: Slot]?
    var array: [Slot]?

    init(_ leaf: JSONValue? = nil) { self.leaf = leaf }

    func resolved() throws -> JSONValue {
        if let object {
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(object.count)
            for (key, slot) in object { members[key] = try slot.resolved() }
            return .object(members)
        }
        if let array {
            var values: [JSONValue] = []
            values.reserveCapacity(array.count)
            for slot in array { values.append(try slot.resolved()) }
            return .array(values)
        }
        guard let leaf else { throw JSONValueEncoder.Unsupported() }
        return leaf
    }

    func asObject() -> Slot {
        if object == nil {
            object = [:]
            array = nil
            leaf = nil
        }
        return self
    }

    func asArray() -> Slot {
        if array == nil {
            array = []
            object = nil
            leaf = nil
        }
        return self
    }
}

private struct Writer: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(slot: slot.asObject(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedWriter(slot: slot.asArray(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleWriter(slot: slot, codingPath: codingPath)
    }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [any CodingKey]

    private func set(_ value: JSONValue, _ key: Key) { slot.object?[key.stringValue] = Slot(value) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(try JSONValueEncoder.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(try JSONValueEncoder.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(try JSONValueEncoder.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(try JSONValueEncoder.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(try JSONValueEncoder.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(try JSONValueEncoder.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(try JSONValueEncoder.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(try JSONValueEncoder.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(try JSONValueEncoder.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(try JSONValueEncoder.integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = Slot()
        try JSONValueEncoder.encode(value, into: child, codingPath: codingPath + [key])
        slot.object?[key.stringValue] = child
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = Slot().asObject()
        slot.object?[key.stringValue] = child
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(slot: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Slot().asArray()
        slot.object?[key.stringValue] = child
        return UnkeyedWriter(slot: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let child = Slot()
        slot.object?["super"] = child
        return Writer(slot: child, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = Slot()
        slot.object?[key.stringValue] = child
        return Writer(slot: child, codingPath: codingPath + [key])
    }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey]
    var count: Int { slot.array?.count ?? 0 }

    private func append(_ value: JSONValue) { slot.array?.append(Slot(value)) }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Float) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Int) throws { append(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: Int8) throws { append(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: Int16) throws { append(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: Int32) throws { append(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: Int64) throws { append(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt) throws { append(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt8) throws { append(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt16) throws { append(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt32) throws { append(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt64) throws { append(try JSONValueEncoder.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = Slot()
        try JSONValueEncoder.encode(value, into: child, codingPath: codingPath)
        slot.array?.append(child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Slot().asObject()
        slot.array?.append(child)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(slot: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Slot().asArray()
        slot.array?.append(child)
        return UnkeyedWriter(slot: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let child = Slot()
        slot.array?.append(child)
        return Writer(slot: child, codingPath: codingPath)
    }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey]

    private func set(_ value: JSONValue) {
        slot.leaf = value
        slot.object = nil
        slot.array = nil
    }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Float) throws { throw JSONValueEncoder.Unsupported() }
    mutating func encode(_ value: Int) throws { set(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: Int8) throws { set(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: Int16) throws { set(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: Int32) throws { set(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: Int64) throws { set(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt) throws { set(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt8) throws { set(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt16) throws { set(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt32) throws { set(try JSONValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt64) throws { set(try JSONValueEncoder.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try JSONValueEncoder.encode(value, into: slot, codingPath: codingPath)
    }
}
