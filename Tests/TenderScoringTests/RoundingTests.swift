import Foundation
import TenderScoring
import Testing

@Suite("Rounding")
struct RoundingTests {
    // Plain (half-up) rounding, as people do by hand; binary floating point would turn 2.675
    // into 2.67 (it is stored as 2.67499…), Decimal holds it exactly.
    @Test(
        "display rounding is half-up to two places",
        arguments: [("2.345", "2.35"), ("2.344", "2.34"), ("2.675", "2.68"), ("69.333333", "69.33"), ("52.666666", "52.67"),
            ("70", "70")])
    func halfUp(value: String, expected: String) {
        #expect(Fixture.decimal(value).roundedForDisplay == Fixture.decimal(expected))
    }

    @Test("display text always has two decimals", arguments: [("70", "70.00"), ("69.3333", "69.33"), ("0.005", "0.01"), ("-2.5", "-2.50"), ("1180000.1", "1180000.10")])
    func text(value: String, expected: String) {
        #expect(Fixture.decimal(value).displayText == expected)
    }

    // 30 × (2 ÷ 3) is 19.99…98 in 38 digits; compared at ten places it is 20.
    @Test("comparison rounding absorbs division residue")
    func comparison() {
        let residue = Decimal(30) * (Decimal(2) / Decimal(3))
        #expect(residue != 20)
        #expect(ScorePrecision.comparable(residue) == 20)
    }
}
