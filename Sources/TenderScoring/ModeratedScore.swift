import Foundation
import TenderModel

/// One item's moderated score: the consensus recorded in moderation, else the median of the
/// panel's scores when they do not diverge, else none yet (SPEC.md, "The arithmetic").
///
/// The value is a `Decimal` because the median of an even count is the mean of the middle two
/// (3 and 4 give 3.5), and a half must not be lost before it is weighted.
public struct ModeratedScore: Sendable, Hashable {
    public var item: ItemKey
    /// The moderated score; nil while the item is pending.
    public var value: Decimal?
    public var method: ModerationMethod
    /// The panel's own scores, which stay on the record beside any consensus.
    public var scores: ItemScores
    /// The moderation record, when the value is a consensus.
    public var consensus: Consensus?

    public init(item: ItemKey, value: Decimal?, method: ModerationMethod, scores: ItemScores, consensus: Consensus?) {
        self.item = item
        self.value = value
        self.method = method
        self.scores = scores
        self.consensus = consensus
    }

    /// Applies the moderation rule to one item.
    ///
    /// - Parameters:
    ///   - scores: the panel's scores of the item.
    ///   - consensus: the item's consensus record, if moderation agreed one.
    ///   - divergence: the framework's `divergence`; scores diverge when max − min reaches it.
    ///   - completeness: whether every eligible member must have scored before a median stands.
    public static func moderate(
        _ scores: ItemScores, consensus: Consensus?, divergence: Int,
        completeness: ScoreCompleteness = .everyEligibleMember
    ) -> ModeratedScore {
        if let consensus {
            return ModeratedScore(
                item: scores.item, value: Decimal(consensus.value), method: .consensus, scores: scores,
                consensus: consensus)
        }
        let values = scores.values
        guard let lowest = values.first, let highest = values.last else {
            return pending(scores, .noScores)
        }
        // Divergence first: once scores diverge, no later score can make them agree again.
        if highest - lowest >= divergence {
            return pending(scores, .divergent(lowest: lowest, highest: highest))
        }
        if completeness == .everyEligibleMember, !scores.awaiting.isEmpty {
            return pending(scores, .incomplete(awaiting: scores.awaiting))
        }
        return ModeratedScore(
            item: scores.item, value: median(ofSorted: values), method: .median, scores: scores, consensus: nil)
    }

    /// The median of sorted integers: the middle one, or the mean of the middle two (exact).
    static func median(ofSorted values: [Int]) -> Decimal {
        let middle = values.count / 2
        if values.count % 2 == 1 { return Decimal(values[middle]) }
        return Decimal(values[middle - 1] + values[middle]) / 2
    }

    private static func pending(_ scores: ItemScores, _ reason: ModerationMethod.PendingReason) -> ModeratedScore {
        ModeratedScore(item: scores.item, value: nil, method: .pending(reason), scores: scores, consensus: nil)
    }
}
