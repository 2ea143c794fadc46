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
        var message = previous
        for field in [String(sequence), recordedAt, actor, kind, payload] {
            append(field, to: &message)
        }
        if let reason {
            append(reason, to: &message)
        } else {
            message += absentField
        }
        return Digest.sha256(message)
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
        let payloadText = try CanonicalJSON.encode(payload)
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
        return EventRecord(
            sequence: sequence, recordedAt: recordedAt, actor: actor, kind: kind.rawValue, payload: payloadText,
            reason: reason, previousHash: head, hash: hash)
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

    private static func append(_ text: String, to message: inout [UInt8]) {
        let bytes = Array(text.utf8)
        let count = UInt32(truncatingIfNeeded: bytes.count)
        message += [UInt8(count >> 24 & 0xFF), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
        message += bytes
    }
}
