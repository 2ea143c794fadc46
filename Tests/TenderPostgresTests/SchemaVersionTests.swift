import Foundation
import TenderPostgres
import TenderStore
import TenderTestSupport
import Testing

@Suite("the schema: created once, versioned, and refused when newer", .enabled(if: TestServer.shouldRun))
struct SchemaVersionTests {
    @Test func newerSchemaIsRefused() async throws {
        let url = try await TestServer.freshDatabase()
        _ = try await PostgresStorage.open(url)
        try await TestServer.execute(["UPDATE tenderscore_meta SET value = '99' WHERE key = 'schema_version'"], on: url)
        for readOnly in [false, true] {
            let error = try await refusal { _ = try await PostgresStorage.open(url, readOnly: readOnly) }
            #expect(error.code == .newerFormat)
            #expect(
                error.message
                    == "\(url.redacted) was set up by a newer version of TenderScore (schema version 99); this version works with schema versions up to 2. Upgrade TenderScore to use it.")
        }
    }

    @Test func someoneElsesTablesAreLeftAlone() async throws {
        let url = try await TestServer.freshDatabase()
        try await TestServer.execute(["CREATE TABLE events (id int)"], on: url)
        let error = try await refusal { _ = try await PostgresStorage.open(url) }
        #expect(error.code == .notAStore)
        #expect(
            error.message
                == "\(url.redacted) already has tables named events that TenderScore did not make (there is no tenderscore_meta table). They were left as they are; use another database or schema.")
    }

    @Test func openingTwiceAtOnceBuildsTheSchemaOnce() async throws {
        let url = try await TestServer.freshDatabase()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { _ = try await PostgresStorage.open(url) } }
            try await group.waitForAll()
        }
        let storage = try await PostgresStorage.open(url)
        #expect(try await storage.tenderIDs().isEmpty)
        #expect(try await storage.missingSafeguards(tender: "any").isEmpty)
    }

    @Test func aDisabledTriggerIsAMissingSafeguard() async throws {
        let url = try await TestServer.freshDatabase()
        let storage = try await PostgresStorage.open(url)
        try await TestServer.execute(["ALTER TABLE documents DISABLE TRIGGER documents_no_delete"], on: url)
        #expect(try await storage.missingSafeguards(tender: "any") == ["documents_no_delete"])
    }

    @Test func theHistoryRefusesChanges() async throws {
        let url = try await TestServer.freshDatabase()
        let fixture = PostgresFixture(url: url)
        _ = try await fixture.create()
        await #expect(throws: (any Error).self) {
            try await TestServer.execute(["UPDATE events SET actor = 'someone else'"], on: url)
        }
        await #expect(throws: (any Error).self) {
            try await TestServer.execute(["DELETE FROM documents"], on: url)
        }
        await #expect(throws: (any Error).self) {
            try await TestServer.execute(["TRUNCATE events"], on: url)
        }
    }
}
