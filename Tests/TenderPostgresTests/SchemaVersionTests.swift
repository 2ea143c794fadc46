import Foundation
import TenderPostgres
import TenderStore
import TenderTestSupport
import TenderWorkflow
import Testing

@Suite("the schema: created once, versioned, and refused when newer", .enabled(if: PostgresTestServer.shouldRun))
struct SchemaVersionTests {
    @Test func newerSchemaIsRefused() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        _ = try await PostgresStorage.open(url)
        try await PostgresTestServer.execute(["UPDATE tenderscore_meta SET value = '99' WHERE key = 'schema_version'"], on: url)
        for readOnly in [false, true] {
            let error = try await refusal { _ = try await PostgresStorage.open(url, readOnly: readOnly) }
            #expect(error.code == .newerFormat)
            #expect(
                error.message
                    == "\(url.redacted) was set up by a newer version of TenderScore (schema version 99); this version works with schema versions up to 3. Upgrade TenderScore to use it.")
        }
    }

    /// A database set up by the version before accounts (schema 2): read-only, its tenders
    /// verify and its accounts are refused in words; opened for writing, it is brought up to
    /// version 3 with the history untouched, and people can be added.
    @Test func aVersion2DatabaseIsMigrated() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let tender = try await PostgresFixture(url: url).scored()
        let head = try await tender.snapshot().head
        try await PostgresTestServer.execute(
            [
                "DROP TABLE people, passwords, invitations, sessions, account_events",
                "DROP FUNCTION tenderscore_refuse_account_change()",
                "UPDATE tenderscore_meta SET value = '2' WHERE key = 'schema_version'",
            ], on: url)

        let old = try await PostgresStorage.open(url, readOnly: true)
        #expect(try await Tender.open(in: old).verify(expectHead: head).isIntact)
        let refused = try await refusal { _ = try await old.people() }
        #expect(refused.code == .notReady)
        #expect(
            refused.message
                == "\(url.redacted) was set up by an older version of TenderScore (schema version 2) and holds no accounts yet; open it once for writing, as a role that may change the schema, to bring it up to date.")

        let migrated = try await PostgresStorage.open(url)
        try await migrated.addPerson(PersonAccount(id: "c-jo", name: "Jo Clarke", role: .commissioner), by: "Dev Patel", at: Date())
        #expect(try await migrated.people().map(\.id) == ["c-jo"])
        let verification = try await Tender.open(in: migrated).verify(expectHead: head)
        #expect(verification.isIntact && verification.head == head, "\(verification.problems)")
        #expect(try await PostgresStorage.open(url, readOnly: true).accountEvents().map(\.kind) == [.personAdded])
        await #expect(throws: (any Error).self) {
            try await PostgresTestServer.execute(["DELETE FROM account_events"], on: url)
        }
    }

    @Test func someoneElsesTablesAreLeftAlone() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        try await PostgresTestServer.execute(["CREATE TABLE events (id int)"], on: url)
        let error = try await refusal { _ = try await PostgresStorage.open(url) }
        #expect(error.code == .notAStore)
        #expect(
            error.message
                == "\(url.redacted) already has tables named events that TenderScore did not make (there is no tenderscore_meta table). They were left as they are; use another database or schema.")
    }

    @Test func openingTwiceAtOnceBuildsTheSchemaOnce() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { _ = try await PostgresStorage.open(url) } }
            try await group.waitForAll()
        }
        let storage = try await PostgresStorage.open(url)
        #expect(try await storage.tenderIDs().isEmpty)
        #expect(try await storage.missingSafeguards(tender: "any").isEmpty)
    }

    @Test func aDisabledTriggerIsAMissingSafeguard() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let storage = try await PostgresStorage.open(url)
        try await PostgresTestServer.execute(["ALTER TABLE documents DISABLE TRIGGER documents_no_delete"], on: url)
        #expect(try await storage.missingSafeguards(tender: "any") == ["documents_no_delete"])
    }

    @Test func theHistoryRefusesChanges() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let fixture = PostgresFixture(url: url)
        _ = try await fixture.create()
        await #expect(throws: (any Error).self) {
            try await PostgresTestServer.execute(["UPDATE events SET actor = 'someone else'"], on: url)
        }
        await #expect(throws: (any Error).self) {
            try await PostgresTestServer.execute(["DELETE FROM documents"], on: url)
        }
        await #expect(throws: (any Error).self) {
            try await PostgresTestServer.execute(["TRUNCATE events"], on: url)
        }
    }
}
