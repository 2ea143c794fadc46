import Foundation
import GRDB
import Testing
import TenderSQLite
import TenderStore
import TenderTestSupport

/// The store conformance suite, run against the embedded SQLite backend.
@Suite struct SQLiteConformanceTests {
    @Test(arguments: ConformanceCheck.all)
    func sqliteStorePasses(_ check: ConformanceCheck) async throws {
        try await check.run(SQLiteHarness())
    }
}

struct SQLiteHarness: StorageHarness {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    func newStorage() async throws -> any TenderStorage {
        try SQLiteStorage.new(at: folder.file("tender-\(UUID().uuidString.prefix(8)).sqlite"))
    }

    func reopen(_ storage: any TenderStorage) async throws -> any TenderStorage {
        try SQLiteStorage.open(at: storage.location)
    }

    func tamper(_ storage: any TenderStorage, _ tampering: Tampering) async throws {
        let sql: String
        switch tampering {
        case .editProjectedScore:
            sql = "UPDATE scores SET value = 5 - value WHERE rowid = (SELECT min(rowid) FROM scores)"
        case .editEventPayload:
            sql = """
                DROP TRIGGER events_no_update;
                UPDATE events SET payload = replace(payload, '"value":3', '"value":4') WHERE seq = (SELECT max(seq) FROM events);
                """
        case .deleteLastEvent:
            sql = """
                DROP TRIGGER events_no_delete;
                DELETE FROM events WHERE seq = (SELECT max(seq) FROM events);
                """
        }
        let queue = try DatabaseQueue(path: storage.location)
        try queue.inDatabase { db in try db.execute(sql: sql) }
        try queue.close()
    }
}

/// The accounts conformance suite, run against the embedded SQLite backend.
@Suite struct SQLiteAccountConformanceTests {
    @Test(arguments: AccountConformanceCheck.all)
    func sqliteAccountsPass(_ check: AccountConformanceCheck) async throws {
        let fixture = try StoreFixture()
        try await check.run {
            let tender = try await fixture.create()
            guard let storage = tender.storage as? SQLiteStorage else { throw StoreError(.database, "not SQLite") }
            return storage
        }
    }
}
