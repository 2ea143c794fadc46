import Foundation
import TenderModel

/// One item's moderated score: the consensus recorded in moderation, else the median of the
/// panel's scores when they do not diverge, else none yet (SPEC.md, "The arithmetic").
///
/// The value is a `Decimal` because the median of an even count is the mean of the middle two
/// (3 and 4 give 3.5), and a half must not be lost before it is weighted.
public struct ModeratedScore: Sendable, Hashable {
    public var item: ItemKey {
        get { storage.fields.item }
        set { change(\.item, to: newValue) }
    }
    /// The moderated score; nil while the item is pending.
    public var value: Decimal? {
        get { storage.fields.value }
        set { change(\.value, to: newValue) }
    }
    public var method: ModerationMethod {
        get { storage.fields.method }
        set { change(\.method, to: newValue) }
    }
    /// The panel's own scores, which stay on the record beside any consensus.
    public var scores: ItemScores {
        get { storage.fields.scores }
        set { change(\.scores, to: newValue) }
    }
    /// The moderation record, when the value is a consensus.
    public var consensus: Consensus? {
        get { storage.fields.consensus }
        set { change(\.consensus, to: newValue) }
    }

    /// The fields, in one shared box: a national framework's 20,000 moderated scores are copied
    /// in and out of dictionaries and arrays several times each while a report is made (the
    /// agreement statistics, the ranking's caches, the co-production check), and copying a
    /// dozen references each time was a twentieth of `rank --format html`. A change makes a new
    /// box, so a copy never sees it.
    private var storage: Storage

    private struct Fields: Sendable, Hashable {
        var item: ItemKey
        var value: Decimal?
        var method: ModerationMethod
        var scores: ItemScores
        var consensus: Consensus?
    }

    private final class Storage: Sendable {
        let fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    private mutating func change<Value>(_ field: WritableKeyPath<Fields, Value>, to value: Value) {
        var fields = storage.fields
        fields[keyPath: field] = value
        storage = Storage(fields)
    }

    public init(item: ItemKey, value: Decimal?, method: ModerationMethod, scores: ItemScores, consensus: Consensus?) {
        storage = Storage(Fields(item: item, value: value, method: method, scores: scores, consensus: consensus))
    }

    public static func == (lhs: ModeratedScore, rhs: ModeratedScore) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

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
