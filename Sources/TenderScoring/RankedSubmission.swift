import Foundation
import TenderModel

/// One ranked bid: its rank, whether it shares it, and every number behind its total.
public struct RankedSubmission: Sendable, Hashable {
    public var submission: String
    public var bidder: String
    /// Standard competition ranking: two bids level at the top are both 1, the next is 3.
    public var rank: Int
    /// True when another bid has the same total and the same quality: a tie, reported, never
    /// broken silently.
    public var isTied: Bool
    /// True when another bid has the same total but a different quality, so quality decided
    /// the order between them (the SPEC.md rule, shown so that nobody wonders).
    public var separatedByQuality: Bool
    /// The criteria scores, in framework order.
    public var criteria: [CriterionScore]
    /// Sum of the criteria's weighted scores.
    public var quality: Decimal
    /// Nil for quality-only frameworks.
    public var price: PriceScore?
    /// quality + price.
    public var total: Decimal
    /// Items of this bid without a moderated score (provisional rankings only).
    public var missingItems: [ItemKey]
    /// Quality marks still open because their items lack a moderated score: the total could
    /// rise by up to this much.
    public var pendingWeight: Decimal

    public init(
        submission: String, bidder: String, rank: Int, isTied: Bool, separatedByQuality: Bool,
        criteria: [CriterionScore], quality: Decimal, price: PriceScore?, total: Decimal,
        missingItems: [ItemKey], pendingWeight: Decimal
    ) {
        self.submission = submission
        self.bidder = bidder
        self.rank = rank
        self.isTied = isTied
        self.separatedByQuality = separatedByQuality
        self.criteria = criteria
        self.quality = quality
        self.price = price
        self.total = total
        self.missingItems = missingItems
        self.pendingWeight = pendingWeight
    }

    /// The criterion score for one criterion id.
    public func score(for criterion: String) -> CriterionScore? { criteria.first { $0.criterion == criterion } }
}
