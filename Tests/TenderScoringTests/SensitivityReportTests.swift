import Foundation
import TenderModel
import TenderScoring
import Testing

@Suite("Sensitivity")
struct SensitivityReportTests {
    /// The leaders after setting `part` to `weight` (others rescaled), by a full new evaluation.
    static func leaders(_ evaluation: Evaluation, _ part: WeightedPart, at weight: Decimal) throws -> [String] {
        let moved = Evaluation.rescaled(evaluation.criteria, part: part, to: weight)
        return try Evaluation(
            criteria: moved, submissions: evaluation.submissions, panel: evaluation.panel, scores: evaluation.scores,
            consensus: evaluation.consensus
        ).ranking().leaders
    }

    // Q1 50, Q2 50, scale 0–5. A: Q1 5, Q2 0 → 50. B: Q1 0, Q2 4 → 40. A leads.
    // Q1 at x (Q2 = 100 − x): A = x, B = 0.8 × (100 − x); level at x = 80/1.8 = 44.44…, a change
    // of −50/9 = −5.5555555556. Q2 at y: A = 100 − y, B = 0.8y; level at y = 55.55…, +5.5555555556.
    @Test("two criteria: the exact change that hands first place over")
    func twoCriteria() throws {
        let evaluation = try Fixture.evaluation(
            Fixture.criteria([("q1", 50, nil), ("q2", 50, nil)]), [("A", nil, ["q1": 5, "q2": 0]), ("B", nil, ["q1": 0, "q2": 4])])
        let report = try evaluation.sensitivity()
        #expect(report.leaders == ["A"])
        #expect(report.formula == nil)
        let ninth = Fixture.decimal("5.5555555556")
        #expect(report.weights.map(\.part) == [.criterion("q1"), .criterion("q2")])
        guard case let .leaderChanges(first) = report.weights[0].outcome,
            case let .leaderChanges(second) = report.weights[1].outcome
        else {
            Issue.record("expected both weights to change the leader: \(report.weights)")
            return
        }
        #expect(first.change == -ninth)
        #expect(first.direction == .down)
        #expect(second.change == ninth)
        #expect(second.direction == .up)
        #expect(first.newLeaders == ["B"] && second.newLeaders == ["B"])
        #expect(second.newWeight.roundedForDisplay == Fixture.decimal("55.56"))
        #expect(report.weights[1].summary == "q2 50: +5.56 puts B first")
        // The full ranking agrees on both sides of the point.
        #expect(try Self.leaders(evaluation, .criterion("q1"), at: Fixture.decimal("44.45")) == ["A"])
        #expect(try Self.leaders(evaluation, .criterion("q1"), at: Fixture.decimal("44.44")) == ["B"])
        #expect(try Self.leaders(evaluation, .criterion("q2"), at: Fixture.decimal("55.55")) == ["A"])
        #expect(try Self.leaders(evaluation, .criterion("q2"), at: Fixture.decimal("55.56")) == ["B"])
    }

    // The reversal pair: quality 60 on 0–10, lowest-price 40. A £100 q5 = 70, B £120 q6 = 69.33.
    // Price at p (quality 100 − p): A = 0.5(100 − p) + p = 50 + p/2; B = 0.6(100 − p) + 5p/6.
    // Level at 10 = p × (1/2 − 5/6 + 3/5) = 4p/15 → p = 37.5: price −2.5 (quality +2.5) puts B first.
    @Test("price weight and criterion weight in a priced tender")
    func priced() throws {
        let evaluation = try Fixture.evaluation(
            Fixture.criteria([("q", 60, nil)], price: PriceWeighting(weight: 40, formula: .lowestPrice), scale: Fixture.scale(0, 10)),
            [("A", 100, ["q": 5]), ("B", 120, ["q": 6])])
        let weights = try evaluation.sensitivity().weights
        #expect(weights.map(\.part) == [.criterion("q"), .price])
        #expect(weights.map(\.outcome) == [
            .leaderChanges(.init(change: Fixture.decimal("2.5"), newWeight: Fixture.decimal("62.5"), direction: .up, newLeaders: ["B"])),
            .leaderChanges(.init(change: Fixture.decimal("-2.5"), newWeight: Fixture.decimal("37.5"), direction: .down, newLeaders: ["B"])),
        ])
    }

    // A is better on every criterion, so no weighting lets B draw level.
    @Test("a dominant bid cannot be overtaken by any weight")
    func dominant() throws {
        let evaluation = try Fixture.evaluation(
            Fixture.criteria([("q1", 30, nil), ("q2", 70, nil)]), [("A", nil, ["q1": 5, "q2": 5]), ("B", nil, ["q1": 4, "q2": 4])])
        let weights = try evaluation.sensitivity().weights
        #expect(weights.map(\.outcome) == [.noChange, .noChange])
        #expect(weights.first?.summary == "q1 30: no change within 0..100")
    }

    @Test("a weight holding the whole total cannot be varied; a tied lead has nothing to lose")
    func degenerate() throws {
        let sole = try Fixture.evaluation(Fixture.criteria([("q", 100, nil)]), [("A", nil, ["q": 5]), ("B", nil, ["q": 4])])
        guard case .notApplicable = try sole.sensitivity().weights.first?.outcome else {
            Issue.record("expected the sole weight to be not applicable")
            return
        }
        let tied = try Fixture.evaluation(Fixture.criteria([("q", 100, nil)]), [("A", nil, ["q": 4]), ("B", nil, ["q": 4])])
        let report = try tied.sensitivity()
        #expect(report.leaders == ["A", "B"])
        #expect(report.weights.isEmpty)
    }

    // Quality 60 on 0–10, price 40. A £100 q5, B £150 q8.
    // Lowest-price: A 30 + 40 = 70; B 48 + 40 × 100/150 = 74.67 → B.
    // Relative difference: B 48 + 40 × (1 − 50/100) = 68 → A.
    @Test("the other price formula would change the winner")
    func formula() throws {
        let evaluation = try Fixture.evaluation(
            Fixture.criteria([("q", 60, nil)], price: PriceWeighting(weight: 40, formula: .lowestPrice), scale: Fixture.scale(0, 10)),
            [("A", 100, ["q": 5]), ("B", 150, ["q": 8])])
        let report = try evaluation.sensitivity()
        let formula = try #require(report.formula)
        #expect(formula.alternative == .relativeDifference)
        #expect(formula.leaders == ["B"])
        #expect(formula.alternativeLeaders == ["A"])
        #expect(formula.changesLeader)
        #expect(report.warnings.first?.contains("relative-difference") == true)
    }

    // The reversal triple (see RankingTests.rankReversal): with C, B 52.67 > A 50 > C 46.
    // Without C, A 70 > B 69.33: the pair (A, B) flips. Without A: B 52.67 > C 46, as before.
    // Without B: A 50 > C 46, as before.
    @Test("removing an irrelevant cheap bid reorders the others")
    func removal() throws {
        let evaluation = try Fixture.evaluation(
            Fixture.criteria([("q", 60, nil)], price: PriceWeighting(weight: 40, formula: .lowestPrice), scale: Fixture.scale(0, 10)),
            [("A", 100, ["q": 5]), ("B", 120, ["q": 6]), ("C", 50, ["q": 1])])
        let report = try evaluation.sensitivity()
        #expect(report.removals.map(\.removed) == ["A", "B", "C"])
        #expect(report.removals.map(\.reordersOthers) == [false, false, true])
        #expect(report.removals.last?.reorderedPairs == [ReorderedPair(first: "A", second: "B", with: .below, without: .above)])
        #expect(report.removals.last?.leadersWithout == ["A"])
        // Relative difference: 1 − (100 − 50)/50 = 0 and 1 − 70/50 < 0, so A gets 30, B 36 and
        // C 6 + 40 = 46: C would win. Both warnings are given.
        #expect(report.warnings == [
            "Under the relative-difference formula C would rank first instead of B.",
            "Removing C would reorder the others: A is below B, but above it without the removed bid.",
        ])
    }
}
