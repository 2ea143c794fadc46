import Foundation

extension Decimal {
    /// This value rounded to `places` decimal places, a half going away from zero ("plain"
    /// rounding: 2.345 → 2.35, −2.345 → −2.35), the way people round by hand.
    public func roundedHalfUp(places: Int) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, places, .plain)
        return result
    }

    /// This value as tables and summaries show it: two decimal places, half-up.
    ///
    /// For display only: computation and ranking never use the rounded value.
    public var roundedForDisplay: Decimal { roundedHalfUp(places: ScorePrecision.displayPlaces) }

    /// The value rounded for display and written with exactly two decimals (`66.67`, `70.00`).
    public var displayText: String {
        if let hundredths = roundedHundredths {
            let cents = hundredths.magnitude % 100
            let text = "\(hundredths.magnitude / 100)." + (cents < 10 ? "0\(cents)" : "\(cents)")
            return hundredths < 0 ? "-" + text : text
        }
        return foundationDisplayText
    }

    /// ``displayText`` by Foundation's rounding: for a value too large for ``roundedHundredths``,
    /// and what the tests hold that to.
    var foundationDisplayText: String {
        let rounded = roundedForDisplay
        let negative = rounded < 0
        let hundredths = NSDecimalNumber(decimal: (negative ? -rounded : rounded) * 100).int64Value
        let cents = hundredths % 100
        let text = "\(hundredths / 100)." + (cents < 10 ? "0\(cents)" : "\(cents)")
        return negative ? "-" + text : text
    }
}
