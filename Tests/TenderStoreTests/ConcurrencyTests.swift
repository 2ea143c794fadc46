import Foundation
import Testing
import TenderModel
import TenderStore
import TenderSQLite
import TenderTestSupport
@_spi(Testing) import TenderWorkflow

/// Two commands using one store at once, as two store values with their own SQLite connections
/// on different threads: both succeed (one waits for the other), or one is refused cleanly;
/// nothing is lost or interleaved.
@Suite struct ConcurrencyTests {
    @Test func twoImportersOnOneStoreBothSucceedWithoutInterleaving() async throws {
        let fixture = try StoreFixture()
        let setUp = try await fixture.withBids()
        let sheets = try await Sheets.all(setUp)
        try (setUp.storage as? SQLiteStorage)?.close()

        // Each importer runs on its own thread with its own connection, several sheets each.
        let first = try await fixture.open()
        let second = try await fixture.open()
        async let a = Task.detached {
            var batches: [[Int]] = []
            for sheet in sheets.prefix(3) {
                batches.append(try await first.importScores(sheet: sheet, actor: sheet.panelist).events.map(\.sequence))
            }
            return batches
        }.value
        async let b = Task.detached {
            var batches: [[Int]] = []
            for sheet in sheets.suffix(2) {
                batches.append(try await second.importScores(sheet: sheet, actor: sheet.panelist).events.map(\.sequence))
            }
            return batches
        }.value
        let batches = try await a + b

        // Every batch is a run of consecutive events, and together they cover every score.
        for batch in batches {
            #expect(batch == Array((batch.first ?? 0)...(batch.last ?? -1)))
        }
        let all = batches.flatMap { $0 }.sorted()
        #expect(all.count == sheets.map(\.scores.count).reduce(0, +))
        #expect(all == Array(10...(9 + all.count)))
        let verification = try await first.verify()
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(try await second.scores().count == all.count)
    }

    @Test func twoImportersOfTheSameBidOneSucceedsTheOtherIsRefused() async throws {
        let fixture = try StoreFixture()
        let setUp = try await fixture.create()
        _ = try await setUp.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        let first = try await fixture.open()
        let second = try await fixture.open()
        async let a = Task.detached { () -> StoreError? in
            do {
                _ = try await first.importSubmissions(files: [SampleTender.bids[2]], actor: "Amira Khan")
                return nil
            } catch let error as StoreError { return error } catch { return StoreError(.database, "\(error)") }
        }.value
        async let b = Task.detached { () -> StoreError? in
            do {
                _ = try await second.importSubmissions(files: [SampleTender.bids[2]], actor: "Dev Patel")
                return nil
            } catch let error as StoreError { return error } catch { return StoreError(.database, "\(error)") }
        }.value
        let outcomes = await [a, b]
        #expect(outcomes.compactMap { $0 }.count == 1)
        #expect(outcomes.compactMap { $0 }.first?.diagnostics.first?.message.contains("already received") == true)
        #expect(try await setUp.submissions().map(\.id) == ["BID-003"])
        #expect(try await setUp.verify().isIntact)
    }
}
