import Foundation
import TenderModel
import TenderPostgres
import TenderStore
import TenderTestSupport
@_spi(Testing) import TenderWorkflow
import Testing

@Suite("one database, many tenders", .enabled(if: PostgresTestServer.shouldRun))
struct ManyTendersTests {
    @Test func tendersAreKeptApartAndNamedWhenThereAreSeveral() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let fixture = PostgresFixture(url: url)
        let first = try await fixture.create(tender: "TND-2026-014")
        _ = try await first.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        let second = try await fixture.create(tender: "TND-2026-015")
        let storage = try await PostgresStorage.open(url)
        #expect(try await storage.tenderIDs() == ["TND-2026-014", "TND-2026-015"])

        let error = try await refusal { _ = try await Tender.open(in: storage) }
        #expect(error.message == "\(url.redacted) holds 2 tenders (TND-2026-014, TND-2026-015); name one with --tender.")
        let missing = try await refusal { _ = try await Tender.open(in: storage, tender: "TND-1") }
        #expect(missing.message == "\(url.redacted) holds no tender TND-1 (it holds TND-2026-014, TND-2026-015).")

        #expect(try await first.snapshot().eventCount == 2)
        #expect(try await second.snapshot().eventCount == 1)
        #expect(try await second.snapshot().panel == nil)
        #expect(try await first.verify().isIntact)
        #expect(try await second.verify().isIntact)
    }

    @Test func aSecondInitOfTheSameTenderIsRefused() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let fixture = PostgresFixture(url: url)
        _ = try await fixture.create()
        let error = try await refusal { _ = try await fixture.create() }
        #expect(error.code == .alreadyExists)
        #expect(
            error.message
                == "\(url.redacted) already holds tender \(SampleTender.tender), and its criteria never change. Choose another id for a new tender, or work on this one with --tender \(SampleTender.tender).")
    }

    @Test func aServerThatGoesAwayMidWriteStoresNothing() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let fixture = PostgresFixture(url: url)
        var tender = try await fixture.create()
        _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        let before = try await tender.snapshot()
        let database = url.database
        tender.faultInjector = { point in
            if case .appended(let sequence, _) = point, sequence == before.eventCount + 2 {
                try PostgresTestServer.terminateSessions(on: database)
            }
        }
        let error = try await refusal { _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel") }
        #expect(
            error.message.contains("was lost before the command finished") || error.message.contains("shut down or restarted during the command"),
            "\(error.message)")
        #expect(error.message.contains(url.redacted))
        let reopened = try await Tender.open(in: try await PostgresStorage.open(url))
        let after = try await reopened.snapshot()
        #expect(after.eventCount == before.eventCount)
        #expect(after.submissions.isEmpty)
        #expect(try await reopened.verify().isIntact)
    }
}
