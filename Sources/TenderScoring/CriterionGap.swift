import Foundation

/// On one criterion, how far experts by experience and carers scored apart from the other
/// members, across the bids both groups scored.
///
/// Each item counts once: the group means are means of the per-item group means, so the gap is
/// the mean of the per-item gaps, and a bid one member was conflicted on weighs no less.
public struct CriterionGap: Sendable, Hashable {
    public var criterion: String
    /// Items both groups scored.
    public var items: Int
    public var livedExperienceMean: Decimal
    public var othersMean: Decimal
    /// livedExperienceMean − othersMean.
    public var gap: Decimal
    /// True when |gap| reaches the check's threshold (see ``CoProductionCheck/gapThreshold``).
    public var flagged: Bool

    public init(criterion: String, items: [ItemGap], threshold: Decimal) {
        self.criterion = criterion
        self.items = items.count
        livedExperienceMean = items.map(\.livedExperienceMean).mean ?? 0
        othersMean = items.map(\.othersMean).mean ?? 0
        gap = items.map(\.gap).mean ?? 0
        flagged = !items.isEmpty && ScorePrecision.comparable(gap.magnitude) >= threshold
    }
}
