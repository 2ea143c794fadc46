import Foundation
import GRDB

/// Reading and appending the history. Appending is the only way anything enters the store: the
/// projection rows an event sets are written in the same transaction, from the same
/// ``EventInterpretation`` that `verify` uses.
enum EventLog {
    static let selectSQL = "SELECT seq, recorded_at, actor, kind, payload, reason, previous_hash, hash FROM events"

    static func record(_ row: Row) -> EventRecord {
        EventRecord(
            sequence: row[0], recordedAt: row[1], actor: row[2], kind: row[3], payload: row[4], reason: row[5],
            previousHash: row[6], hash: row[7])
    }

    static func all(_ db: Database) throws -> [EventRecord] {
        try Row.fetchAll(db, sql: selectSQL + " ORDER BY seq").map(record)
    }

    static func event(_ db: Database, sequence: Int64) throws -> EventRecord? {
        try Row.fetchOne(db, sql: selectSQL + " WHERE seq = ?", arguments: [sequence]).map(record)
    }

    static func last(_ db: Database) throws -> EventRecord? {
        try Row.fetchOne(db, sql: selectSQL + " ORDER BY seq DESC LIMIT 1").map(record)
    }

    /// Appends one event after the current last one and applies its projection rows.
    static func append(
        _ db: Database, kind: EventKind, payload: some Encodable, actor: String, reason: String?, at time: Date
    ) throws -> EventRecord {
        try appendEvent(db, kind: kind, payload: payload, actor: actor, reason: reason, at: time).record
    }

    /// ``append(_:kind:payload:actor:reason:at:)``, also returning the event as callers report
    /// it, read from the same interpretation (reading a bid's payload twice doubled an import).
    static func appendEvent(
        _ db: Database, kind: EventKind, payload: some Encodable, actor: String, reason: String?, at time: Date
    ) throws -> (record: EventRecord, event: HistoryEvent) {
        let previous = try last(db)
        let sequence = (previous?.sequence ?? 0) + 1
        let previousHash = previous?.hash ?? Digest.genesis
        let payloadText = try CanonicalJSON.encode(payload)
        let recordedAt = Timestamp.text(time)
        guard
            let hash = EventChain.hash(
                previousHash: previousHash, sequence: sequence, recordedAt: recordedAt, actor: actor, kind: kind.rawValue,
                payload: payloadText, reason: reason)
        else {
            throw StoreError(
                .damaged,
                "the last event (\(previous?.sequence ?? 0)) has no valid hash, so nothing can be added after it; run verify")
        }
        let record = EventRecord(
            sequence: sequence, recordedAt: recordedAt, actor: actor, kind: kind.rawValue, payload: payloadText,
            reason: reason, previousHash: previousHash, hash: hash)
        try db.execute(
            sql: """
                INSERT INTO events (seq, recorded_at, actor, kind, payload, reason, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [sequence, recordedAt, actor, kind.rawValue, payloadText, reason, previousHash, hash])
        let meaning = try EventInterpretation(record)
        for row in meaning.rows {
            try db.execute(sql: row.table.upsertSQL, arguments: StatementArguments(row.values))
        }
        return (record, HistoryEvent(record, meaning: meaning))
    }

    /// Keeps a document's bytes, named by their SHA-256; the same bytes are kept once.
    static func storeDocument(_ db: Database, file: String, bytes: [UInt8]) throws -> DocumentReference {
        let sha = Digest.sha256(bytes)
        try db.execute(
            sql: "INSERT OR IGNORE INTO documents (sha256, bytes) VALUES (?, ?)", arguments: [sha, Data(bytes)])
        return DocumentReference(file: file, sha256: sha, bytes: bytes.count)
    }
}
