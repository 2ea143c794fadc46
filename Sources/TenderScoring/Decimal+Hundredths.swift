import Foundation

extension Decimal {
    /// This value rounded to hundredths, a half going away from zero (as ``roundedForDisplay``),
    /// as a whole number of hundredths; nil for a value too large for that to fit 64 bits, or
    /// not a number.
    ///
    /// Every table, chart and summary prints marks and scores, and printing a `Decimal`
    /// (`description`) costs some 7 µs, rounding it 1 µs: a decision report of 2,000 bids
    /// prints 100,000 numbers. A value of up to 18 digits (a score, a median, a weight, a
    /// price) is rounded here from its digits with integer arithmetic. A longer one (marks such
    /// as 66.666…, to 38 digits) is rounded from its `Double` when that cannot differ from the
    /// exact rounding, else by Foundation, then read the same way. The texts built on it are
    /// checked against Foundation's own on random values (`HundredthsTests`).
    public var roundedHundredths: Int64? {
        guard !isNaN else { return nil }
        return Self.hundredths(ofShort: self) ?? Self.hundredths(estimating: self)
            ?? Self.hundredths(ofShort: roundedForDisplay)
    }

    /// `value × 100` rounded half away from zero, from `value`'s `Double`, when that is sure to
    /// give the exact answer: under 10⁷ hundredths (marks, scores, means), where the conversion
    /// is off by under 10⁻⁷ of a hundredth (Foundation builds the `Double` from the digits and
    /// divides by ten once per decimal place, a few dozen units in the last place at most for
    /// the 38 digits of a `Decimal`), and more than 10⁻⁵ of a hundredth from a half, where an
    /// error that small cannot move the value across it. Nil otherwise.
    private static func hundredths(estimating value: Decimal) -> Int64? {
        let scaled = NSDecimalNumber(decimal: value).doubleValue * 100
        guard scaled.magnitude < 10_000_000 else { return nil }
        let fraction = (scaled - scaled.rounded(.towardZero)).magnitude
        guard (fraction - 0.5).magnitude > 0.000_01 else { return nil }
        return Int64(scaled.rounded(.toNearestOrAwayFromZero))
    }

    /// `value × 100` rounded half away from zero, when `value`'s digits (its significand) are
    /// at most 10¹⁸, so that they are an exact Int64.
    private static func hundredths(ofShort value: Decimal) -> Int64? {
        let significand = value.significand
        guard significand <= largestShortSignificand else { return nil }
        let digits = UInt64(NSDecimalNumber(decimal: significand).int64Value)
        // value × 100 = digits × 10^(exponent + 2)
        let shift = value.exponent + 2
        var magnitude: UInt64
        if shift >= 0 {
            guard shift < powersOfTen.count else { return digits == 0 ? 0 : nil }
            let (product, overflow) = digits.multipliedReportingOverflow(by: powersOfTen[shift])
            guard !overflow else { return nil }
            magnitude = product
        } else if -shift < powersOfTen.count {
            let divisor = powersOfTen[-shift]
            let (quotient, remainder) = digits.quotientAndRemainder(dividingBy: divisor)
            // Half a hundredth or more rounds up: remainder ≥ divisor − remainder, without overflow.
            magnitude = quotient + (remainder >= divisor - remainder ? 1 : 0)
        } else {
            // digits ≤ 10¹⁸, so a divisor of 10²⁰ or more leaves under a hundredth of a hundredth.
            magnitude = 0
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return value.sign == .minus ? -Int64(magnitude) : Int64(magnitude)
    }

    private static let largestShortSignificand = Decimal(1_000_000_000_000_000_000)

    /// 10⁰ to 10¹⁹, every power of ten a UInt64 holds.
    private static let powersOfTen: [UInt64] = (0...19).reduce(into: []) { powers, power in
        powers.append(power == 0 ? 1 : powers[power - 1] * 10)
    }
}
