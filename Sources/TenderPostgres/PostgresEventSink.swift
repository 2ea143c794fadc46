import Crypto
import Foundation
import PostgresNIO
import TenderStore

/// Collects what one write appends, then stores it all inside the write's transaction.
///
/// ``EventSink`` is synchronous (a use case decides without awaiting), while PostgresNIO is
/// asynchronous. So the sink computes each event exactly as every backend does
/// (``EventChain``, ``EventInterpretation``) and buffers the events, their projection rows and
/// the documents kept in memory; ``PostgresStorage`` flushes the buffer on the same connection
/// in the same transaction after the body returns, then commits. A body that throws leaves the
/// buffer unflushed and the transaction is rolled back: nothing of it is stored.
///
/// Memory: everything one write records is held until it is flushed. For ordinary changes that
/// is a few kilobytes; for a bulk import it is every bid's canonical form plus every original
/// document's bytes, about twice the size of the files imported (a large document read through
/// ``DocumentSource`` is read into memory here too, unlike SQLite's incremental blob copy).
/// Split a very large import (many gigabytes) into several runs.
final class PostgresEventSink: EventSink {
    let tender: String
    private(set) var head: String
    private(set) var eventCount: Int64
    private(set) var events: [EventRecord] = []
    /// Every projection change in order: a row set, or (nil) a row taken out by its key.
    private(set) var changes: [(table: ProjectedTable, key: [StoredValue], row: ProjectedRow?)] = []
    private(set) var documents: [(sha256: String, bytes: [UInt8])] = []
    private var keptDocuments: Set<String> = []

    init(tender: String, head: String = Digest.genesis, count: Int64 = 0) {
        self.tender = tender
        self.head = head
        self.eventCount = count
    }

    func append(_ kind: EventKind, payload: some Encodable, actor: String, reason: String?, at time: Date) throws
        -> HistoryEvent
    {
        let record = try EventChain.next(
            after: head, sequence: eventCount + 1, kind: kind, payload: payload, actor: actor, reason: reason, at: time)
        return try self.record(record)
    }

    func append(copied record: EventRecord) throws -> HistoryEvent {
        try EventChain.requireFollows(record, head: head, count: eventCount)
        return try self.record(record)
    }

    private func record(_ record: EventRecord) throws -> HistoryEvent {
        let meaning = try EventInterpretation(record)
        for row in meaning.rows where row.table.namesTender && row.values.first != StoredValue(tender) {
            throw StoreError(
                .invalidInput,
                "event \(record.sequence) is about tender \(row.values.first ?? .null), not \(tender), so it cannot be stored under \(tender)")
        }
        events.append(record)
        changes += meaning.rows.map { ($0.table, $0.key, $0) }
        changes += meaning.removals.map { ($0.table, $0.key, nil) }
        head = record.hash
        eventCount = record.sequence
        return HistoryEvent(record, meaning: meaning)
    }

    func keep(_ document: HashedDocument) throws -> DocumentReference {
        let sha = document.reference.sha256
        if keptDocuments.insert(sha).inserted { documents.append((sha, document.bytes)) }
        return document.reference
    }

    /// Reads the document whole (see the memory note above), hashing it again as it is read,
    /// so a file changed since it was first hashed is refused.
    func keep(_ source: DocumentSource) throws -> DocumentReference {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.size)
        var hasher = SHA256()
        try source.chunks { chunk in
            guard bytes.count + chunk.count <= source.size else {
                throw StoreError(.invalidDocuments, "\(source.file) changed while it was being imported; import it again")
            }
            hasher.update(data: chunk)
            bytes += chunk
        }
        guard bytes.count == source.size, Digest.hex(Array(hasher.finalize())) == source.sha256 else {
            throw StoreError(.invalidDocuments, "\(source.file) changed while it was being imported; import it again")
        }
        if keptDocuments.insert(source.sha256).inserted { documents.append((source.sha256, bytes)) }
        return DocumentReference(file: source.file, sha256: source.sha256, bytes: source.size)
    }

    /// Stores what was buffered on the write's connection (inside its transaction), a few
    /// hundred rows per statement: the documents, the events, then each table's projection
    /// rows. A key set twice in one write keeps its last row, as upserting one by one would.
    func flush(_ connection: PostgresConnection, logger: Logger) async throws {
        let batch = BatchInsert(connection: connection, logger: logger)
        try await batch.run(
            "INSERT INTO documents (tender_id, sha256, bytes) VALUES", suffix: "ON CONFLICT DO NOTHING", width: 3,
            rows: documents.map { [.text(tender), .text($0.sha256), .bytes($0.bytes)] })
        try await batch.run(
            "INSERT INTO events (tender_id, seq, recorded_at, actor, kind, payload, reason, previous_hash, hash) VALUES",
            suffix: "", width: 9,
            rows: events.map { record in
                [
                    .text(tender), .integer(record.sequence), .text(record.recordedAt), .text(record.actor),
                    .text(record.kind), .text(record.payload), record.reason.map(BindValue.text) ?? .null,
                    .text(record.previousHash), .text(record.hash),
                ]
            })
        for table in ProjectedTable.all {
            // The last change to each key wins, as applying them one by one would.
            var latest: [[StoredValue]: Int] = [:]
            var ordered: [(key: [StoredValue], row: ProjectedRow?)] = []
            for change in changes where change.table == table {
                if let index = latest[change.key] {
                    ordered[index].row = change.row
                } else {
                    latest[change.key] = ordered.count
                    ordered.append((change.key, change.row))
                }
            }
            let upserts = ordered.compactMap(\.row)
            if !upserts.isEmpty {
                try await batch.run(
                    table.insertPrefix, suffix: table.conflictClause, width: table.storedColumns.count,
                    rows: upserts.map { row in (row.table.namesTender ? [] : [.text(tender)]) + row.values.map(BindValue.init) })
            }
            for removal in ordered where removal.row == nil {
                var binds = PostgresBindings()
                var conditions: [String] = []
                if !table.namesTender {
                    binds.append(tender)
                    conditions.append("tender_id = $1")
                }
                for (column, value) in zip(table.columns.prefix(table.keyCount), removal.key) {
                    value.bind(into: &binds)
                    conditions.append("\(column) = $\(binds.count)")
                }
                try await connection.checkedQuery(
                    PostgresQuery(
                        unsafeSQL: "DELETE FROM \(table.name) WHERE " + conditions.joined(separator: " AND "), binds: binds),
                    logger: logger)
            }
        }
    }
}

/// One value to bind in a batched insert.
enum BindValue {
    case null
    case integer(Int64)
    case text(String)
    case bytes([UInt8])

    init(_ value: StoredValue) {
        switch value {
        case .null: self = .null
        case .integer(let number): self = .integer(number)
        case .text(let text): self = .text(text)
        }
    }

    var size: Int {
        switch self {
        case .null, .integer: return 8
        case .text(let text): return text.utf8.count
        case .bytes(let bytes): return bytes.count
        }
    }
}

/// Multi-row INSERT statements with bound parameters only: at most 500 rows, or about 16 MB of
/// values, per statement, so a bulk import takes a few round trips, not one per row.
struct BatchInsert {
    let connection: PostgresConnection
    let logger: Logger
    static let maximumRows = 500
    static let maximumBytes = 16 << 20

    func run(_ prefix: String, suffix: String, width: Int, rows: [[BindValue]]) async throws {
        var start = 0
        while start < rows.count {
            var end = start
            var bytes = 0
            while end < rows.count, end - start < Self.maximumRows, end == start || bytes < Self.maximumBytes {
                bytes += rows[end].reduce(0) { $0 + $1.size }
                end += 1
            }
            var binds = PostgresBindings(capacity: (end - start) * width)
            var tuples: [String] = []
            for row in rows[start..<end] {
                let first = binds.count
                for value in row {
                    switch value {
                    case .null: binds.appendNull()
                    case .integer(let number): binds.append(number)
                    case .text(let text): binds.append(text)
                    case .bytes(let data): binds.append(ByteBuffer(bytes: data))
                    }
                }
                tuples.append("(" + (first..<binds.count).map { "$\($0 + 1)" }.joined(separator: ", ") + ")")
            }
            try await connection.checkedQuery(
                PostgresQuery(unsafeSQL: prefix + " " + tuples.joined(separator: ", ") + " " + suffix, binds: binds), logger: logger)
            start = end
        }
    }
}

extension StoredValue {
    func bind(into binds: inout PostgresBindings) {
        switch self {
        case .null: binds.appendNull()
        case .integer(let number): binds.append(number)
        case .text(let text): binds.append(text)
        }
    }

    /// A column as PostgreSQL returned it. TenderScore writes only integers, text and nulls; any
    /// other value is shown as what it is, so that `verify` reports it rather than trapping.
    init(_ cell: PostgresCell) {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int8, .int4, .int2:
            self = (try? cell.decode(Int64.self)).map(StoredValue.integer) ?? .text("an unreadable number")
        case .text, .varchar, .bpchar, .name:
            self = (try? cell.decode(String.self)).map(StoredValue.text) ?? .text("unreadable text")
        default:
            self = .text("a value of PostgreSQL type \(cell.dataType)")
        }
    }
}
