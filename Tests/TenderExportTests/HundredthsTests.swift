import Foundation
import Testing
@testable import TenderScoring
import TenderTestSupport

@testable import TenderExport

/// `displayText`, `scoreText` and `moneyText` read a value's hundredths with integer arithmetic
/// (`Decimal.roundedHundredths`); each must print exactly what Foundation's rounding and
/// printing print (`foundationDisplayText` and the others: how they were written before, and
/// still are for values too large for the hundredths).
@Suite("Marks, scores and money printed from hundredths")
struct HundredthsTests {
    @Test("random marks, scores, medians, prices and differences", arguments: Array(UInt64(1)...20))
    func randomValues(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<4_000 {
            let value = Self.randomValue(&rng)
            #expect(value.displayText == value.foundationDisplayText, "\(value)")
            #expect(value.scoreText == value.foundationScoreText, "\(value)")
            #expect(value.moneyText == value.foundationMoneyText, "\(value)")
        }
    }

    @Test(
        "halves, the edges of 64 bits, and numbers too large for them",
        arguments: [
            "0", "-0.001", "-0.004999", "-0.005", "0.005", "0.0049999999", "0.125", "-0.125", "2.675", "-2.675",
            "1.005", "999.995", "-999.995", "66.66666666666666666666666666666666666", "33.333333333333333333333333333333333333",
            "99.999999999999999999999999999999999999", "1e18", "1000000000000000000", "1000000000000000001",
            "92233720368547758.07", "92233720368547758.08", "-92233720368547758.07", "922337203685477580.7",
            "18446744073709551615", "12345678901234567890.12", "5e3", "7e16", "7e17", "1e-30", "-1e-30", "3.5",
            "0.00000000000000000000000000000000000005", "2.67500000000000000000000000000000001",
            "2.67499999999999999999999999999999999", "-2.67500000000000000000000000000000001", "99999.994999999999999999999999",
            "99999.995000000000000000000000001", "100000.0049999999999999999999999", "12.344999999999999999",
        ])
    func edges(_ text: String) throws {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect(value.displayText == value.foundationDisplayText)
        #expect(value.scoreText == value.foundationScoreText)
        #expect(value.moneyText == value.foundationMoneyText)
    }

    @Test("hand-worked values")
    func handWorked() throws {
        func decimal(_ text: String) throws -> Decimal {
            try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        }
        #expect(try decimal("66.666666666666666666666666666666666667").displayText == "66.67")
        #expect(try decimal("3.5").scoreText == "3.5")
        #expect(try decimal("4.00").scoreText == "4")
        #expect(try decimal("2.675").scoreText == "2.68")
        #expect(try decimal("-2.675").displayText == "-2.68")
        #expect(try decimal("-0.004").displayText == "0.00")
        #expect(try decimal("1028749.995").moneyText == "1,028,750.00")
        // Up to 18 digits are read as they stand; more are left to Foundation's printing.
        #expect(try decimal("9999999999999999.99").roundedHundredths == 999_999_999_999_999_999)
        #expect(try decimal("10000000000000000.01").roundedHundredths == nil)
        #expect(try decimal("10000000000000000.01").moneyText == "10,000,000,000,000,000.01")
        #expect(Decimal.nan.roundedHundredths == nil)
    }

    @Test("a spread chart's median text is the median's scoreText", arguments: Array(UInt64(1)...10))
    func medianText(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let scores = (0..<Int.random(in: 0...9, using: &rng)).map { _ in Int.random(in: -5...10, using: &rng) }.sorted()
            let text = DecisionReport.Charts.medianText(scores)
            #expect(text == Decimal(DecisionReport.Charts.median(scores)).scoreText, "\(scores)")
        }
    }

    /// A value of the kinds outputs print, with its sign, size and digits drawn at random.
    static func randomValue(_ rng: inout SeededGenerator) -> Decimal {
        let sign: Decimal = Bool.random(using: &rng) ? 1 : -1
        switch Int.random(in: 0..<8, using: &rng) {
        case 0:  // marks: weight × score ÷ scale, to 38 digits
            return sign * Decimal(Int.random(in: 0...100, using: &rng)) * Decimal(Int.random(in: 0...10, using: &rng))
                / Decimal(Int.random(in: 1...9, using: &rng))
        case 1:  // a median or a mean of scores
            let divisor = [1, 2, 4, 8, 3, 9][Int.random(in: 0..<6, using: &rng)]
            return sign * Decimal(Int.random(in: 0...200, using: &rng)) / Decimal(divisor)
        case 2:  // a price to the penny, or a fraction of one
            let digits = Decimal(UInt64.random(in: 0...10_000_000_000, using: &rng))
            return sign * Decimal(sign: .plus, exponent: -Int.random(in: 0...4, using: &rng), significand: digits)
        case 3:  // a few digits at any scale, to the edges of the fast path and past them
            let digits = Decimal(UInt64.random(in: 0...UInt64.max, using: &rng))
            return sign * Decimal(sign: .plus, exponent: Int.random(in: -25...4, using: &rng), significand: digits)
        case 4:  // exactly half a hundredth either side of a whole number
            let thousandths = Decimal([5, 4, 6, 995, 994][Int.random(in: 0..<5, using: &rng)])
            let fraction = Decimal(sign: .plus, exponent: -3, significand: thousandths)
            return sign * (Decimal(Int.random(in: 0...1_000, using: &rng)) + fraction)
        case 5:  // differences of two long marks
            return Decimal(Int.random(in: 0...100, using: &rng)) / 3 - Decimal(Int.random(in: 0...100, using: &rng)) / 7
        case 6:  // a long value a hair either side of half a hundredth, where a Double cannot tell
            let halfHundredth = Decimal(sign: .plus, exponent: -3, significand: 5)
            let half = Decimal(Int.random(in: 0...100_000, using: &rng)) / 100 + halfHundredth
            let hair = Decimal(
                sign: Bool.random(using: &rng) ? .plus : .minus, exponent: -Int.random(in: 8...37, using: &rng), significand: 1)
            return sign * (half + hair)
        default:  // long marks of every size the Double estimate is tried on, and past it
            return sign * Decimal(Int.random(in: 0...Int(Int32.max), using: &rng)) / Decimal(Int.random(in: 1...999, using: &rng))
                / Decimal([1, 10, 100, 1_000][Int.random(in: 0..<4, using: &rng)])
        }
    }
}
