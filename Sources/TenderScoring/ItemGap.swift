import Foundation
import TenderModel

/// One item where experts by experience and carers, and the other members, both gave scores:
/// the two groups' mean scores side by side.
public struct ItemGap: Sendable, Hashable {
    public var item: ItemKey
    /// Mean score of the experts by experience and carers who scored the item.
    public var livedExperienceMean: Decimal
    /// Mean score of the other members who scored it.
    public var othersMean: Decimal
    /// livedExperienceMean − othersMean: above 0 when lived experience saw more in the bid.
    public var gap: Decimal
    /// True when |gap| reaches the framework's divergence. Such an item's scores always diverge
    /// too (two means that far apart need scores at least that far apart); the flag tells the
    /// moderation list that the split runs along lived experience, so the discussion hears it,
    /// and keeps it visible when a consensus has already been recorded.
    public var needsModeration: Bool

    public init(item: ItemKey, livedExperienceMean: Decimal, othersMean: Decimal, divergence: Int) {
        self.item = item
        self.livedExperienceMean = livedExperienceMean
        self.othersMean = othersMean
        gap = livedExperienceMean - othersMean
        needsModeration = ScorePrecision.comparable(gap.magnitude) >= Decimal(divergence)
    }
}
