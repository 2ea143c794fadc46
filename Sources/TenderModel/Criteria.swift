import Foundation

/// A criteria framework: the published evaluation model a tender is scored against.
///
/// Commissioners publish it before bids arrive, so once a tender adopts it nothing in it changes.
public struct Criteria: Sendable, Hashable, Identifiable {
    public var id: String
    public var version: String
    public var currency: String
    public var title: String
    public var scale: Scale
    /// Panel scores of one item whose max − min reaches this need moderation.
    public var divergence: Int
    /// Who must attend a moderation decision.
    public var quorum: ModerationQuorum
    /// Absent for quality-only (grant-style) frameworks.
    public var price: PriceWeighting?
    public var criteria: [Criterion]

    public init(
        id: String, version: String, currency: String, title: String, scale: Scale, divergence: Int,
        quorum: ModerationQuorum = .standard, price: PriceWeighting?, criteria: [Criterion]
    ) {
        self.quorum = quorum
        self.id = id
        self.version = version
        self.currency = currency
        self.title = title
        self.scale = scale
        self.divergence = divergence
        self.price = price
        self.criteria = criteria
    }

    public func criterion(_ id: String) -> Criterion? { criteria.first { $0.id == id } }

    /// Criterion weights plus the price weight; a valid framework totals exactly 100.
    public var totalWeight: Decimal {
        criteria.reduce(price?.weight ?? 0) { $0 + $1.weight }
    }
}
