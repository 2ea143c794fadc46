import TenderModel

/// The panel's independent scores of one item (a submission against a criterion).
///
/// A conflicted member's score is absent, never zero: they are listed in ``conflicted`` and
/// left out of every statistic, so their absence cannot pull a median or an alpha down.
public struct ItemScores: Sendable, Hashable {
    public var item: ItemKey
    /// Member id → score, for the members who have scored this item.
    public var scores: [String: Int]
    /// Members who may score this item (on the panel and not conflicted), sorted by id.
    public var eligible: [String]
    /// Members who declared a conflict with this item's submission, sorted by id.
    public var conflicted: [String]

    public init(item: ItemKey, scores: [String: Int], eligible: [String], conflicted: [String]) {
        self.item = item
        self.scores = scores
        self.eligible = eligible.sorted()
        self.conflicted = conflicted.sorted()
    }

    /// The scores from lowest to highest; what medians and ranges are taken over.
    public var values: [Int] { scores.values.sorted() }

    /// Eligible members who have not scored yet, sorted by id.
    public var awaiting: [String] { eligible.filter { scores[$0] == nil } }

    /// max − min of the scores; nil when there are none.
    public var range: Int? {
        guard let low = scores.values.min(), let high = scores.values.max() else { return nil }
        return high - low
    }
}
