import Foundation

/// How TenderScoring keeps its arithmetic exact enough that two equal bids always tie.
///
/// Every score, weight and price is a Foundation `Decimal`: 38 significant decimal digits, so
/// weights such as 12.5 and prices such as 1,180,000.01 are held exactly, never as binary floats.
/// Sums, differences and products of such values are exact. A division (lowest ÷ price, or a
/// scale of 0–3) may not terminate; it is carried to 38 digits, an error below 10⁻³⁴ marks.
///
/// Two rules follow:
/// - **Multiply before dividing.** `weight × lowest ÷ price`, not `weight × (lowest ÷ price)`:
///   30 × 2 ÷ 3 is exactly 20, while 30 × (2 ÷ 3) is 19.99…98.
/// - **Compare at ten decimal places.** Ranking and ties compare totals and qualities rounded
///   half-up to ``comparisonPlaces`` places, so a residue in the 34th digit can never split two
///   bids whose marks are equal. Exact values that differ by less than 0.5 × 10⁻¹⁰ marks count
///   as equal: at a price weight of 40, a penny on a contract of about £4 billion.
///
/// Nothing is rounded while computing; reports round to ``displayPlaces`` for people only.
public enum ScorePrecision {
    /// Decimal places at which totals and qualities are compared for ranks and ties.
    public static let comparisonPlaces = 10
    /// Decimal places tables and summaries show.
    public static let displayPlaces = 2

    /// The value ranking compares: `value` rounded half-up to ``comparisonPlaces``.
    public static func comparable(_ value: Decimal) -> Decimal {
        value.roundedHalfUp(places: comparisonPlaces)
    }
}
