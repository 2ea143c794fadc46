/// How an item's moderated score was reached, or why it has none yet.
public enum ModerationMethod: Sendable, Hashable, CustomStringConvertible {
    /// The panel agreed a score in moderation; it overrides the median.
    case consensus
    /// The median of the panel's scores, which do not diverge.
    case median
    /// No moderated score yet.
    case pending(PendingReason)

    /// Why an item has no moderated score yet, so moderation lists can say what to do.
    public enum PendingReason: Sendable, Hashable, CustomStringConvertible {
        /// The scores are `divergence` or more apart: the panel must discuss and agree.
        case divergent(lowest: Int, highest: Int)
        /// Nobody has scored the item.
        case noScores
        /// Some members who may score it have not yet (ids, sorted).
        case incomplete(awaiting: [String])

        public var description: String {
            switch self {
            case let .divergent(lowest, highest): "scores diverge (\(lowest) to \(highest)): needs moderation"
            case .noScores: "no scores yet"
            case let .incomplete(awaiting): "awaiting scores from \(awaiting.joined(separator: ", "))"
            }
        }
    }

    /// The word reports and the JSON ranking use: `consensus`, `median` or `none`.
    public var name: String {
        switch self {
        case .consensus: "consensus"
        case .median: "median"
        case .pending: "none"
        }
    }

    public var description: String {
        switch self {
        case .consensus, .median: name
        case let .pending(reason): "none yet: \(reason)"
        }
    }
}
