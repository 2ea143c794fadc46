import Foundation

/// How far one weight could move before someone else ranks first.
///
/// The weight is changed by d; every other weight is rescaled in proportion so that all still
/// add up to the framework's total (100): a criterion worth 20 of the other 60 stays a third of
/// whatever the others now share. (Leaving the others unchanged would make totals out of 100
/// plus d, no longer comparable with the published framework.) Moderated scores, thresholds and
/// price ratios do not depend on weights, so every total is a straight line in the new weight
/// and the change is solved exactly, not searched for.
public struct WeightSensitivity: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// Another bid draws level with the leader at ``LeaderChange/change``, and ranks first
        /// beyond it.
        case leaderChanges(LeaderChange)
        /// No weight from 0 to the framework total puts anyone level with the leader.
        case noChange
        /// The weight cannot be varied this way (it carries the whole total, say).
        case notApplicable(String)
    }

    /// The nearest point at which first place changes hands.
    public struct LeaderChange: Sendable, Hashable {
        /// Signed, in marks, rounded to ``ScorePrecision/comparisonPlaces``. 0 means the lead
        /// rests on the quality tie-break alone: the smallest move in ``direction`` loses it.
        public var change: Decimal
        /// The weight at that point (the published weight + change).
        public var newWeight: Decimal
        /// Whether the weight must rise or fall (needed when the change is 0).
        public var direction: Direction
        /// Who ranks first just beyond that point, by a full re-ranking.
        public var newLeaders: [String]

        public enum Direction: String, Sendable, Hashable {
            case up
            case down
        }

        public init(change: Decimal, newWeight: Decimal, direction: Direction, newLeaders: [String]) {
            self.change = change
            self.newWeight = newWeight
            self.direction = direction
            self.newLeaders = newLeaders
        }
    }

    public var part: WeightedPart
    /// The weight as published.
    public var weight: Decimal
    /// What all the weights add up to, before and after the change (100 in a valid framework).
    public var total: Decimal
    public var outcome: Outcome

    public init(part: WeightedPart, weight: Decimal, total: Decimal, outcome: Outcome) {
        self.part = part
        self.weight = weight
        self.total = total
        self.outcome = outcome
    }

    /// `local-assets 20: +3.75 puts BID-002 first`, or `…: no change within 0..100`.
    /// A change that rounds to 0.00 still shows its direction (`+0.00`, `-0.00`).
    public var summary: String {
        switch outcome {
        case let .leaderChanges(point):
            let sign = point.direction == .up ? "+" : point.change == 0 ? "-" : ""
            let leaders = point.newLeaders.joined(separator: ", ")
            return "\(part) \(weight): \(sign)\(point.change.displayText) puts \(leaders) first"
        case .noChange:
            return "\(part) \(weight): no change within 0..\(total)"
        case let .notApplicable(reason):
            return "\(part) \(weight): \(reason)"
        }
    }
}
