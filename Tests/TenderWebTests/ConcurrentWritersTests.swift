import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TenderModel
import TenderStore
import TenderTestSupport
import TenderWeb
import TenderWorkflow

/// The web app and the command line writing one tender at once: a member saves scoring pages
/// in the browser while a `tenderscore scores import` process records another member's sheet.
/// Nothing is lost (every acknowledged save and the whole import are in the history) and
/// nothing interleaves (each save's six events, and the import's, stand together).
@Suite struct ConcurrentWritersTests {
    static let t = "/tenders/TND-2026-014"

    @Test(arguments: WebStore.available)
    func theBrowserAndACommandWritingAtOnceLoseNothing(_ backend: WebStore) async throws {
        let fixture = try await WebFixture(on: backend)
        let criteria = try await fixture.tender.snapshot().criteria.criteria
        let before = try await fixture.tender.snapshot().eventCount
        let bids = (1...7).map { "BID-00\($0)" }
        let tom = SampleTender.scoresheets + "/p-tom.xml"
        try await fixture.test { client in
            let browser = try await fixture.signedIn("p-amira", client)
            _ = try await browser.post(Self.t + "/declaration", bids.map { ("conflict-\($0)", "no") })
            // One round saved before the command starts, so that on a slow machine the import
            // cannot take the write lock before the browser's first save.
            var saves = 0
            for bid in bids {
                let fields = criteria.flatMap { [("score-\($0.id)", "1"), ("rationale-\($0.id)", "First reading.")] }
                let saved = try await browser.post(Self.t + "/submissions/\(bid)/score", fields)
                #expect(saved.status == .seeOther, "\(bid) first round: \(saved.body.prefix(300))")
                saves += 1
            }
            let command = try StartedCommand(
                ["scores", "import", tom], environment: ["TENDERSCORE_STORE": fixture.storeSpec, "TENDERSCORE_ACTOR": "p-tom"])
            // Whole rounds of the seven pages until the command has ended, alternating the
            // scores so that every save changes all six.
            var round = 0
            var importing = true
            while importing {
                importing = command.isRunning
                let value = String(2 + round % 2)
                for bid in bids {
                    let fields = criteria.flatMap { [("score-\($0.id)", value), ("rationale-\($0.id)", "Round \(round): \(value).")] }
                    let saved = try await browser.post(Self.t + "/submissions/\(bid)/score", fields)
                    #expect(saved.status == .seeOther, "\(bid) round \(round): \(saved.body.prefix(300))")
                    saves += 1
                }
                round += 1
            }
            let imported = try await command.finish()
            #expect(imported.status == 0, "\(imported.stderr)")
            let acknowledged = try ImportAcknowledgement(imported.stdout)

            let history = try await fixture.tender.history(for: try ActingPerson("a-morgan", standing: .auditor))
                .filter { $0.sequence > before }
            let block = history.filter { acknowledged.range.contains($0.sequence) }
            #expect(block.count == 42 && block.allSatisfy { $0.actor == "p-tom" && $0.kind == .scoreGiven })
            #expect(block.last?.hash == acknowledged.head)
            let amira = history.filter { $0.actor == "p-amira" && ($0.kind == .scoreGiven || $0.kind == .scoreChanged) }
            #expect(amira.count == 6 * saves, "every acknowledged save is in the history")
            #expect(history.count == amira.count + block.count + 1, "the declaration, the saves and the import: nothing else")
            // Runs of Amira's events between the import's: each holds whole saves of six.
            let beforeImport = amira.filter { $0.sequence < acknowledged.range.lowerBound }
            let afterImport = amira.filter { $0.sequence > acknowledged.range.upperBound }
            #expect(beforeImport.count % 6 == 0 && afterImport.count % 6 == 0)
            // The import committed between two of the browser's saves.
            #expect(
                !beforeImport.isEmpty && !afterImport.isEmpty,
                "\(beforeImport.count / 6) saves before the import, \(afterImport.count / 6) after")

            let scores = try await fixture.tender.scores()
            let last = 2 + (round - 1) % 2
            #expect(scores.filter { $0.panelist == "p-amira" }.map(\.value) == Array(repeating: last, count: 42))
            #expect(scores.filter { $0.panelist == "p-tom" }.count == 42)
            #expect(try await fixture.tender.verify().isIntact)
        }
    }
}
