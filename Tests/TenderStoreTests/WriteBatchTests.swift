import Foundation
import Testing
import TenderModel
import TenderStore
import TenderSQLite
import TenderTestSupport
@_spi(Testing) import TenderWorkflow

/// Writes that arrive while another is committing share one transaction (`WriteBatcher`). Each
/// must still stand or fall alone: a save that breaks halfway, or that a rule refuses, leaves
/// nothing, and the saves committed beside it keep everything.
@Suite struct WriteBatchTests {
    static let bids = (1...7).map { "BID-00\($0)" }

    func declareNone(_ tender: Tender, _ member: String) async throws {
        let panel = try #require(try await tender.panel())
        let answers = Self.bids.filter { !panel.isConflicted(member: member, submission: $0) }.map {
            ConflictAnswer(submission: $0, conflict: false, details: "")
        }
        try await tender.declareConflicts(answers, by: try ActingPerson(member))
    }

    func entries(_ tender: Tender, rationale: String = "Reads well.") async throws -> [ScoreEntry] {
        try await tender.criteria().criteria.map { ScoreEntry(criterion: $0.id, value: 3, rationale: rationale) }
    }

    @Test func aFailingSaveInASharedCommitLeavesNothingAndTheOthersEverything() async throws {
        let tender = try await StoreFixture().withBids()
        let members = ["p-amira", "p-tom", "p-grace", "p-dev", "p-ruth"]
        for member in members { try await declareNone(tender, member) }
        let criteria = try await tender.criteria().criteria.count
        let before = try await tender.snapshot().eventCount

        // The first save holds the writer at its first event until the others have queued, so
        // that they are committed together after it.
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        var holding = tender
        let held = Counter()
        holding.faultInjector = { point in
            if case .appended(_, .scoreGiven) = point, held.next() == 1 {
                entered.signal()
                _ = release.wait(timeout: .now() + 10)
            }
        }
        let good = try await entries(tender)
        let first = Task { try await holding.saveScores(submission: "BID-001", entries: good, by: try ActingPerson("p-amira")) }
        #expect(await Task.detached { entered.wait(timeout: .now() + 30) }.value == .success)

        // While it waits: two good saves, one that breaks after its second event, one refused.
        var breaking = tender
        let appended = Counter()
        breaking.faultInjector = { point in
            if case .appended(_, .scoreGiven) = point, appended.next() == 2 {
                throw StoreError(.database, "the disk went away (test)")
            }
        }
        let tom = Task { try await tender.saveScores(submission: "BID-002", entries: good, by: try ActingPerson("p-tom")) }
        let grace = Task { try await tender.saveScores(submission: "BID-003", entries: good, by: try ActingPerson("p-grace")) }
        let dev = Task { try await breaking.saveScores(submission: "BID-004", entries: good, by: try ActingPerson("p-dev")) }
        let blank = try await entries(tender, rationale: " ")
        let ruth = Task { try await tender.saveScores(submission: "BID-001", entries: blank, by: try ActingPerson("p-ruth")) }
        try await Task.sleep(for: .milliseconds(300))
        release.signal()

        let saved = [try await first.value, try await tom.value, try await grace.value]
        await #expect { try await dev.value } throws: { ($0 as? StoreError)?.message == "the disk went away (test)" }
        await #expect { try await ruth.value } throws: {
            ($0 as? StoreError)?.message == "Your scores were not saved: check each answer."
        }

        // Each saved page is a run of consecutive events; nothing of the failed ones is kept.
        for report in saved {
            let sequences = report.events.map(\.sequence)
            #expect(sequences.count == criteria)
            #expect(sequences == Array((sequences.first ?? 0)...(sequences.last ?? -1)))
        }
        let snapshot = try await tender.snapshot()
        #expect(snapshot.eventCount == before + Int64(3 * criteria))
        #expect(Set(snapshot.scores.map(\.score.panelist)) == ["p-amira", "p-tom", "p-grace"])
        let verification = try await tender.verify()
        #expect(verification.isIntact, "\(verification.problems)")
    }

    @Test func fiftyConcurrentSavesAreEachKeptWhole() async throws {
        let tender = try await StoreFixture().withBids()
        let members = ["p-amira", "p-tom", "p-grace", "p-dev"]
        for member in members { try await declareNone(tender, member) }
        let criteria = try await tender.criteria().criteria.count
        let before = try await tender.snapshot().eventCount
        let good = try await entries(tender)
        let changed = good.map { ScoreEntry(criterion: $0.criterion, value: 4, rationale: "Better on a second reading.") }

        // Every member saves every bid twice over, all at once: 56 saves, each changing all six.
        let reports = try await withThrowingTaskGroup(of: ImportReport.self) { group in
            for member in members {
                for bid in Self.bids {
                    group.addTask { try await tender.saveScores(submission: bid, entries: good, by: try ActingPerson(member)) }
                }
            }
            var reports: [ImportReport] = []
            for try await report in group { reports.append(report) }
            for member in members {
                for bid in Self.bids {
                    group.addTask { try await tender.saveScores(submission: bid, entries: changed, by: try ActingPerson(member)) }
                }
            }
            for try await report in group { reports.append(report) }
            return reports
        }
        #expect(reports.count == 2 * members.count * Self.bids.count)
        for report in reports {
            let sequences = report.events.map(\.sequence)
            #expect(sequences == Array((sequences.first ?? 0)...(sequences.last ?? -1)))
        }
        let snapshot = try await tender.snapshot()
        #expect(snapshot.eventCount == before + Int64(reports.count * criteria))
        #expect(snapshot.scores.count == members.count * Self.bids.count * criteria)
        #expect(snapshot.scores.allSatisfy { $0.score.value == 4 })
        let verification = try await tender.verify()
        #expect(verification.isIntact, "\(verification.problems)")
    }
}

/// Counts calls from whichever thread the store's writer runs on.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
