import Foundation
import TenderModel
import TenderScoring
import Testing

@Suite("Price scores")
struct PriceScoreTests {
    // Lowest-price: fraction = lowest ÷ price with lowest 10,000:
    // 10,000/15,000 = 0.667, 10,000/10,000 = 1, 10,000/30,000 = 0.333. At weight 30 the marks are
    // 30 × 10,000 ÷ 15,000 = 20, 30 and 10, exactly (multiplied before dividing).
    @Test(
        "lowest-price formula", arguments: [(15_000, "0.667", "20"), (10_000, "1", "30"), (30_000, "0.333", "10")])
    func lowestPrice(price: Int, fraction: String, points: String) {
        let score = PriceScore(
            price: Decimal(price), lowest: 10_000, weighting: PriceWeighting(weight: 30, formula: .lowestPrice))
        #expect(score.fraction.roundedHalfUp(places: 3) == Fixture.decimal(fraction))
        #expect(score.points == Fixture.decimal(points))
    }

    // Relative difference, lowest 10,000, weight 40: 12,000 is 20 % dearer → 40 × 0.8 = 32;
    // 15,000 is 50 % dearer → 20; 20,000 is 100 % dearer → 0; 30,000 would be −1 → max(0, …) = 0.
    @Test(
        "relative-difference formula",
        arguments: [(10_000, "40"), (12_000, "32"), (15_000, "20"), (20_000, "0"), (30_000, "0"), (10_001, "39.996")])
    func relativeDifference(price: Int, points: String) {
        let score = PriceScore(
            price: Decimal(price), lowest: 10_000, weighting: PriceWeighting(weight: 40, formula: .relativeDifference))
        #expect(score.points == Fixture.decimal(points))
    }

    // A lowest price of 0: zero-price bids take the whole weight, others nothing, under both formulas.
    @Test("a zero lowest price", arguments: PriceFormula.allCases)
    func zeroLowest(formula: PriceFormula) throws {
        let weighting = PriceWeighting(weight: 30, formula: formula)
        #expect(PriceScore(price: 0, lowest: 0, weighting: weighting).points == 30)
        #expect(PriceScore(price: 500, lowest: 0, weighting: weighting).points == 0)

        let criteria = Fixture.criteria([("q", 70, nil)], price: weighting)
        let ranking = try Fixture.evaluation(criteria, [("FREE", 0, ["q": 1]), ("PAID", 500, ["q": 5])]).ranking()
        #expect(ranking.entry(for: "FREE")?.total == 44)  // 70 × 1/5 = 14, + 30
        #expect(ranking.entry(for: "PAID")?.total == 70)  // 70 + 0
        #expect(ranking.notes.count == 1)
    }
}
