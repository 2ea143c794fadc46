import Foundation
import GRDB
import TenderModel
import TenderStore

/// One tender in one embedded SQLite file: the default store, for a newcomer and for one-off
/// tenders.
///
/// The file holds the history (events and the documents they received) and the projection
/// tables the tool reads, written together in one transaction per change. Two commands may use
/// the same file at once: a write takes SQLite's write lock before it reads (an IMMEDIATE
/// transaction), so the snapshot a rule checks cannot change before the change is committed;
/// another writer waits up to ten seconds, then is told to try again. Within one process, writes
/// that arrive while another is committing share its transaction, each in its own savepoint
/// (``WriteBatcher``): the web app's fifty savers wait for the disk once, not fifty times.
///
/// A file holds one tender, so ``create(tender:_:)`` works once, on a store made with
/// ``new(at:)``: the file is built beside its path and moved into place only when complete.
public final class SQLiteStorage: TenderStorage, @unchecked Sendable {
    public let path: String
    public let isReadOnly: Bool
    public var location: String { path }

    private let lock = NSLock()
    private var queue: DatabaseQueue?
    private let batcher = WriteBatcher()

    private init(path: String, queue: DatabaseQueue?, readOnly: Bool) {
        self.path = path
        self.queue = queue
        self.isReadOnly = readOnly
    }

    /// A store to be set up at `path` by the first ``create(tender:_:)``. Refused when anything
    /// already exists there, or the folder cannot be written.
    public static func new(at path: String) throws(StoreError) -> SQLiteStorage {
        switch try StoreFile.identity(of: path) {
        case .missing:
            break
        case .store:
            throw StoreError(
                .alreadyExists,
                "A tender is already set up in \(path). A store file holds one tender and its criteria never change; use another path for a new tender.")
        case .folder:
            throw StoreError(.cannotAccess, "\(path) is a folder; give the path of the store file to create.")
        default:
            throw StoreError(
                .alreadyExists, "\(path) already exists and is not a TenderScore store. It was left as it is; choose another path.")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError(.cannotAccess, "The folder \(folder) does not exist, so the store \(path) cannot be created there.")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw StoreError(.cannotAccess, "The folder \(folder) cannot be written to, so the store \(path) cannot be created there.")
        }
        return SQLiteStorage(path: path, queue: nil, readOnly: false)
    }

    /// Opens an existing store. Never creates a file: a missing path, anything that is not a
    /// regular file, or a file that is not a TenderScore store is refused and left as it was. A
    /// store made by an older version is brought up to date (unless `readOnly`); one made by a
    /// newer version is refused.
    ///
    /// Read-only, the file is opened as immutable when its folder or the file cannot be written
    /// (a read-only mount, an evidence share, a CD): SQLite then needs no lock or `-shm` file
    /// beside it. An auditor verifying such a copy is told it was read that way.
    public static func open(at path: String, readOnly: Bool = false) throws(StoreError) -> SQLiteStorage {
        try StoreFile.requireStore(at: path)
        if !readOnly, !FileManager.default.isWritableFile(atPath: path) {
            throw StoreError(
                .cannotAccess, "\(path) cannot be written to (check its permissions), so changes cannot be recorded.")
        }
        let queue: DatabaseQueue
        do {
            let target = readOnly && StoreFile.needsImmutableOpen(path) ? StoreFile.immutableURI(path) : path
            queue = try DatabaseQueue(path: target, configuration: StoreFile.configuration(readOnly: readOnly))
            let migrator = Schema.migrator
            let pending = try queue.read { db -> Bool in
                guard try db.tableExists("tenderscore_meta") else {
                    throw StoreError(
                        .damaged, "\(path) is marked as a TenderScore store but has no tenderscore_meta table; it is damaged.")
                }
                let version = try String.fetchOne(db, sql: "SELECT value FROM tenderscore_meta WHERE key = 'format_version'")
                guard let version, let number = Int(version) else {
                    throw StoreError(.damaged, "\(path) does not say which format version wrote it; it is damaged.")
                }
                let superseded = try migrator.hasBeenSuperseded(db)
                if number > Schema.formatVersion || superseded {
                    throw StoreError(
                        .newerFormat,
                        "\(path) was written by a newer version of TenderScore (store format \(version)); this version reads formats up to \(Schema.formatVersion). Upgrade TenderScore to use it.")
                }
                return try !migrator.hasCompletedMigrations(db)
            }
            // Read-only, an older file is read as it is: the reader treats tables a later format
            // added as empty.
            if pending, !readOnly {
                try migrator.migrate(queue)
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
        return SQLiteStorage(path: path, queue: queue, readOnly: readOnly)
    }

    /// Whether the file is read as immutable (see ``open(at:readOnly:)``).
    public var isImmutableCopy: Bool { isReadOnly && StoreFile.needsImmutableOpen(path) }

    /// Closes the connection. Later calls fail.
    public func close() throws(StoreError) {
        let current = lock.withLock {
            let current = queue
            queue = nil
            return current
        }
        do { try current?.close() } catch { throw StoreError.wrapping(error, path: path) }
    }

    func database() throws(StoreError) -> DatabaseQueue {
        guard let queue = lock.withLock({ queue }) else {
            throw StoreError(.storeNotFound, "There is no tender in \(path) yet: set one up with `tenderscore init`.")
        }
        return queue
    }

    // MARK: TenderStorage

    public func tenderIDs() async throws(StoreError) -> [String] {
        guard let current = lock.withLock({ queue }) else { return [] }
        do {
            return try await current.read { db in try String.fetchAll(db, sql: "SELECT tender_id FROM tender") }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    public func create(tender: String, _ body: @escaping @Sendable (any EventSink) throws -> Void) async throws(StoreError) {
        if lock.withLock({ queue }) != nil {
            throw StoreError(
                .alreadyExists,
                "\(path) already holds a tender. A store file holds one tender; use another path for \(tender).")
        }
        let temporary = StoreFile.temporarySibling(of: path)
        do {
            let building = try DatabaseQueue(path: temporary, configuration: StoreFile.configuration(readOnly: false))
            try await building.writeWithoutTransaction { db in
                // Before anything is written, or it cannot change: a bid's 30 KB travel as its
                // document, its payload and its row, and in 4 KiB pages importing 2,000 of them
                // was a tenth slower (more overflow pages, more system calls; 64 KiB gained
                // nothing more and made the file half as big again).
                try db.execute(sql: "PRAGMA page_size = 16384")
                try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
            }
            try Schema.migrator.migrate(building)
            try await building.write { db in try body(SQLiteEventSink(db)) }
            // WAL lets readers work while one command writes; the mode is kept in the file.
            try await building.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try building.close()
            try StoreFile.moveIntoPlace(temporary, to: path)
            StoreFile.removeDatabaseFiles(temporary)
        } catch {
            StoreFile.removeDatabaseFiles(temporary)
            throw StoreError.wrapping(error, path: path)
        }
        let opened = try Self.open(at: path).database()
        lock.withLock { queue = opened }
    }

    /// For the outputs (``SnapshotScope/wordCounts``), the bids' outlines are read on a second
    /// connection while this one reads the scores: reading 63 MB of bids out of SQLite was a
    /// tenth of a second on one core with the other idle. The two agree when both saw the same
    /// last event, since nothing changes the projection without adding one; if a command wrote
    /// between the two reads, the outlines are read again on this connection.
    public func snapshot(tender: String, scope: SnapshotScope) async throws(StoreError) -> TenderSnapshot {
        let queue = try database()
        let path = path
        let target = queue.path
        let elsewhere =
            scope.contains(.wordCounts) && !scope.contains(.responses)
            ? BackgroundWork {
                // A connection that cannot be opened or read leaves the outlines to the first one.
                try? DatabaseQueue(path: target, configuration: StoreFile.configuration(readOnly: true))
                    .read(ProjectionReader.outlines)
            } : nil
        do {
            return try await queue.read { db in
                let snapshot = try ProjectionReader.snapshot(db, scope: scope, elsewhere: elsewhere)
                try Self.require(snapshot, is: tender, path: path)
                return snapshot
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    public func write<T: Sendable>(
        tender: String, scope: SnapshotScope, _ body: @escaping @Sendable (TenderSnapshot, any EventSink) throws -> T
    ) async throws(StoreError) -> T {
        guard !isReadOnly else {
            throw StoreError(.invalidInput, "\(path) was opened read-only; nothing can be changed through it.")
        }
        let queue = try database()
        let path = path
        let outcome = WriteOutcome<T>()
        let result: Result<T, StoreError> = await withCheckedContinuation { continuation in
            batcher.submit(
                PendingWrite(
                    run: { db in
                        do {
                            var value: T?
                            try db.inSavepoint {
                                let snapshot = try ProjectionReader.snapshot(db, scope: scope)
                                try Self.require(snapshot, is: tender, path: path)
                                value = try body(snapshot, SQLiteEventSink(db, head: snapshot.head, count: snapshot.eventCount))
                                return .commit
                            }
                            guard let value else { throw StoreError(.database, "the change to \(path) did not complete") }
                            outcome.result = .success(value)
                        } catch {
                            outcome.result = .failure(error)
                        }
                    },
                    finish: { commitError in
                        switch (commitError, outcome.result) {
                        case (let error?, _), (nil, .failure(let error)?):
                            continuation.resume(returning: .failure(StoreError.wrapping(error, path: path)))
                        case (nil, .success(let value)?):
                            continuation.resume(returning: .success(value))
                        case (nil, nil):
                            continuation.resume(returning: .failure(StoreError(.database, "the change to \(path) did not complete")))
                        }
                    }),
                on: queue)
        }
        return try result.get()
    }

    public func forEachEvent(tender: String, _ body: @escaping @Sendable (EventRecord) throws -> Void) async throws(StoreError) {
        let queue = try database()
        let path = path
        do {
            try await queue.read { db in
                let cursor = try Row.fetchCursor(db, sql: SQLiteEventSink.selectSQL + " ORDER BY seq")
                while let row = try cursor.next() {
                    try body(try SQLiteEventSink.record(row))
                }
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    public func event(tender: String, sequence: Int64) async throws(StoreError) -> EventRecord? {
        let queue = try database()
        do {
            return try await queue.read { db in
                try Row.fetchOne(db, sql: SQLiteEventSink.selectSQL + " WHERE seq = ?", arguments: [sequence])
                    .map(SQLiteEventSink.record)
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    public func projectedRows(tender: String, table: ProjectedTable) async throws(StoreError) -> [[StoredValue]] {
        let queue = try database()
        do {
            return try await queue.read { db in
                guard try db.tableExists(table.name) else { return [] }
                return try Row.fetchAll(db, sql: table.selectSQL).map { row in row.databaseValues.map(StoredValue.init) }
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    public func forEachProjectedRow(
        tender: String, table: ProjectedTable, _ body: @escaping @Sendable ([StoredValue]) throws -> Void
    ) async throws(StoreError) {
        let queue = try database()
        do {
            try await queue.read { db in
                guard try db.tableExists(table.name) else { return }
                let rows = try Row.fetchCursor(db, sql: table.selectSQL)
                while let row = try rows.next() {
                    try body(row.databaseValues.map(StoredValue.init))
                }
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Read through SQLite's incremental blob I/O a megabyte at a time, hashed as it comes.
    public func documentDigest(tender: String, sha256: String) async throws(StoreError) -> (bytes: Int, sha256: String)? {
        let queue = try database()
        do {
            return try await queue.read { db in try ProjectionReader.documentDigest(db, sha256: sha256) }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    public func document(tender: String, sha256: String) async throws(StoreError) -> [UInt8]? {
        let queue = try database()
        do {
            return try await queue.read { db in try ProjectionReader.document(db, sha256: sha256) }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    public func missingSafeguards(tender: String) async throws(StoreError) -> [String] {
        let queue = try database()
        do {
            let present = Set(
                try await queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") })
            return Schema.appendOnlyTriggers.filter { !present.contains($0) }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    private static func require(_ snapshot: TenderSnapshot, is tender: String, path: String) throws {
        guard snapshot.id == tender else {
            throw StoreError(.tenderNotFound, "\(path) holds tender \(snapshot.id), not \(tender).")
        }
    }
}

extension StoredValue {
    /// A column as SQLite returned it. TenderScore writes only integers, text and nulls; any other
    /// value is shown as what it is, so that `verify` reports it rather than trapping on it.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .integer(number)
        case .string(let text): self = .text(text)
        case .double(let number): self = .text("the real number \(number)")
        case .blob(let data): self = .text("\(data.count) bytes of binary data")
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let number): return number.databaseValue
        case .text(let text): return text.databaseValue
        }
    }
}
