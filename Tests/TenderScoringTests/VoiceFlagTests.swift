import Foundation
import TenderModel
import TenderScoring
import Testing

@Suite("Voice flags: where experts by experience or carers scored an item apart from the others")
struct VoiceFlagTests {
    // e1, e2 experts by experience; k a carer; m a commissioner and p a practitioner (the
    // others), p conflicted with S2. Divergence 2.
    // S1/c1: e 1,2 → 1.5 | k 3 | m 3, p 4 → 3.5. Experts −2: flagged lower. Carer −0.5.
    // S1/c2: e 4,4 → 4   | k 1 | m 3, p 3 → 3.   Experts +1. Carer −2: flagged lower.
    // S2/c1: e 5,4 → 4.5 | k 4 | m 2      → 2.   Experts +2.5 and carer +2: both flagged higher.
    // S2/c2: everyone 3: nothing.
    func evaluation() throws -> Evaluation {
        let rows: [(String, PanelRole, [String: [String: Int]])] = [
            ("e1", .expertByExperience, ["S1": ["c1": 1, "c2": 4], "S2": ["c1": 5, "c2": 3]]),
            ("e2", .expertByExperience, ["S1": ["c1": 2, "c2": 4], "S2": ["c1": 4, "c2": 3]]),
            ("k", .carer, ["S1": ["c1": 3, "c2": 1], "S2": ["c1": 4, "c2": 3]]),
            ("m", .commissioner, ["S1": ["c1": 3, "c2": 3], "S2": ["c1": 2, "c2": 3]]),
            ("p", .practitioner, ["S1": ["c1": 4, "c2": 3]]),
        ]
        let scores = rows.flatMap { member in
            member.2.flatMap { bid in bid.value.map { Fixture.score(member.0, bid.key, $0.key, $0.value) } }
        }
        return try Evaluation(
            criteria: Fixture.criteria([("c1", 50, nil), ("c2", 50, nil)], divergence: 2),
            submissions: [Fixture.bid("S1", price: nil), Fixture.bid("S2", price: nil)],
            panel: Fixture.panel(rows.map { ($0.0, $0.1) }, conflicts: [("p", "S2")]), scores: scores)
    }

    @Test("hand-worked: each group's median against the others', per item")
    func handWorked() throws {
        let flags = try evaluation().voiceFlags()
        #expect(
            flags.map { "\($0.item) \($0.voice.rawValue) \($0.direction.rawValue) \($0.voiceMedian) vs \($0.othersMedian)" } == [
                "S1/c1 experts by experience lower 1.5 vs 3.5",
                "S1/c2 carers lower 1 vs 3",
                "S2/c1 experts by experience higher 4.5 vs 2",
                "S2/c1 carers higher 4 vs 2",
            ])
        let first = try #require(flags.first)
        #expect(first.voiceMembers == ["e1", "e2"])
        #expect(first.otherMembers == ["m", "p"])
        #expect(first.difference == -2)
        #expect(first.description == "S1/c1: the experts by experience scored lower (median 1.5) than the other members (median 3.5)")
    }

    @Test("the old check, which pooled carers with experts by experience, missed S1/c1")
    func pooledMeansMissedIt() throws {
        // Lived experience pooled: mean(1, 2, 3) = 2 against 3.5, a gap of 1.5, under divergence 2.
        let old = try evaluation().coProduction()
        #expect(!old.itemsNeedingModeration.contains { $0.item == ItemKey(submission: "S1", criterion: "c1") })
        #expect(try evaluation().voiceFlags().contains { $0.item == ItemKey(submission: "S1", criterion: "c1") })
    }

    @Test("an item is flagged even after a consensus is recorded, and a group with no scores is not compared")
    func consensusAndAbsentGroups() throws {
        let base = try evaluation()
        let agreed = try Evaluation(
            criteria: base.criteria, submissions: base.submissions, panel: base.panel, scores: base.scores,
            consensus: [Fixture.consensus("S1", "c1", 3)])
        #expect(agreed.voiceFlags() == base.voiceFlags())
        let noCarer = try Evaluation(
            criteria: base.criteria, submissions: base.submissions,
            panel: Panel(tender: base.panel.tender, members: base.panel.members.filter { $0.id != "k" }, conflicts: base.panel.conflicts),
            scores: base.scores.filter { $0.panelist != "k" })
        #expect(noCarer.voiceFlags().allSatisfy { $0.voice == .expertsByExperience })
    }

    // The sample tender (Samples/scoresheets), working-together only, by hand: BID-001 … BID-007.
    // Amira and Tom (experts by experience) 5 3 4 2 1 1 2; Grace (carer) 5 4 4 3 2 2 3;
    // Dev (commissioner) 4 3 3 3 3 2 4; Ruth (practitioner) 5 3 4 4 – 2 4, conflicted with BID-005.
    func sampleWorkingTogether() throws -> Evaluation {
        let columns: [(String, PanelRole, [Int?])] = [
            ("p-amira", .expertByExperience, [5, 3, 4, 2, 1, 1, 2]),
            ("p-tom", .expertByExperience, [5, 3, 4, 2, 1, 1, 2]),
            ("p-grace", .carer, [5, 4, 4, 3, 2, 2, 3]),
            ("p-dev", .commissioner, [4, 3, 3, 3, 3, 2, 4]),
            ("p-ruth", .practitioner, [5, 3, 4, 4, nil, 2, 4]),
        ]
        let bids = (1...7).map { "BID-00\($0)" }
        let scores = columns.flatMap { member in
            zip(bids, member.2).compactMap { bid, value in value.map { Fixture.score(member.0, bid, "working-together", $0) } }
        }
        return try Evaluation(
            criteria: Fixture.criteria([("working-together", 100, 2)], divergence: 2),
            submissions: bids.map { Fixture.bid($0, price: nil) },
            panel: Fixture.panel(columns.map { ($0.0, $0.1) }, conflicts: [("p-ruth", "BID-005")]), scores: scores)
    }

    @Test("the sample's working-together answers: experts by experience scored BID-005 and BID-007 two points below the others")
    func sampleTender() throws {
        let evaluation = try sampleWorkingTogether()
        // The pooled check never fired on the sample.
        #expect(evaluation.coProduction().itemsNeedingModeration.isEmpty)
        let flags = evaluation.voiceFlags()
        #expect(flags.map(\.item.submission) == ["BID-005", "BID-007"])
        #expect(flags.allSatisfy { $0.voice == .expertsByExperience && $0.direction == .lower })
        #expect(flags.map(\.voiceMedian) == [1, 2])
        #expect(flags.map(\.othersMedian) == [3, 4])
        #expect(evaluation.coProduction().voiceFlags == flags)
        // BID-004: experts 2 against the others' 3.5, a gap of 1.5: under the divergence of 2.
        #expect(!flags.contains { $0.item.submission == "BID-004" })
    }
}
