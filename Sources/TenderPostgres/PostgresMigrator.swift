import PostgresNIO
import TenderStore

/// Creates TenderScore's schema in a database, brings an older one up to date, and refuses a
/// database a newer TenderScore set up, all on one connection before the pool starts.
///
/// Creating and migrating run in one transaction holding an advisory lock
/// (``PostgresSchema/migrationLockKey``), so two first commands on a new database do not both
/// build it, and a migration that fails leaves the schema as it was (PostgreSQL's DDL is
/// transactional). Checking needs only SELECT, so a read-only role can open an up-to-date store.
struct PostgresMigrator {
    let connection: PostgresConnection
    let logger: Logger
    let url: PostgresURL

    /// Returns the schema version the database holds afterwards: this build's, or, opened
    /// read-only, an older one whose tender tables are already complete
    /// (``PostgresSchema/oldestReadableVersion``).
    func prepare(readOnly: Bool) async throws -> Int {
        let found = try await installedVersion()
        if let found, found == PostgresSchema.version { return found }
        if readOnly {
            if let found, found >= PostgresSchema.oldestReadableVersion { return found }
            if found == nil {
                throw StoreError(
                    .storeNotFound,
                    "\(url.redacted) holds no TenderScore tenders yet: set one up with `tenderscore init --store ... --tender ID`.")
            }
            throw StoreError(
                .notReady,
                "\(url.redacted) was set up by an older version of TenderScore (schema version \(found ?? 0)); open it once for writing, as a role that may change the schema, to bring it up to date.")
        }
        try await connection.checkedQuery("BEGIN", logger: logger)
        do {
            try await connection.checkedQuery(
                "SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLockKey))", logger: logger)
            let current = try await installedVersion() ?? 0
            for migration in PostgresSchema.migrations where migration.version > current {
                for statement in migration.statements {
                    try await connection.checkedQuery(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                var binds = PostgresBindings()
                binds.append(String(migration.version))
                try await connection.checkedQuery(
                    PostgresQuery(unsafeSQL: "UPDATE tenderscore_meta SET value = $1 WHERE key = 'schema_version'", binds: binds),
                    logger: logger)
            }
            try await connection.checkedQuery("COMMIT", logger: logger)
            return PostgresSchema.version
        } catch {
            _ = try? await connection.checkedQuery("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// The schema version recorded in the database; nil when it has no TenderScore schema.
    /// Refuses a newer version, and a database whose tables of TenderScore's names belong to
    /// something else.
    private func installedVersion() async throws -> Int? {
        // pg_tables, not to_regclass: a catalog query sees what another opener committed while
        // this one waited for the lock; to_regclass may answer from a stale catalog cache.
        var hasMeta = false
        for try await (present) in try await connection.checkedQuery(
            "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'tenderscore_meta')",
            logger: logger
        ).decode(Bool.self) {
            hasMeta = present
        }
        guard hasMeta else {
            var binds = PostgresBindings()
            binds.append(PostgresSchema.tables)
            var clashing: [String] = []
            for try await (name) in try await connection.checkedQuery(
                PostgresQuery(
                    unsafeSQL: "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY($1) ORDER BY 1",
                    binds: binds), logger: logger
            ).decode(String.self) {
                clashing.append(name)
            }
            if !clashing.isEmpty {
                throw StoreError(
                    .notAStore,
                    "\(url.redacted) already has tables named \(clashing.joined(separator: ", ")) that TenderScore did not make (there is no tenderscore_meta table). They were left as they are; use another database or schema.")
            }
            return nil
        }
        var text: String?
        for try await (value) in try await connection.checkedQuery(
            "SELECT value FROM tenderscore_meta WHERE key = 'schema_version'", logger: logger
        ).decode(String.self) {
            text = value
        }
        guard let text, let version = Int(text) else {
            throw StoreError(.damaged, "\(url.redacted) does not say which schema version TenderScore wrote; it is damaged.")
        }
        if version > PostgresSchema.version {
            throw StoreError(
                .newerFormat,
                "\(url.redacted) was set up by a newer version of TenderScore (schema version \(version)); this version works with schema versions up to \(PostgresSchema.version). Upgrade TenderScore to use it.")
        }
        return version
    }
}
