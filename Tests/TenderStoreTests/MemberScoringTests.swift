import Foundation
import Testing
import TenderModel
import TenderStore
import TenderSQLite
import TenderTestSupport
@_spi(Testing) import TenderWorkflow

/// The use cases the web app adds to the workflow: the conflict declaration, saving one bid's
/// scores, and hand-in. Each refusal is checked with its message.
@Suite struct MemberScoringTests {
    static let bids = (1...7).map { "BID-00\($0)" }

    func declareNone(_ tender: Tender, _ member: String, except conflicts: [String: String] = [:]) async throws {
        let panel = try #require(try await tender.panel())
        let answers = Self.bids.filter { !panel.isConflicted(member: member, submission: $0) }.map { bid in
            ConflictAnswer(submission: bid, conflict: conflicts[bid] != nil, details: conflicts[bid] ?? "")
        }
        try await tender.declareConflicts(answers, by: try ActingPerson(member))
    }

    func entries(_ tender: Tender, value: Int = 3) async throws -> [ScoreEntry] {
        try await tender.criteria().criteria.map { ScoreEntry(criterion: $0.id, value: value, rationale: "Reads well on \($0.id).") }
    }

    @Test func noBidIsShownBeforeTheDeclaration() async throws {
        let tender = try await StoreFixture().withBids()
        await #expect { try await tender.scoringBid("BID-001", for: try ActingPerson("p-amira")) } throws: { error in
            (error as? StoreError)?.message == "Make your conflict of interest declaration before you see any bid."
        }
        #expect(try await tender.tasks(for: try ActingPerson("p-amira")).bids.isEmpty)
    }

    @Test func aDeclaredConflictActsAsAPanelConflictForEveryRule() async throws {
        let tender = try await StoreFixture().withBids()
        try await declareNone(tender, "p-amira", except: ["BID-002": "My sister manages its day centre"])
        let panel = try #require(try await tender.panel())
        #expect(panel.isConflicted(member: "p-amira", submission: "BID-002"))
        await #expect { try await tender.scoringBid("BID-002", for: try ActingPerson("p-amira")) } throws: { error in
            (error as? StoreError)?.message == "You declared a conflict of interest with BID-002, so you do not see or score it."
        }
        let bid = try await tender.scoringBid("BID-001", for: try ActingPerson("p-amira"))
        #expect(bid.submission.price == nil)
        #expect(!bid.submission.responses.isEmpty)
        #expect(try await tender.verify().isIntact)
    }

    @Test func theDeclarationNeedsAnAnswerForEveryBidAndDetailsForAConflict() async throws {
        let tender = try await StoreFixture().withBids()
        let answers = [ConflictAnswer(submission: "BID-001", conflict: true, details: " ")]
        await #expect { try await tender.declareConflicts(answers, by: try ActingPerson("p-tom")) } throws: { error in
            guard let error = error as? StoreError else { return false }
            let fields = error.diagnostics.compactMap(FormProblem.field(of:))
            return error.message == "Your declaration was not recorded: check each answer." && fields.contains("details-BID-001")
                && fields.contains("conflict-BID-002") && !fields.contains("conflict-BID-001")
                && error.diagnostics.contains { $0.message == "Say what your conflict of interest with BID-001 is." }
        }
        #expect(try await tender.snapshot().declarations.isEmpty)
    }

    @Test func aDeclarationIsMadeOnceAndOnlyByPanelMembers() async throws {
        let tender = try await StoreFixture().withBids()
        try await declareNone(tender, "p-tom")
        await #expect { try await declareNone(tender, "p-tom") } throws: { error in
            (error as? StoreError)?.message.hasPrefix("You made your declaration already") == true
        }
        await #expect { try await tender.declareConflicts([], by: try ActingPerson("Jo Clerk")) } throws: { error in
            (error as? StoreError)?.message == "Jo Clerk is not on the panel; only panel members declare conflicts of interest."
        }
    }

    @Test func scoresAreSavedPerBidAndEveryCriterionNeedsAScoreAndAReason() async throws {
        let tender = try await StoreFixture().withBids()
        try await declareNone(tender, "p-amira")
        let amira = try ActingPerson("p-amira")
        var partial = try await entries(tender)
        partial[0].value = nil
        partial[1].rationale = ""
        await #expect { try await tender.saveScores(submission: "BID-001", entries: partial, by: amira) } throws: { error in
            guard let error = error as? StoreError else { return false }
            let fields = error.diagnostics.compactMap(FormProblem.field(of:))
            return error.message == "Your scores were not saved: check each answer."
                && fields == ["score-\(partial[0].criterion)", "rationale-\(partial[1].criterion)"]
        }
        #expect(try await tender.scores().isEmpty)
        try await tender.saveScores(submission: "BID-001", entries: try await entries(tender), by: amira)
        // Before hand-in, a change needs no reason.
        let report = try await tender.saveScores(submission: "BID-001", entries: try await entries(tender, value: 4), by: amira)
        #expect(report.events.allSatisfy { $0.kind == .scoreChanged && $0.reason == nil })
    }

    @Test func aMemberSavesOnlyTheirOwnScoresAndNeverOnAConflictedBid() async throws {
        let tender = try await StoreFixture().withBids()
        try await declareNone(tender, "p-ruth")
        await #expect {
            try await tender.saveScores(submission: "BID-005", entries: try await entries(tender), by: try ActingPerson("p-ruth"))
        } throws: { error in
            (error as? StoreError)?.message == "You declared a conflict of interest with BID-005, so you do not see or score it."
        }
        await #expect {
            try await tender.saveScores(submission: "BID-001", entries: try await entries(tender), by: try ActingPerson("Jo Clerk"))
        } throws: { error in
            (error as? StoreError)?.message == "Jo Clerk is not on the panel, so does not score bids."
        }
    }

    @Test func handInNeedsEveryScoreAndThenAChangeNeedsAReason() async throws {
        let tender = try await StoreFixture().withBids()
        let tom = try ActingPerson("p-tom")
        await #expect { try await tender.handIn(by: tom) } throws: { error in
            (error as? StoreError)?.message == "Make your conflict of interest declaration first."
        }
        try await declareNone(tender, "p-tom")
        try await tender.saveScores(submission: "BID-001", entries: try await entries(tender), by: tom)
        await #expect { try await tender.handIn(by: tom) } throws: { error in
            (error as? StoreError)?.message == "You have 36 scores still to give, so you cannot hand in yet."
        }
        for bid in Self.bids.dropFirst() {
            try await tender.saveScores(submission: bid, entries: try await entries(tender), by: tom)
        }
        // Everything scored, not handed in: the others' scores stay hidden, since every score
        // could still be changed without a reason.
        for what in ["see the moderation list", "see the ranking"] {
            await #expect {
                if what == "see the moderation list" { _ = try await tender.moderationList(for: tom) }
                else { _ = try await tender.view(for: tom, doing: what) }
            } throws: { error in
                (error as? StoreError)?.message
                    == "p-tom has not handed in their scores yet, so cannot \(what) yet: panel members see each other's scores only after handing in their own"
            }
        }
        try await tender.handIn(by: tom)
        #expect(try await tender.tasks(for: tom).handedIn)
        _ = try await tender.moderationList(for: tom)
        _ = try await tender.view(for: tom, doing: "see the ranking")
        await #expect { try await tender.handIn(by: tom) } throws: { error in
            (error as? StoreError)?.message.hasPrefix("You handed in your scores already") == true
        }
        await #expect {
            try await tender.saveScores(submission: "BID-001", entries: try await entries(tender, value: 5), by: tom)
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .reasonRequired && error.diagnostics.compactMap(FormProblem.field(of:)) == ["reason"]
        }
        let changed = try await tender.saveScores(
            submission: "BID-001", entries: try await entries(tender, value: 5), by: tom, reason: "Misread the scale")
        #expect(changed.events.allSatisfy { $0.kind == .scoreChanged && $0.reason == "Misread the scale" })
        #expect(try await tender.verify().isIntact)
    }

    @Test func theCommissionerSeesProgressButNoScores() async throws {
        let tender = try await StoreFixture().withBids()
        try await declareNone(tender, "p-grace")
        let progress = try await tender.panelProgress(for: try ActingPerson("c-jo", standing: .commissioner))
        let grace = try #require(progress.members.first { $0.member.id == "p-grace" })
        #expect(grace.declared && !grace.handedIn && grace.scored == 0 && grace.toScore == 42)
        await #expect { try await tender.panelProgress(for: try ActingPerson("p-grace")) } throws: { error in
            (error as? StoreError)?.message == "Panel members see their own progress only."
        }
    }

    @Test func moderationIsNotOpenWhileAnyoneHasStillToScoreEvenWhenEarlyScoresDiverge() async throws {
        let tender = try await StoreFixture().withBids()
        let commissioner = try ActingPerson("c-jo", standing: .commissioner)
        await #expect {
            try await tender.agree(submission: "BID-001", criterion: "local-assets", value: 3, rationale: "Agreed", by: commissioner)
        } throws: { error in
            (error as? StoreError)?.message.hasPrefix("moderation of BID-001 local-assets is not open yet: awaiting scores from p-amira, p-dev") == true
        }
        for (member, value) in [("p-amira", 0), ("p-tom", 5)] {
            let sheet = Scoresheet(
                tender: SampleTender.tender, panelist: member,
                scores: [Score(panelist: member, submission: "BID-001", criterion: "local-assets", value: value, rationale: "Because.")])
            _ = try await tender.importScores(sheet: sheet, actor: member)
        }
        await #expect {
            try await tender.agree(submission: "BID-001", criterion: "local-assets", value: 3, rationale: "Agreed", by: commissioner)
        } throws: { error in
            (error as? StoreError)?.message.hasPrefix("moderation of BID-001 local-assets is not open yet: awaiting scores from p-dev, p-grace, p-ruth") == true
        }
        #expect(try await tender.consensus().isEmpty)
    }

    @Test func oneQuestionCanBeSavedOnItsOwn() async throws {
        let tender = try await StoreFixture().withBids()
        try await declareNone(tender, "p-grace")
        let grace = try ActingPerson("p-grace")
        let entry = ScoreEntry(criterion: "innovation", value: 2, rationale: "Little that is new.")
        try await tender.saveScores(submission: "BID-003", entries: [entry], only: "innovation", by: grace)
        #expect(try await tender.scores().map(\.criterion) == ["innovation"])
        await #expect {
            try await tender.saveScores(submission: "BID-003", entries: [entry], only: "no-such", by: grace)
        } throws: { error in
            (error as? StoreError)?.message == "'no-such' is not a criterion of this tender."
        }
        await #expect {
            try await tender.saveScores(submission: "BID-003", entries: [entry], only: "long-term", by: grace)
        } throws: { error in
            (error as? StoreError)?.diagnostics.map(\.message) == ["Choose a score for Take a long-term view.", "Say why you gave your score for Take a long-term view.", "Only long-term is saved here."]
        }
    }
}
