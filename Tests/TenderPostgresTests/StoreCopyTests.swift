import Foundation
import TenderModel
import TenderPostgres
import TenderSQLite
import TenderStore
import TenderTestSupport
import TenderWorkflow
import Testing

/// `store copy`: the same history, event for event, in another kind of store.
@Suite("copying a tender between SQLite and PostgreSQL", .enabled(if: PostgresTestServer.shouldRun))
struct StoreCopyTests {
    @Test func sqliteToPostgresAndBackKeepTheHead() async throws {
        let fixture = try StoreFixture()
        let original = try await fixture.scored()
        let head = try await original.snapshot().head

        let url = try await PostgresTestServer.freshDatabase()
        let toPostgres = try await original.copy(to: try await PostgresStorage.open(url))
        #expect(toPostgres.head == head)
        #expect(toPostgres.eventCount == Int(try await original.snapshot().eventCount))
        let onPostgres = try await Tender.open(in: try await PostgresStorage.open(url, readOnly: true))
        let verification = try await onPostgres.verify(expectHead: head)
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(verification.head == head)
        #expect(try await sameEvents(original.storage, onPostgres.storage, tender: original.id))

        let back = try SQLiteStorage.new(at: fixture.folder.file("back.sqlite"))
        let toSQLite = try await onPostgres.copy(to: back)
        #expect(toSQLite.head == head)
        let onSQLite = try await Tender.open(in: try SQLiteStorage.open(at: back.path, readOnly: true))
        #expect(try await onSQLite.verify(expectHead: head).isIntact)
        #expect(try await sameEvents(original.storage, onSQLite.storage, tender: original.id))
        let bid = try #require(try await onSQLite.originalDocument(ofSubmission: "BID-003"))
        #expect(bid.bytes == [UInt8](try #require(FileManager.default.contents(atPath: SampleTender.bids[2]))))
    }

    @Test func aTargetThatHoldsTheTenderIsRefused() async throws {
        let fixture = try StoreFixture()
        let original = try await fixture.withBids()
        let url = try await PostgresTestServer.freshDatabase()
        _ = try await PostgresFixture(url: url).create()
        let target = try await PostgresStorage.open(url)
        let before = try await target.snapshot(tender: original.id, scope: []).head
        let error = try await refusal { _ = try await original.copy(to: target) }
        #expect(error.code == .alreadyExists)
        #expect(
            error.message
                == "\(url.redacted) already holds tender \(original.id); a copy never joins onto an existing history. Nothing was copied.")
        #expect(try await target.snapshot(tender: original.id, scope: []).head == before)
    }

    @Test func aCopiedEventMustFollowTheHead() async throws {
        let fixture = try StoreFixture()
        let original = try await fixture.create()
        var first: EventRecord?
        first = try await original.storage.event(tender: original.id, sequence: 1)
        var record = try #require(first)
        record.actor = "Someone Else"
        let changed = record
        let url = try await PostgresTestServer.freshDatabase()
        let target = try await PostgresStorage.open(url)
        let error = try await refusal {
            try await target.create(tender: original.id) { sink in _ = try sink.append(copied: changed) }
        }
        #expect(error.message == "event 1's content does not match its hash, so it cannot be copied; run verify on the source")
        #expect(try await target.tenderIDs().isEmpty)
    }

    /// Every event of `tender` in both stores, field for field.
    func sameEvents(_ one: any TenderStorage, _ other: any TenderStorage, tender: String) async throws -> Bool {
        let count = try await one.snapshot(tender: tender, scope: []).eventCount
        guard try await other.snapshot(tender: tender, scope: []).eventCount == count else { return false }
        for sequence in 1...count {
            let a = try await one.event(tender: tender, sequence: sequence)
            let b = try await other.event(tender: tender, sequence: sequence)
            guard a != nil, a == b else { return false }
        }
        return true
    }
}
