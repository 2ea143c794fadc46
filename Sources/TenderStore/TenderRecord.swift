import Foundation
import GRDB
import TenderModel
import TenderXML

/// The record of one tender: an embedded SQLite file holding the criteria framework as adopted,
/// the panel and its conflicts, every bid as received, every score with its rationale, every
/// consensus, and the history of how each came to be there.
///
/// The history is the source of truth. Every change is an event appended to a hash chain, with
/// who made it, when (UTC) and why; nothing is updated or deleted in place. The tables the tool
/// reads are a projection of the events, and ``verify(expectHead:)`` proves they still are.
///
/// Every operation that changes the store runs in one SQLite transaction: a refusal, an error or
/// a crash leaves the store exactly as it was. Two commands may use the same store at once: one
/// waits for the other (up to ten seconds, then it is told to try again).
///
/// The type is not called `TenderStore` because that is the module's name.
public struct TenderRecord: Sendable {
    /// Where the store lives.
    public let path: String
    /// Opened with `readOnly: true`: every change is refused.
    public let isReadOnly: Bool
    /// Limits applied to every document read from disk.
    public var documentOptions: DocumentReadOptions

    let database: DatabaseQueue
    let clock: @Sendable () -> Date

    /// Called at points inside a write transaction, so that tests can make it fail halfway and
    /// check that nothing of it remains. Never set outside tests.
    @_spi(Testing) public var faultInjector: (@Sendable (FaultPoint) throws -> Void)?

    init(path: String, database: DatabaseQueue, readOnly: Bool, clock: @escaping @Sendable () -> Date,
        documentOptions: DocumentReadOptions)
    {
        self.path = path
        self.database = database
        self.isReadOnly = readOnly
        self.clock = clock
        self.documentOptions = documentOptions
    }

    // MARK: Setting up and opening

    /// Sets up a new tender at `path`, adopting the criteria framework in `criteriaFile`.
    ///
    /// The framework is fixed from this moment: its SHA-256 and its bytes are recorded in the
    /// first event, and no operation changes it. The store is built beside `path` and moved into
    /// place only when complete, so a failure leaves no file behind. Refused when anything already
    /// exists at `path` (a tender is set up once).
    public static func create(
        at path: String, tender: String, criteriaFile: String, title: String? = nil, actor: String,
        documentOptions: DocumentReadOptions = DocumentReadOptions(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(StoreError) -> TenderRecord {
        let actor = try Validation.actor(actor)
        try Validation.identifier(tender, what: "tender id")
        switch try StoreFile.identity(of: path) {
        case .missing:
            break
        case .store:
            throw StoreError(
                .alreadyExists,
                "A tender is already set up in \(path). A store holds one tender and its criteria never change; use another path for a new tender.")
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

        let loader = DocumentLoader(options: documentOptions)
        let document: DocumentFile
        let criteria: Criteria
        do {
            document = try DocumentFile.read(criteriaFile, options: documentOptions)
            let loaded = try loader.load(bytes: document.bytes, file: criteriaFile)
            guard case .criteria(let framework) = loaded.document else {
                throw StoreError(
                    .invalidDocuments,
                    "\(criteriaFile) is a \(loaded.document.kind.displayName), not a criteria framework; nothing was set up.")
            }
            criteria = framework
        } catch let error as DocumentError {
            throw StoreError(
                .invalidDocuments, "The criteria framework has errors; nothing was set up.", diagnostics: error.diagnostics)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.invalidDocuments, "\(criteriaFile) cannot be read: \(error)")
        }

        let temporary = StoreFile.temporarySibling(of: path)
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: StoreFile.configuration(readOnly: false))
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
            }
            try Schema.migrator.migrate(queue)
            let now = Timestamp.truncated(clock())
            try queue.write { db in
                let reference = try EventLog.storeDocument(db, file: criteriaFile, bytes: document.bytes)
                let payload = TenderCreatedPayload(
                    tender: tender, title: title ?? criteria.title, criteria: StoredCriteria(criteria),
                    criteriaDocument: reference)
                _ = try EventLog.append(db, kind: .tenderCreated, payload: payload, actor: actor, reason: nil, at: now)
            }
            // WAL lets readers work while one command writes; the mode is kept in the file.
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try queue.close()
            try StoreFile.moveIntoPlace(temporary, to: path)
            StoreFile.removeDatabaseFiles(temporary)
        } catch {
            StoreFile.removeDatabaseFiles(temporary)
            throw StoreError.wrapping(error, path: path)
        }
        return try open(at: path, documentOptions: documentOptions, clock: clock)
    }

    /// Opens an existing store. Never creates a file: a missing path, or a file that is not a
    /// TenderScore store, is refused and left exactly as it was. A store made by an older version
    /// is brought up to date (unless `readOnly`); one made by a newer version is refused.
    public static func open(
        at path: String, readOnly: Bool = false, documentOptions: DocumentReadOptions = DocumentReadOptions(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(StoreError) -> TenderRecord {
        try StoreFile.requireStore(at: path)
        if !readOnly, !FileManager.default.isWritableFile(atPath: path) {
            throw StoreError(
                .cannotAccess, "\(path) cannot be written to (check its permissions), so changes cannot be recorded.")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: StoreFile.configuration(readOnly: readOnly))
            let migrator = Schema.migrator
            let pending = try queue.read { db -> Bool in
                guard try db.tableExists("tenderscore_meta") else {
                    throw StoreError(
                        .damaged, "\(path) is marked as a TenderScore store but has no tenderscore_meta table; it is damaged.")
                }
                let version = try String.fetchOne(
                    db, sql: "SELECT value FROM tenderscore_meta WHERE key = 'format_version'")
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
            if pending {
                guard !readOnly else {
                    throw StoreError(
                        .notReady, "\(path) was made by an older version of TenderScore; open it once for writing to upgrade it.")
                }
                try migrator.migrate(queue)
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
        return TenderRecord(
            path: path, database: queue, readOnly: readOnly, clock: clock, documentOptions: documentOptions)
    }

    /// Closes the store's connection. Later calls fail; dropping the value also closes it.
    public func close() throws(StoreError) {
        do { try database.close() } catch { throw StoreError.wrapping(error, path: path) }
    }

    // MARK: Transactions

    /// Runs `body` in one IMMEDIATE transaction: it takes the write lock before reading, so what
    /// it checks cannot change before it writes. Any error rolls everything back.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        guard !isReadOnly else {
            throw StoreError(.invalidInput, "\(path) was opened read-only; nothing can be changed through it.")
        }
        do {
            var result: T?
            try database.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
            }
            guard let result else { throw StoreError(.database, "the change did not complete") }
            return result
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read { db in try body(db) }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    func now() -> Date { Timestamp.truncated(clock()) }

    func checkpoint(_ point: FaultPoint) throws {
        try faultInjector?(point)
    }
}

/// Points inside a write where a test can make the transaction fail.
@_spi(Testing) public enum FaultPoint: Sendable, Hashable {
    /// Just after the event with this sequence number was appended, before the transaction ends.
    case appended(sequence: Int, kind: EventKind)
}
