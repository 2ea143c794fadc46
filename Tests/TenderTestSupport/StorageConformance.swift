import Foundation
import TenderModel
import TenderStore
import Testing
@_spi(Testing) import TenderWorkflow

/// What a store backend gives the conformance suite: fresh stores, and a way to change one
/// behind TenderScore's back, as someone with direct access to the database would.
public protocol StorageHarness: Sendable {
    /// A new, empty store, ready for its first tender.
    func newStorage() async throws -> any TenderStorage
    /// The same store opened again, as another process would.
    func reopen(_ storage: any TenderStorage) async throws -> any TenderStorage
    /// Carries out `tampering` directly on the backend, safeguards (triggers) dropped first.
    func tamper(_ storage: any TenderStorage, _ tampering: Tampering) async throws
}

/// Changes an attacker with database access might make.
public enum Tampering: Sendable, CaseIterable {
    /// A score's value changed in the scores table only.
    case editProjectedScore
    /// An event's payload rewritten.
    case editEventPayload
    /// The last event deleted.
    case deleteLastEvent
}

/// The checks every ``TenderStorage`` backend must pass; each backend's tests run them all.
public struct ConformanceCheck: Sendable, CustomStringConvertible {
    public let description: String
    public let run: @Sendable (any StorageHarness) async throws -> Void

    public static let all: [ConformanceCheck] = [
        ConformanceCheck(description: "a tender set up reads back as set up", run: roundTrip),
        ConformanceCheck(description: "a write that fails halfway leaves nothing", run: failedWriteLeavesNothing),
        ConformanceCheck(description: "a refused import leaves nothing", run: refusalLeavesNothing),
        ConformanceCheck(description: "concurrent writers lose nothing", run: concurrentWritersLoseNothing),
        ConformanceCheck(description: "the whole sample tender verifies", run: wholeTenderVerifies),
        ConformanceCheck(description: "tampering is caught", run: tamperingIsCaught),
        ConformanceCheck(description: "a second tender of the same id is refused", run: duplicateTenderRefused),
        ConformanceCheck(description: "a withdrawn score leaves the tables and verify follows", run: withdrawalRemovesRows),
        ConformanceCheck(description: "declarations and hand-ins read back and verify", run: declarationsAndHandIns),
        ConformanceCheck(description: "scores read back in item order, with or without rationales", run: scoreOrder),
    ]

    /// Scores come back ordered by submission, criterion and member (the sample's ids sort the
    /// same in the byte order of their UTF-8 and in any collation), however they were written:
    /// here the sheets are imported last member first. `.withoutRationales` changes nothing but the
    /// rationales, which are empty.
    static func scoreOrder(_ harness: any StorageHarness) async throws {
        let tender = try await setUp(harness)
        _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
        for sheet in try await Sheets.all(tender).sorted(by: { $0.panelist > $1.panelist }) {
            _ = try await tender.importScores(sheet: sheet, actor: sheet.panelist)
        }
        let reopened = try await Tender.open(in: try await harness.reopen(tender.storage))
        let scores = try await reopened.snapshot().scores.map(\.score)
        #expect(scores.count > 100)
        func key(_ score: Score) -> [[UInt8]] { [Array(score.submission.utf8), Array(score.criterion.utf8), Array(score.panelist.utf8)] }
        let sorted = scores.sorted { key($0).lexicographicallyPrecedes(key($1)) { $0.lexicographicallyPrecedes($1) } }
        #expect(scores == sorted)
        #expect(scores.contains { !$0.rationale.isEmpty })
        let bare = try await reopened.snapshot(.withoutRationales).scores.map(\.score)
        #expect(bare.allSatisfy { $0.rationale.isEmpty })
        #expect(bare.map(key) == scores.map(key))
        #expect(bare.map(\.value) == scores.map(\.value))
    }

    /// Format 2's projection (declarations, hand-ins): a declared conflict reads back as a
    /// conflict of the panel, and `verify` rebuilds both tables from the history.
    static func declarationsAndHandIns(_ harness: any StorageHarness) async throws {
        let tender = try await setUp(harness)
        _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
        let amira = try ActingPerson("p-amira")
        try await tender.declareConflicts(
            (1...7).map { ConflictAnswer(submission: "BID-00\($0)", conflict: $0 == 2, details: $0 == 2 ? "My sister works there" : "") },
            by: amira)
        let criteria = try await tender.criteria().criteria
        for bid in [1, 3, 4, 5, 6, 7].map({ "BID-00\($0)" }) {
            try await tender.saveScores(
                submission: bid, entries: criteria.map { ScoreEntry(criterion: $0.id, value: 3, rationale: "Fair.") }, by: amira)
        }
        try await tender.handIn(by: amira)
        let reopened = try await Tender.open(in: try await harness.reopen(tender.storage))
        let snapshot = try await reopened.snapshot()
        #expect(snapshot.declarations.count == 7)
        #expect(snapshot.declarations.first { $0.submission == "BID-002" }?.details == "My sister works there")
        #expect(snapshot.panel?.panel.isConflicted(member: "p-amira", submission: "BID-002") == true)
        #expect(snapshot.handIns["p-amira"] != nil)
        #expect(try await reopened.verify().isIntact)
    }

    static func setUp(_ harness: any StorageHarness) async throws -> Tender {
        try await Tender.create(
            in: try await harness.newStorage(), tender: SampleTender.tender,
            criteria: try DocumentFile.read(SampleTender.criteria, options: .init()), title: "Conformance",
            by: try ActingPerson("Dev Patel"))
    }

    static func roundTrip(_ harness: any StorageHarness) async throws {
        let tender = try await setUp(harness)
        _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
        let reopened = try await Tender.open(in: try await harness.reopen(tender.storage))
        let snapshot = try await reopened.snapshot(.responses)
        #expect(try await reopened.storage.tenderIDs() == [SampleTender.tender])
        #expect(snapshot.eventCount == 9)
        #expect(snapshot.submissions.map(\.submission.id) == (1...7).map { "BID-00\($0)" })
        #expect(snapshot.submissions.allSatisfy { !$0.submission.responses.isEmpty })
        #expect(snapshot.panel?.panel.members.count == 5)
        let original = try #require(try await reopened.originalDocument(ofSubmission: "BID-003"))
        #expect(original.bytes == [UInt8](try #require(FileManager.default.contents(atPath: SampleTender.bids[2]))))
    }

    static func failedWriteLeavesNothing(_ harness: any StorageHarness) async throws {
        var tender = try await setUp(harness)
        _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        let before = try await tender.snapshot()
        tender.faultInjector = { point in
            if case .appended(let sequence, _) = point, sequence == before.eventCount + 4 {
                throw StoreError(.database, "injected failure")
            }
        }
        await #expect(throws: StoreError.self) {
            _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
        }
        let after = try await tender.snapshot()
        #expect(after.eventCount == before.eventCount)
        #expect(after.head == before.head)
        #expect(after.submissions.isEmpty)
        #expect(try await tender.verify().isIntact)
    }

    static func refusalLeavesNothing(_ harness: any StorageHarness) async throws {
        let tender = try await setUp(harness)
        _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
        let before = try await tender.snapshot()
        var sheet = Scoresheet(tender: SampleTender.tender, panelist: "p-amira", scores: [])
        sheet.scores = [
            Score(panelist: "p-amira", submission: "BID-001", criterion: "local-assets", value: 4, rationale: "Clear asset map."),
            Score(panelist: "p-amira", submission: "BID-002", criterion: "local-assets", value: 9, rationale: "Off the scale."),
        ]
        await #expect(throws: StoreError.self) { _ = try await tender.importScores(sheet: sheet, actor: "p-amira") }
        let after = try await tender.snapshot()
        #expect(after.eventCount == before.eventCount)
        #expect(after.scores.isEmpty)
    }

    static func concurrentWritersLoseNothing(_ harness: any StorageHarness) async throws {
        let tender = try await setUp(harness)
        _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
        let panel = try #require(try await tender.panel())
        let snapshot = try await tender.snapshot(.responses)
        let sheets = panel.members.enumerated().map { index, member in
            Sheets.sheet(
                member: member, offset: index, panel: panel, submissions: snapshot.submissions.map(\.submission),
                criteria: snapshot.criteria)
        }
        let second = try await Tender.open(in: try await harness.reopen(tender.storage))
        try await withThrowingTaskGroup(of: ImportReport.self) { group in
            for (index, sheet) in sheets.enumerated() {
                let writer = index % 2 == 0 ? tender : second
                group.addTask { try await writer.importScores(sheet: sheet, actor: sheet.panelist) }
            }
            for try await _ in group {}
        }
        let expected = sheets.map(\.scores.count).reduce(0, +)
        #expect(try await tender.scores().count == expected)
        #expect(try await tender.snapshot().eventCount == 9 + Int64(expected))
        #expect(try await tender.verify().isIntact)
    }

    static func wholeTenderVerifies(_ harness: any StorageHarness) async throws {
        let tender = try await setUp(harness)
        _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
        for sheet in try await Sheets.all(tender) {
            _ = try await tender.importScores(sheet: sheet, actor: sheet.panelist)
        }
        let verification = try await tender.verify()
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(verification.head == (try await tender.snapshot().head))
    }

    static func tamperingIsCaught(_ harness: any StorageHarness) async throws {
        for tampering in Tampering.allCases {
            let tender = try await setUp(harness)
            _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel")
            _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
            for sheet in try await Sheets.all(tender) {
                _ = try await tender.importScores(sheet: sheet, actor: sheet.panelist)
            }
            let head = try await tender.snapshot().head
            try await harness.tamper(tender.storage, tampering)
            let verification = try await tender.verify(expectHead: head)
            #expect(!verification.isIntact, "\(tampering) was not caught")
        }
    }

    static func duplicateTenderRefused(_ harness: any StorageHarness) async throws {
        let tender = try await setUp(harness)
        await #expect(throws: StoreError.self) {
            _ = try await Tender.create(
                in: tender.storage, tender: SampleTender.tender,
                criteria: try DocumentFile.read(SampleTender.criteria, options: .init()), by: try ActingPerson("Dev Patel"))
        }
        #expect(try await tender.storage.tenderIDs() == [SampleTender.tender])
    }

    static func withdrawalRemovesRows(_ harness: any StorageHarness) async throws {
        let tender = try await setUp(harness)
        _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
        for sheet in try await Sheets.all(tender) {
            _ = try await tender.importScores(sheet: sheet, actor: sheet.panelist)
        }
        let before = try await tender.scores().count
        let withdrawn = try await tender.withdrawScores(
            member: "p-tom", submission: "BID-003", reason: "Declared a conflict after scoring", by: ActingPerson("Sam Okoro"))
        #expect(withdrawn.count == 6)
        let reopened = try await Tender.open(in: try await harness.reopen(tender.storage))
        let scores = try await reopened.scores()
        #expect(scores.count == before - 6)
        #expect(!scores.contains { $0.panelist == "p-tom" && $0.submission == "BID-003" })
        let verification = try await reopened.verify()
        #expect(verification.isIntact, "\(verification.problems)")
    }
}
