import Foundation
import TenderModel

/// The price marks of one ranked bid, and the numbers they came from.
///
/// `lowest` is the lowest price among the ranked bids only: a bid that failed a threshold is not
/// used for price, so a cheap but unacceptable bid cannot depress everyone else's price marks.
public struct PriceScore: Sendable, Hashable {
    public var price: Decimal
    public var lowest: Decimal
    public var weight: Decimal
    public var formula: PriceFormula
    /// The share of the price weight earned, 0…1.
    public var fraction: Decimal
    /// weight × fraction (each formula multiplies before it divides, see ``ScorePrecision``).
    public var points: Decimal

    public init(price: Decimal, lowest: Decimal, weighting: PriceWeighting) {
        self.price = price
        self.lowest = lowest
        self.weight = weighting.weight
        self.formula = weighting.formula
        (fraction, points) = Self.score(price: price, lowest: lowest, weight: weighting.weight, formula: weighting.formula)
    }

    /// The SPEC.md formulas:
    /// - lowest-price: weight × lowest ÷ price;
    /// - relative-difference: weight × max(0, 1 − (price − lowest) ÷ lowest), computed as
    ///   weight × max(0, 2 × lowest − price) ÷ lowest, the same number with one division.
    ///
    /// A lowest price of 0 makes both formulas divide by zero. The limit decides: as the lowest
    /// price falls to 0, a bid priced above it earns 0 under either formula, and a bid at the
    /// lowest price always earns the full weight. So when lowest is 0, every zero-price bid earns
    /// the full weight and every other bid 0; the ranking notes that this rule was applied.
    static func score(price: Decimal, lowest: Decimal, weight: Decimal, formula: PriceFormula) -> (Decimal, Decimal) {
        if lowest == 0 {
            return price == 0 ? (1, weight) : (0, 0)
        }
        switch formula {
        case .lowestPrice:
            return (lowest / price, weight * lowest / price)
        case .relativeDifference:
            let remaining = Swift.max(0, 2 * lowest - price)
            return (remaining / lowest, weight * remaining / lowest)
        }
    }
}
