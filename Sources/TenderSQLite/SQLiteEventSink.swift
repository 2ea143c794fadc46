import Crypto
import Foundation
import GRDB
import GRDBSQLite
import TenderStore

/// Appends events and keeps documents inside one SQLite write transaction.
///
/// Appending is the only way anything enters the store: the projection rows an event sets are
/// written in the same transaction, from the same ``EventInterpretation`` that `verify` uses.
final class SQLiteEventSink: EventSink {
    static let selectSQL = "SELECT seq, recorded_at, actor, kind, payload, reason, previous_hash, hash FROM events"

    private let db: Database
    private(set) var head: String
    private(set) var eventCount: Int64

    init(_ db: Database, head: String = Digest.genesis, count: Int64 = 0) {
        self.db = db
        self.head = head
        self.eventCount = count
    }

    func append(_ kind: EventKind, payload: some Encodable, actor: String, reason: String?, at time: Date) throws
        -> HistoryEvent
    {
        let prepared = try EventChain.prepare(
            after: head, sequence: eventCount + 1, kind: kind, payload: payload, actor: actor, reason: reason, at: time)
        return try store(prepared.record, meaning: EventInterpretation(prepared))
    }

    func append(copied record: EventRecord) throws -> HistoryEvent {
        try EventChain.requireFollows(record, head: head, count: eventCount)
        return try store(record, meaning: EventInterpretation(record))
    }

    /// Statements are prepared once per connection and reused (`cachedStatement`): an import
    /// appends thousands of events, each an event row and its projection rows, in the one
    /// transaction of its write.
    private func store(_ record: EventRecord, meaning: EventInterpretation) throws -> HistoryEvent {
        try db.cachedStatement(
            sql: """
                INSERT INTO events (seq, recorded_at, actor, kind, payload, reason, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                record.sequence, record.recordedAt, record.actor, record.kind, record.payload, record.reason,
                record.previousHash, record.hash,
            ])
        for row in meaning.rows {
            try db.cachedStatement(sql: row.table.upsertSQL).execute(
                arguments: StatementArguments(row.values.map(\.databaseValue)))
        }
        for removal in meaning.removals {
            let condition = removal.keyColumns.map { "\($0) = ?" }.joined(separator: " AND ")
            try db.execute(
                sql: "DELETE FROM \(removal.table.name) WHERE \(condition)",
                arguments: StatementArguments(removal.key.map(\.databaseValue)))
        }
        head = record.hash
        eventCount = record.sequence
        return HistoryEvent(record, meaning: meaning)
    }

    func keep(_ document: HashedDocument) throws -> DocumentReference {
        try db.execute(
            sql: "INSERT OR IGNORE INTO documents (sha256, bytes) VALUES (?, ?)",
            arguments: [document.reference.sha256, Data(document.bytes)])
        return document.reference
    }

    /// Keeps a large document without holding it in memory: the row is made with a zero-filled
    /// blob of the right size, then written through SQLite's incremental blob I/O (which fires no
    /// trigger: the row is new). The bytes are hashed again as they are copied, so a file changed
    /// since it was first hashed is refused.
    func keep(_ source: DocumentSource) throws -> DocumentReference {
        let reference = DocumentReference(file: source.file, sha256: source.sha256, bytes: source.size)
        try db.execute(
            sql: "INSERT OR IGNORE INTO documents (sha256, bytes) VALUES (?, zeroblob(?))",
            arguments: [source.sha256, source.size])
        guard db.changesCount > 0 else { return reference }
        let rowID = db.lastInsertedRowID
        guard let connection = db.sqliteConnection else { throw StoreError(.database, "the store is closed") }
        var blob: OpaquePointer?
        guard sqlite3_blob_open(connection, "main", "documents", "bytes", rowID, 1, &blob) == SQLITE_OK, let blob else {
            throw StoreError(
                .database, "the bytes of \(source.file) cannot be written to the store: \(String(cString: sqlite3_errmsg(connection)))")
        }
        defer { sqlite3_blob_close(blob) }
        var hasher = SHA256()
        var offset = 0
        try source.chunks { chunk in
            guard offset + chunk.count <= source.size else {
                throw StoreError(.invalidDocuments, "\(source.file) changed while it was being imported; import it again")
            }
            hasher.update(data: chunk)
            let status = chunk.withUnsafeBytes { raw in
                sqlite3_blob_write(blob, raw.baseAddress, Int32(raw.count), Int32(offset))
            }
            guard status == SQLITE_OK else {
                throw StoreError(.database, "the bytes of \(source.file) cannot be written to the store (SQLite error \(status))")
            }
            offset += chunk.count
        }
        guard offset == source.size, Digest.hex(Array(hasher.finalize())) == source.sha256 else {
            throw StoreError(.invalidDocuments, "\(source.file) changed while it was being imported; import it again")
        }
        return reference
    }

    /// An event row read without trusting it: a damaged row is a finding, never a trap.
    static func record(_ row: Row) throws -> EventRecord {
        let values = Array(row.databaseValues)
        func text(_ index: Int, _ column: String) throws -> String {
            guard index < values.count, let text = String.fromDatabaseValue(values[index]) else {
                throw StoreError(.damaged, "an event's \(column) cannot be read (the row after event \(Int64.fromDatabaseValue(values.first ?? .null) ?? 0) is damaged)")
            }
            return text
        }
        guard let sequence = values.first.flatMap(Int64.fromDatabaseValue) else {
            throw StoreError(.damaged, "an event has no readable sequence number: the events table is damaged")
        }
        let reason = values.count > 5 && !values[5].isNull ? try text(5, "reason") : nil
        return EventRecord(
            sequence: sequence, recordedAt: try text(1, "time"), actor: try text(2, "actor"), kind: try text(3, "kind"),
            payload: try text(4, "payload"), reason: reason, previousHash: try text(6, "previous hash"),
            hash: try text(7, "hash"))
    }

    static func last(_ db: Database) throws -> EventRecord? {
        try Row.fetchOne(db, sql: selectSQL + " ORDER BY seq DESC LIMIT 1").map(record)
    }
}
