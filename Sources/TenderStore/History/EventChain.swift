import Crypto
import Foundation

/// One event of the history, exactly as stored and hashed.
public struct EventRecord: Sendable, Hashable {
    public var sequence: Int64
    /// `2026-10-02T14:20:00.000Z`: the text that is hashed.
    public var recordedAt: String
    public var actor: String
    public var kind: String
    /// Canonical JSON.
    public var payload: String
    public var reason: String?
    public var previousHash: String
    public var hash: String

    public init(
        sequence: Int64, recordedAt: String, actor: String, kind: String, payload: String, reason: String?,
        previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.actor = actor
        self.kind = kind
        self.payload = payload
        self.reason = reason
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// The hash chain that ties every event to all the events before it.
///
/// `hash = SHA-256(previous ‖ field(seq) ‖ field(time) ‖ field(actor) ‖ field(kind) ‖
/// field(payload) ‖ field(reason))`, where `previous` is the 32 raw bytes of the previous event's
/// hash (32 zero bytes for the first event), and `field(text)` is the length of the text's UTF-8
/// bytes as a 4-byte big-endian number followed by those bytes. `seq` is written in decimal, the
/// time as stored (`2026-10-02T14:20:00.000Z`); an absent reason is the length `FF FF FF FF`
/// with no bytes, so it never equals an empty one. Each length prefix makes the encoding
/// unambiguous: no two different events produce the same bytes.
package enum EventChain {
    static let absentField: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]

    /// The hash of an event's content linked to `previousHash`; nil when `previousHash` is not
    /// a SHA-256 written as 64 lowercase hexadecimal digits.
    package static func hash(
        previousHash: String, sequence: Int64, recordedAt: String, actor: String, kind: String, payload: String,
        reason: String?
    ) -> String? {
        guard let previous = Digest.bytes(ofHex: previousHash) else { return nil }
        // Fed to the hasher field by field from each string's own UTF-8: the bytes are those of
        // the message above, without building it (a bid's payload is tens of kilobytes).
        var hasher = SHA256()
        previous.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        update(&hasher, with: String(sequence))
        update(&hasher, with: recordedAt)
        update(&hasher, with: actor)
        update(&hasher, with: kind)
        update(&hasher, with: payload)
        if let reason {
            update(&hasher, with: reason)
        } else {
            absentField.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
        return Digest.hex(Array(hasher.finalize()))
    }

    package static func hash(of record: EventRecord) -> String? {
        hash(
            previousHash: record.previousHash, sequence: record.sequence, recordedAt: record.recordedAt,
            actor: record.actor, kind: record.kind, payload: record.payload, reason: record.reason)
    }

    /// The event that follows `head`: its payload in canonical form, its time as stored, its
    /// hash. Every backend appends what this returns, so they all build the same chain.
    package static func next(
        after head: String, sequence: Int64, kind: EventKind, payload: some Encodable, actor: String, reason: String?,
        at time: Date
    ) throws -> EventRecord {
        try prepare(after: head, sequence: sequence, kind: kind, payload: payload, actor: actor, reason: reason, at: time).record
    }

    /// ``next(after:sequence:kind:payload:actor:reason:at:)`` with the payload's value as well,
    /// so that the writer interprets the event without reading its text back.
    package static func prepare(
        after head: String, sequence: Int64, kind: EventKind, payload: some Encodable, actor: String, reason: String?,
        at time: Date
    ) throws -> PreparedEvent {
        let value: JSONValue
        let payloadText: String
        let members: [String: Range<Int>]
        if let encoded = payload as? EncodedPayload {
            (value, payloadText, members) = (encoded.value, encoded.text, encoded.members)
        } else {
            value = try CanonicalJSON.value(of: payload)
            (payloadText, members) = value.canonicalTextAndMembers
        }
        let recordedAt = Timestamp.text(time)
        guard
            let hash = hash(
                previousHash: head, sequence: sequence, recordedAt: recordedAt, actor: actor, kind: kind.rawValue,
                payload: payloadText, reason: reason)
        else {
            throw StoreError(
                .damaged,
                "the last event (\(sequence - 1)) has no valid hash, so nothing can be added after it; run verify")
        }
        let record = EventRecord(
            sequence: sequence, recordedAt: recordedAt, actor: actor, kind: kind.rawValue, payload: payloadText,
            reason: reason, previousHash: head, hash: hash)
        return PreparedEvent(record: record, payload: value, members: members)
    }

    /// Checks that `record`, copied from another store, is the event that follows `head` as
    /// event `count + 1`, and that its hash is its content's. A backend calls this before it
    /// appends a copied event (``EventSink/append(copied:)``).
    package static func requireFollows(_ record: EventRecord, head: String, count: Int64) throws(StoreError) {
        guard record.sequence == count + 1 else {
            throw StoreError(
                .damaged,
                "event \(record.sequence) cannot be copied after event \(count): the history being copied has a gap or is out of order; run verify on it")
        }
        guard record.previousHash == head else {
            throw StoreError(
                .damaged,
                "event \(record.sequence) does not follow the event before it (it names another previous hash), so it cannot be copied; run verify on the source")
        }
        guard hash(of: record) == record.hash else {
            throw StoreError(
                .damaged,
                "event \(record.sequence)'s content does not match its hash, so it cannot be copied; run verify on the source")
        }
    }

    /// One field: the length of the text's UTF-8 as 4 bytes big-endian, then those bytes.
    private static func update(_ hasher: inout SHA256, with text: String) {
        var text = text
        text.withUTF8 { bytes in
            let count = UInt32(truncatingIfNeeded: bytes.count)
            withUnsafeBytes(of: count.bigEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        }
    }
}

/// An event about to be appended, with its payload's value and where each of its members
/// stands in the payload's text, so the writer interprets it without reading the text back.
package struct PreparedEvent: Sendable {
    package let record: EventRecord
    let payload: JSONValue
    let members: [String: Range<Int>]
}
