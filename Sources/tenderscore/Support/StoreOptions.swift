import ArgumentParser
import Foundation
import TenderExport
import TenderPostgres
import TenderSQLite
import TenderStore
import TenderWorkflow
import TenderXML

/// Where the tender's store is, which tender in it, and who is acting: every command that reads
/// or changes a store takes these, as SPEC.md fixes them.
///
/// This is the one place that turns `--store` into a ``TenderStorage``: a `postgresql://` or
/// `postgres://` URL opens the shared PostgreSQL database, anything else is the path of an
/// embedded SQLite file. Messages name a URL only with its password replaced by `***`.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The store: a file, or postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: $TENDERSCORE_STORE, else ./tender.sqlite).")
    var store: String?

    @Option(
        name: .long,
        help: "The tender, when the store holds more than one (default: $TENDERSCORE_TENDER); for init, the new tender's id, as bids name it (for example TND-2026-014).")
    var tender: String?

    @Option(name: .customLong("as"), help: "Who is acting: a panel member id or a name (default: $TENDERSCORE_ACTOR, else your login name).")
    var actor: String?

    /// The store as given: a path or a URL (with its password, so never print it).
    var storeSpec: String {
        if let store, !store.isEmpty { return store }
        if let fromEnvironment = ProcessInfo.processInfo.environment["TENDERSCORE_STORE"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "tender.sqlite"
    }

    /// The store as messages show it: a URL's password replaced by `***`.
    var storeName: String { Self.displayName(of: storeSpec) }

    /// The tender named with `--tender` or `$TENDERSCORE_TENDER`; nil lets a store holding one
    /// tender choose it.
    var tenderID: String? {
        if let tender, !tender.isEmpty { return tender }
        if let fromEnvironment = ProcessInfo.processInfo.environment["TENDERSCORE_TENDER"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return nil
    }

    /// The acting person, recorded on every event. Falls back to the login name so that no
    /// change is ever recorded without someone answerable for it.
    func person() throws -> ActingPerson {
        let environment = ProcessInfo.processInfo.environment
        let given = [actor, environment["TENDERSCORE_ACTOR"], environment["USER"], environment["LOGNAME"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? NSUserName()
        return try ActingPerson(given)
    }

    /// The files no output may be written over: a SQLite store and its `-wal`, `-shm` and
    /// `-journal`. A PostgreSQL store is no file, so nothing to protect on disk.
    var protectedFiles: [URL] {
        PostgresURL.isPostgres(storeSpec) ? [] : OutputFile.storeFiles(URL(fileURLWithPath: storeSpec))
    }

    /// The existing store named by the options.
    func storage(readOnly: Bool = false) async throws -> any TenderStorage {
        try await Self.storage(for: storeSpec, readOnly: readOnly)
    }

    /// The tender in the store, opened for the command.
    func tender(readOnly: Bool = false, documents: DocumentReadOptions = DocumentReadOptions()) async throws -> Tender {
        try await Tender.open(in: try await storage(readOnly: readOnly), tender: tenderID, documentOptions: documents)
    }

    /// An existing store: a SQLite file (never created here) or a PostgreSQL database (its
    /// schema created or brought up to date unless `readOnly`).
    static func storage(for spec: String, readOnly: Bool) async throws -> any TenderStorage {
        if PostgresURL.isPostgres(spec) {
            return try await PostgresStorage.open(try PostgresURL(parsing: spec), readOnly: readOnly)
        }
        return OpenedStores.keep(try SQLiteStorage.open(at: spec, readOnly: readOnly))
    }

    /// A store to set a new tender up in: a new SQLite file (refused when the path exists), or
    /// a PostgreSQL database, which may already hold other tenders.
    static func storageForNewTender(_ spec: String) async throws -> any TenderStorage {
        if PostgresURL.isPostgres(spec) {
            return try await PostgresStorage.open(try PostgresURL(parsing: spec))
        }
        return OpenedStores.keep(try SQLiteStorage.new(at: spec))
    }

    static func displayName(of spec: String) -> String {
        PostgresURL.isPostgres(spec) ? PostgresURL.redact(spec) : spec
    }

    /// The store with its accounts (people, invitations, sessions), and its tender. A SQLite
    /// file keeps one set of accounts beside its tender; a PostgreSQL database one set shared
    /// by all its tenders.
    func accounts(readOnly: Bool = false) async throws -> (any TenderStorage & AccountStorage, Tender) {
        let storage = try await accountStorage(readOnly: readOnly)
        return (storage, try await Tender.open(in: storage, tender: tenderID))
    }

    /// The store with its accounts, no tender chosen: the web app serves every tender in it.
    func accountStorage(readOnly: Bool = false) async throws -> any TenderStorage & AccountStorage {
        if PostgresURL.isPostgres(storeSpec) {
            return try await PostgresStorage.open(try PostgresURL(parsing: storeSpec), readOnly: readOnly)
        }
        return OpenedStores.keep(try SQLiteStorage.open(at: storeSpec, readOnly: readOnly))
    }
}
