import Foundation
import TenderModel
import TenderScoring
import Testing

@Suite("Co-production checks")
struct CoProductionCheckTests {
    // e (expert by experience) and k (carer) against m (commissioner) and p (practitioner, who
    // is conflicted with S2). Divergence 3.
    // c1: S1 e3 k3 | m4 p4 → 3 vs 4, gap −1.   S2 e2 k3 | m4 → 2.5 vs 4, gap −1.5.
    //     Criterion gap = mean(−1, −1.5) = −1.25; means 2.75 vs 4.
    // c2: S1 all 3 → gap 0.   S2 e1 k1 | m4 → 1 vs 4, gap −3, which reaches divergence 3.
    //     Criterion gap = mean(0, −3) = −1.5.
    func evaluation(coProduced: Bool = true) throws -> Evaluation {
        let rows: [(String, PanelRole, [String: [String: Int]])] = [
            ("e", .expertByExperience, ["S1": ["c1": 3, "c2": 3], "S2": ["c1": 2, "c2": 1]]),
            ("k", .carer, ["S1": ["c1": 3, "c2": 3], "S2": ["c1": 3, "c2": 1]]),
            ("m", .commissioner, ["S1": ["c1": 4, "c2": 3], "S2": ["c1": 4, "c2": 4]]),
            ("p", .practitioner, ["S1": ["c1": 4, "c2": 3]]),
        ].filter { coProduced || !$0.1.bringsLivedExperience }
        let scores = rows.flatMap { member in
            member.2.flatMap { bid in bid.value.map { Fixture.score(member.0, bid.key, $0.key, $0.value) } }
        }
        return try Evaluation(
            criteria: Fixture.criteria([("c1", 50, nil), ("c2", 50, nil)], divergence: 3),
            submissions: [Fixture.bid("S1", price: nil), Fixture.bid("S2", price: nil)],
            panel: Fixture.panel(rows.map { ($0.0, $0.1) }, conflicts: [("p", "S2")]), scores: scores)
    }

    @Test("criterion gaps between lived experience and the other members")
    func criterionGaps() throws {
        let check = try evaluation().coProduction()
        #expect(check.isCoProduced)
        #expect(check.warning == nil)
        #expect(check.livedExperienceMembers == ["e", "k"])
        #expect(check.otherMembers == ["m", "p"])
        #expect(check.criteria.map(\.criterion) == ["c1", "c2"])
        #expect(check.criteria.map(\.gap) == [Fixture.decimal("-1.25"), Fixture.decimal("-1.5")])
        #expect(check.criteria.first?.livedExperienceMean == Fixture.decimal("2.75"))
        #expect(check.criteria.first?.othersMean == 4)
        #expect(check.criteria.map(\.items) == [2, 2])
        #expect(check.flaggedCriteria.map(\.criterion) == ["c1", "c2"])
    }

    // |−1.25| is below 1.5 and |−1.5| reaches it.
    @Test("the gap threshold is a parameter", arguments: [("1", ["c1", "c2"]), ("1.5", ["c2"]), ("2", [])])
    func threshold(threshold: String, flagged: [String]) throws {
        let check = try evaluation().coProduction(gapThreshold: Fixture.decimal(threshold))
        #expect(check.flaggedCriteria.map(\.criterion) == flagged)
    }

    @Test("items where the groups' means differ by the divergence go to moderation")
    func itemFlags() throws {
        let check = try evaluation().coProduction()
        #expect(check.items.count == 4)
        #expect(check.itemsNeedingModeration.map(\.item) == [ItemKey(submission: "S2", criterion: "c2")])
        #expect(check.itemsNeedingModeration.first?.gap == -3)
    }

    @Test("a panel without lived experience is not co-produced, and says so")
    func notCoProduced() throws {
        let check = try evaluation(coProduced: false).coProduction()
        #expect(!check.isCoProduced)
        #expect(check.warning?.contains("not co-produced") == true)
        #expect(check.criteria.isEmpty)
        #expect(check.items.isEmpty)
    }
}
