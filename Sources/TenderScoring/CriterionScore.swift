import Foundation
import TenderModel

/// What one criterion contributes to one bid: its moderated score and the marks it earns.
public struct CriterionScore: Sendable, Hashable {
    public var criterion: String
    public var moderated: ModeratedScore
    /// The criterion's weight in the framework this score was computed under.
    public var weight: Decimal
    /// (moderated − scale.min) ÷ (scale.max − scale.min): the share of the weight earned, 0…1.
    /// Nil while the item has no moderated score.
    public var fraction: Decimal?
    /// weight × fraction, computed as weight × (moderated − min) ÷ (max − min) so that an exact
    /// result stays exact. Nil while the item has no moderated score.
    public var weighted: Decimal?

    public init(criterion: String, moderated: ModeratedScore, weight: Decimal, scale: Scale) {
        self.criterion = criterion
        self.moderated = moderated
        self.weight = weight
        if let value = moderated.value {
            let range = Decimal(scale.max - scale.min)
            let above = value - Decimal(scale.min)
            fraction = above / range
            weighted = weight * above / range
        } else {
            fraction = nil
            weighted = nil
        }
    }

    /// A score whose fraction and weighted marks were already worked out for the same weight,
    /// scale and moderated value (see `CriterionScoreCache`).
    init(criterion: String, moderated: ModeratedScore, weight: Decimal, fraction: Decimal?, weighted: Decimal?) {
        self.criterion = criterion
        self.moderated = moderated
        self.weight = weight
        self.fraction = fraction
        self.weighted = weighted
    }
}
