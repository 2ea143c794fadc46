import Crypto
import Foundation

/// One row of the `events` table, exactly as stored.
struct EventRecord: Sendable, Hashable {
    var sequence: Int64
    var recordedAt: String
    var actor: String
    var kind: String
    var payload: String
    var reason: String?
    var previousHash: String
    var hash: String
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
enum EventChain {
    static let absentField: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]

    /// The hash of an event's content linked to `previousHash`; nil when `previousHash` is not
    /// a SHA-256 written as 64 lowercase hexadecimal digits.
    static func hash(
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

    static func hash(of record: EventRecord) -> String? {
        hash(
            previousHash: record.previousHash, sequence: record.sequence, recordedAt: record.recordedAt,
            actor: record.actor, kind: record.kind, payload: record.payload, reason: record.reason)
    }

    private static func append(_ text: String, to message: inout [UInt8]) {
        let bytes = Array(text.utf8)
        let count = UInt32(truncatingIfNeeded: bytes.count)
        message += [UInt8(count >> 24 & 0xFF), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
        message += bytes
    }
}
