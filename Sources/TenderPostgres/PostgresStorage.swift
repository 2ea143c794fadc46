import Foundation
import PostgresNIO
import TenderStore

/// Many tenders in one shared PostgreSQL database: the store for a council that runs
/// TenderScore for several officers and panels.
///
/// Every table is keyed by tender (`tender_id`, see ``PostgresSchema``), so one database holds
/// any number of tenders side by side; the history, the documents and the projection are the
/// same as in the SQLite file, written by the same ``EventChain`` and ``EventInterpretation``.
///
/// **Isolation.** Each write runs in one READ COMMITTED transaction that first takes
/// `pg_advisory_xact_lock` on the tender's key, then reads the snapshot, then appends. Writers
/// to one tender therefore queue behind each other and each reads what the one before it
/// committed, while writers to different tenders do not wait for each other. (REPEATABLE READ
/// would be wrong here: its snapshot is fixed by the first statement, the lock itself, so a
/// writer that waited would decide on what it saw before the wait.) Every read (a snapshot, the
/// history, a table, a document) runs in a REPEATABLE READ READ ONLY transaction, so it sees
/// one committed state and needs nothing but SELECT: an auditor verifies with a read-only role.
///
/// **Connections.** A ``PostgresClient`` keeps the pool; its `run()` goes on in a task for the
/// store's lifetime. ``open(_:readOnly:)`` first makes one direct connection, so that an
/// unreachable server, a refused password or a missing database is told at once and exactly,
/// and creates or migrates the schema on it.
public final class PostgresStorage: TenderStorage {
    public let url: PostgresURL
    public let isReadOnly: Bool
    public var location: String { url.redacted }
    /// The schema version the database held when opened: ``PostgresSchema/version``, or an
    /// older one opened read-only, whose accounts are not there yet.
    let schemaVersion: Int

    private let client: PostgresClient
    private let running: Task<Void, Never>
    let logger: Logger

    private init(url: PostgresURL, readOnly: Bool, schemaVersion: Int, client: PostgresClient, logger: Logger) {
        self.url = url
        self.isReadOnly = readOnly
        self.schemaVersion = schemaVersion
        self.client = client
        self.logger = logger
        self.running = Task { await client.run() }
    }

    deinit { running.cancel() }

    /// Connects, and makes sure the database holds TenderScore's schema at this version:
    /// created in an empty database, brought up to date from an older version (unless
    /// `readOnly`), refused when a newer TenderScore set it up or other tables of the same
    /// names are there.
    public static func open(_ url: PostgresURL, readOnly: Bool = false) async throws(StoreError) -> PostgresStorage {
        var logger = Logger(label: "tenderscore.postgres")
        logger.logLevel = .critical
        let tls: PostgresClient.Configuration.TLS
        let connectionTLS: PostgresConnection.Configuration.TLS
        switch url.tls {
        case .disable:
            tls = .disable
            connectionTLS = .disable
        case .prefer:
            tls = .prefer(.makeClientConfiguration())
            connectionTLS = .prefer(try makeTLSContext(url))
        case .require:
            tls = .require(.makeClientConfiguration())
            connectionTLS = .require(try makeTLSContext(url))
        }
        let schemaVersion: Int
        do {
            var direct = PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
                tls: connectionTLS)
            direct.options.connectTimeout = .seconds(10)
            let connection = try await PostgresConnection.connect(configuration: direct, id: 0, logger: logger)
            do {
                schemaVersion = try await PostgresMigrator(connection: connection, logger: logger, url: url).prepare(readOnly: readOnly)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw PostgresFailure.storeError(error, url: url)
        }
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
        configuration.options.maximumConnections = 8
        configuration.options.connectTimeout = .seconds(10)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return PostgresStorage(url: url, readOnly: readOnly, schemaVersion: schemaVersion, client: client, logger: logger)
    }

    private static func makeTLSContext(_ url: PostgresURL) throws(StoreError) -> NIOSSLContext {
        do {
            return try NIOSSLContext(configuration: .makeClientConfiguration())
        } catch {
            throw StoreError(.cannotAccess, "TLS cannot be set up to reach \(url.redacted): \(error)")
        }
    }

    /// Stops the pool. Later calls fail.
    public func close() async {
        running.cancel()
        await running.value
    }

    // MARK: Transactions

    /// Runs `body` in one transaction begun with `begin`, committed when it returns and rolled
    /// back when it throws.
    func transaction<T: Sendable>(
        _ begin: String, _ body: @Sendable (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        let logger = logger
        do {
            return try await client.withConnection { connection in
                try await connection.checkedQuery(PostgresQuery(unsafeSQL: begin), logger: logger)
                do {
                    let value = try await body(connection)
                    try await connection.checkedQuery("COMMIT", logger: logger)
                    return value
                } catch {
                    _ = try? await connection.checkedQuery("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            throw PostgresFailure.storeError(error, url: url)
        }
    }

    /// A read: one consistent, committed state, with SELECT only.
    func read<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Takes the tender's write lock for the rest of the transaction.
    private static func lock(_ tender: String, _ connection: PostgresConnection, logger: Logger) async throws {
        var binds = PostgresBindings()
        binds.append("tenderscore:" + tender)
        try await connection.checkedQuery(
            PostgresQuery(unsafeSQL: "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", binds: binds), logger: logger)
    }

    func refuseReadOnly() throws(StoreError) {
        if isReadOnly {
            throw StoreError(.forbidden, "\(location) was opened read-only; nothing can be changed through it.")
        }
    }

    // MARK: TenderStorage

    public func tenderIDs() async throws(StoreError) -> [String] {
        let logger = logger
        return try await read { connection in
            var ids: [String] = []
            let rows = try await connection.checkedQuery("SELECT tender_id FROM tender ORDER BY created_at, tender_id", logger: logger)
            for try await (id) in rows.decode(String.self) { ids.append(id) }
            return ids
        }
    }

    public func create(tender: String, _ body: @escaping @Sendable (any EventSink) throws -> Void) async throws(StoreError) {
        try refuseReadOnly()
        let logger = logger
        let location = location
        try await transaction("BEGIN ISOLATION LEVEL READ COMMITTED") { connection in
            try await Self.lock(tender, connection, logger: logger)
            let reader = PostgresProjectionReader(connection: connection, logger: logger, tender: tender)
            let held = try await reader.rows(
                "SELECT 1 FROM events WHERE tender_id = $1 UNION ALL SELECT 1 FROM tender WHERE tender_id = $1 LIMIT 1")
            guard held.isEmpty else {
                throw StoreError(
                    .alreadyExists,
                    "\(location) already holds tender \(tender), and its criteria never change. Choose another id for a new tender, or work on this one with --tender \(tender).")
            }
            let sink = PostgresEventSink(tender: tender)
            try body(sink)
            guard sink.eventCount > 0 else {
                throw StoreError(.invalidInput, "setting up tender \(tender) recorded nothing, so nothing was stored")
            }
            try await sink.flush(connection, logger: logger)
        }
    }

    public func snapshot(tender: String, scope: SnapshotScope) async throws(StoreError) -> TenderSnapshot {
        let logger = logger
        let location = location
        return try await read { connection in
            guard
                let snapshot = try await PostgresProjectionReader(connection: connection, logger: logger, tender: tender)
                    .snapshot(scope: scope)
            else { throw Self.notFound(tender, location) }
            return snapshot
        }
    }

    public func write<T: Sendable>(
        tender: String, scope: SnapshotScope, _ body: @escaping @Sendable (TenderSnapshot, any EventSink) throws -> T
    ) async throws(StoreError) -> T {
        try refuseReadOnly()
        let logger = logger
        let location = location
        return try await transaction("BEGIN ISOLATION LEVEL READ COMMITTED") { connection in
            try await Self.lock(tender, connection, logger: logger)
            guard
                let snapshot = try await PostgresProjectionReader(connection: connection, logger: logger, tender: tender)
                    .snapshot(scope: scope)
            else { throw Self.notFound(tender, location) }
            let sink = PostgresEventSink(tender: tender, head: snapshot.head, count: snapshot.eventCount)
            let result = try body(snapshot, sink)
            try await sink.flush(connection, logger: logger)
            return result
        }
    }

    /// Streams the events in one query: PostgresNIO hands rows over as they are read, with
    /// back-pressure, so the history is never held in memory whole.
    public func forEachEvent(tender: String, _ body: @escaping @Sendable (EventRecord) throws -> Void) async throws(StoreError) {
        let logger = logger
        try await read { connection in
            var binds = PostgresBindings()
            binds.append(tender)
            let rows = try await connection.checkedQuery(
                PostgresQuery(unsafeSQL: Self.selectEvents + " WHERE tender_id = $1 ORDER BY seq", binds: binds), logger: logger)
            for try await row in rows {
                try body(try Self.record(row.map(StoredValue.init)))
            }
        }
    }

    public func event(tender: String, sequence: Int64) async throws(StoreError) -> EventRecord? {
        let logger = logger
        return try await read { connection in
            let rows = try await PostgresProjectionReader(connection: connection, logger: logger, tender: tender).rows(
                Self.selectEvents + " WHERE tender_id = $1 AND seq = $2", [.integer(sequence)])
            return try rows.first.map(Self.record)
        }
    }

    public func projectedRows(tender: String, table: ProjectedTable) async throws(StoreError) -> [[StoredValue]] {
        let logger = logger
        return try await read { connection in
            try await PostgresProjectionReader(connection: connection, logger: logger, tender: tender).rows(table.selectForTenderSQL)
        }
    }

    public func document(tender: String, sha256: String) async throws(StoreError) -> [UInt8]? {
        let logger = logger
        return try await read { connection in
            var binds = PostgresBindings()
            binds.append(tender)
            binds.append(sha256)
            let rows = try await connection.checkedQuery(
                PostgresQuery(unsafeSQL: "SELECT bytes FROM documents WHERE tender_id = $1 AND sha256 = $2", binds: binds),
                logger: logger)
            for try await (buffer) in rows.decode(ByteBuffer.self) {
                return Array(buffer.readableBytesView)
            }
            return nil
        }
    }

    /// The append-only triggers read from `pg_trigger`: one dropped or disabled is missing, and
    /// so is the function they call when it no longer refuses anything.
    public func missingSafeguards(tender: String) async throws(StoreError) -> [String] {
        let logger = logger
        let present = try await read { connection in
            var names: Set<String> = []
            let triggers = try await connection.checkedQuery(
                """
                SELECT t.tgname::text FROM pg_trigger t
                JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relname IN ('events', 'documents')
                AND NOT t.tgisinternal AND t.tgenabled <> 'D'
                """, logger: logger)
            for try await (name) in triggers.decode(String.self) { names.insert(name) }
            let function = try await connection.checkedQuery(
                """
                SELECT p.proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = current_schema() AND p.proname = 'tenderscore_refuse_change'
                AND p.prosrc LIKE '%RAISE EXCEPTION%'
                """, logger: logger)
            for try await (name) in function.decode(String.self) { names.insert(name) }
            return names
        }
        return (PostgresSchema.appendOnlyTriggers + ["tenderscore_refuse_change"]).filter { !present.contains($0) }
    }

    // MARK: Rows

    static let selectEvents = "SELECT seq, recorded_at, actor, kind, payload, reason, previous_hash, hash FROM events"

    /// An event row read without trusting it: a damaged row is a finding, never a trap.
    static func record(_ values: [StoredValue]) throws -> EventRecord {
        guard let sequence = values.first?.integer else {
            throw StoreError(.damaged, "an event has no readable sequence number: the events table is damaged")
        }
        func text(_ index: Int, _ column: String) throws -> String {
            guard index < values.count, let text = values[index].text else {
                throw StoreError(.damaged, "event \(sequence)'s \(column) cannot be read: the events table is damaged")
            }
            return text
        }
        let reason = values.count > 5 && values[5] != .null ? try text(5, "reason") : nil
        return EventRecord(
            sequence: sequence, recordedAt: try text(1, "time"), actor: try text(2, "actor"), kind: try text(3, "kind"),
            payload: try text(4, "payload"), reason: reason, previousHash: try text(6, "previous hash"),
            hash: try text(7, "hash"))
    }

    private static func notFound(_ tender: String, _ location: String) -> StoreError {
        StoreError(.tenderNotFound, "\(location) holds no tender \(tender).")
    }
}
