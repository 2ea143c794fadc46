import Foundation
import TenderModel

/// The outcome of an evaluation: ranked bids, failed bids, and what is still missing.
///
/// Ranked bids are ordered by rank, then by submission id (an order for display only: equal
/// ranks are ties, see ``RankedSubmission/isTied``). Compare bids with ``ScorePrecision``.
public struct Ranking: Sendable, Hashable {
    /// True for a final ranking; false for a provisional one.
    public var isFinal: Bool
    public var ranked: [RankedSubmission]
    /// Bids listed but not ranked and not used for price, sorted by submission id.
    public var failed: [FailedSubmission]
    /// Every item, of every bid, without a moderated score; empty in a final ranking.
    public var missingItems: [ItemKey]
    /// The lowest price among the ranked bids; nil for quality-only frameworks or none ranked.
    public var lowestPrice: Decimal?
    /// Things a reader must know about how the numbers were reached (the zero-price rule, say).
    public var notes: [String]

    public init(
        isFinal: Bool, ranked: [RankedSubmission], failed: [FailedSubmission], missingItems: [ItemKey],
        lowestPrice: Decimal?, notes: [String]
    ) {
        self.isFinal = isFinal
        self.ranked = ranked
        self.failed = failed
        self.missingItems = missingItems
        self.lowestPrice = lowestPrice
        self.notes = notes
    }

    /// The bids ranked first (more than one when first place is tied), sorted by id.
    public var leaders: [String] { ranked.filter { $0.rank == 1 }.map(\.submission) }

    /// The ranked bid with this submission id.
    public func entry(for submission: String) -> RankedSubmission? { ranked.first { $0.submission == submission } }
}
