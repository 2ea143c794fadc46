import Foundation
import Testing
import TenderModel
import TenderStore

/// Two commands using one store at once, as two store values with their own SQLite connections
/// on different threads: both succeed (one waits for the other), or one is refused cleanly;
/// nothing is lost or interleaved.
@Suite struct ConcurrencyTests {
    @Test func twoImportersOnOneStoreBothSucceedWithoutInterleaving() async throws {
        let fixture = try StoreFixture()
        let setUp = try fixture.withBids()
        let sheets = try Sheets.all(setUp)
        try setUp.close()

        // Each importer runs on its own thread with its own connection, several sheets each.
        let first = try fixture.open()
        let second = try fixture.open()
        async let a = Task.detached {
            try sheets.prefix(3).map { try first.importScores(sheet: $0, actor: $0.panelist).events.map(\.sequence) }
        }.value
        async let b = Task.detached {
            try sheets.suffix(2).map { try second.importScores(sheet: $0, actor: $0.panelist).events.map(\.sequence) }
        }.value
        let batches = try await a + b

        // Every batch is a run of consecutive events, and together they cover every score.
        for batch in batches {
            #expect(batch == Array((batch.first ?? 0)...(batch.last ?? -1)))
        }
        let all = batches.flatMap { $0 }.sorted()
        #expect(all.count == sheets.map(\.scores.count).reduce(0, +))
        #expect(all == Array(10...(9 + all.count)))
        let verification = try first.verify()
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(try second.scores().count == all.count)
    }

    @Test func twoImportersOfTheSameBidOneSucceedsTheOtherIsRefused() async throws {
        let fixture = try StoreFixture()
        let setUp = try fixture.create()
        _ = try setUp.importPanel(file: Samples.panel, actor: "Dev Patel")
        let first = try fixture.open()
        let second = try fixture.open()
        async let a = Task.detached { () -> StoreError? in
            do throws(StoreError) {
                _ = try first.importSubmissions(files: [Samples.bids[2]], actor: "Amira Khan")
                return nil
            } catch { return error }
        }.value
        async let b = Task.detached { () -> StoreError? in
            do throws(StoreError) {
                _ = try second.importSubmissions(files: [Samples.bids[2]], actor: "Dev Patel")
                return nil
            } catch { return error }
        }.value
        let outcomes = await [a, b]
        #expect(outcomes.compactMap { $0 }.count == 1)
        #expect(outcomes.compactMap { $0 }.first?.diagnostics.first?.message.contains("already received") == true)
        #expect(try setUp.submissions().map(\.id) == ["BID-003"])
        #expect(try setUp.verify().isIntact)
    }
}
