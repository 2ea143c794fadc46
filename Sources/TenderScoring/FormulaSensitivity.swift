import TenderModel

/// Whether the other price formula would put someone else first.
public struct FormulaSensitivity: Sendable, Hashable {
    public var formula: PriceFormula
    public var alternative: PriceFormula
    public var leaders: [String]
    public var alternativeLeaders: [String]

    public init(formula: PriceFormula, alternative: PriceFormula, leaders: [String], alternativeLeaders: [String]) {
        self.formula = formula
        self.alternative = alternative
        self.leaders = leaders
        self.alternativeLeaders = alternativeLeaders
    }

    public var changesLeader: Bool { leaders != alternativeLeaders }
}
