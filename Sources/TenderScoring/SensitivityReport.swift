/// How robust the ranking is: to its weights, its price formula, and to any one bid.
public struct SensitivityReport: Sendable, Hashable {
    /// Who ranks first as things stand.
    public var leaders: [String]
    /// One per criterion in framework order, then price; empty when first place is already tied
    /// or fewer than two bids are ranked (there is no lead to lose).
    public var weights: [WeightSensitivity]
    /// Nil for quality-only frameworks.
    public var formula: FormulaSensitivity?
    /// One per ranked bid, sorted by the removed bid's id.
    public var removals: [BidRemovalEffect]

    public init(leaders: [String], weights: [WeightSensitivity], formula: FormulaSensitivity?, removals: [BidRemovalEffect]) {
        self.leaders = leaders
        self.weights = weights
        self.formula = formula
        self.removals = removals
    }

    /// Plain-words warnings for the report: a changed winner under the other formula, and every
    /// bid whose removal would reorder the others.
    public var warnings: [String] {
        var warnings: [String] = []
        if let formula, formula.changesLeader {
            warnings.append(
                "Under the \(formula.alternative.rawValue) formula \(formula.alternativeLeaders.joined(separator: ", ")) "
                    + "would rank first instead of \(formula.leaders.joined(separator: ", ")).")
        }
        for removal in removals where removal.reordersOthers {
            let pairs = removal.reorderedPairs.map(\.description).joined(separator: "; ")
            warnings.append("Removing \(removal.removed) would reorder the others: \(pairs).")
        }
        return warnings
    }
}
