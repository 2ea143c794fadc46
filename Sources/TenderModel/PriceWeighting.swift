import Foundation

/// How price counts: its share of the 100 marks and the formula that turns prices into marks.
public struct PriceWeighting: Sendable, Hashable {
    public var weight: Decimal
    public var formula: PriceFormula

    public init(weight: Decimal, formula: PriceFormula) {
        self.weight = weight
        self.formula = formula
    }
}

/// The two price formulas SPEC.md fixes, spelled as they are in the criteria XML.
public enum PriceFormula: String, Sendable, Hashable, CaseIterable {
    /// weight × lowest ÷ price
    case lowestPrice = "lowest-price"
    /// weight × max(0, 1 − (price − lowest) ÷ lowest)
    case relativeDifference = "relative-difference"
}
