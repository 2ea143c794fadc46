import Foundation
import TenderPostgres
import TenderStore
import TenderTestSupport
import Testing

/// The people who sign in, on PostgreSQL: the accounts conformance suite SQLite passes, and the
/// record of accounts refusing changes as the history does.
@Suite("accounts on PostgreSQL", .enabled(if: PostgresTestServer.shouldRun))
struct PostgresAccountTests {
    @Test(arguments: AccountConformanceCheck.all)
    func postgresAccountsPass(_ check: AccountConformanceCheck) async throws {
        try await check.run {
            let url = try await PostgresTestServer.freshDatabase()
            _ = try await PostgresFixture(url: url).create()
            return try await PostgresStorage.open(url)
        }
    }

    @Test func theRecordOfAccountsRefusesChanges() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let storage = try await PostgresStorage.open(url)
        try await storage.addPerson(PersonAccount(id: "c-jo", name: "Jo Clarke", role: .commissioner), by: "Dev Patel", at: Date())
        for statement in ["UPDATE account_events SET actor = 'someone else'", "DELETE FROM account_events", "TRUNCATE account_events"] {
            await #expect(throws: (any Error).self, "\(statement)") {
                try await PostgresTestServer.execute([statement], on: url)
            }
        }
        #expect(try await storage.accountEvents().map(\.actor) == ["Dev Patel"])
    }

    @Test func accountsAreSharedByTheDatabasesTenders() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let fixture = PostgresFixture(url: url)
        _ = try await fixture.create(tender: "TND-2026-014")
        _ = try await fixture.create(tender: "TND-2026-015")
        try await PostgresStorage.open(url).addPerson(
            PersonAccount(id: "c-jo", name: "Jo Clarke", role: .commissioner), by: "Dev Patel", at: Date())
        let again = try await refusal {
            try await PostgresStorage.open(url).addPerson(
                PersonAccount(id: "c-jo", name: "Jo", role: .auditor), by: "Dev Patel", at: Date())
        }
        #expect(again.code == .alreadyExists && again.message == "c-jo is already added.")
        #expect(try await PostgresStorage.open(url, readOnly: true).people().map(\.name) == ["Jo Clarke"])
    }

    @Test func aReadOnlyStoreChangesNoAccount() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        _ = try await PostgresFixture(url: url).create()
        let storage = try await PostgresStorage.open(url, readOnly: true)
        let error = try await refusal {
            try await storage.addPerson(PersonAccount(id: "c-jo", name: "Jo Clarke", role: .commissioner), by: "Dev Patel", at: Date())
        }
        #expect(error.message == "\(url.redacted) was opened read-only; nothing can be changed through it.")
        #expect(try await storage.people().isEmpty)
    }
}
