import Foundation

/// The score a panel agreed for one item in moderation, with why and who was there.
///
/// It never replaces the members' own scores: those stay on the record beside it.
public struct Consensus: Sendable, Hashable {
    public var submission: String
    public var criterion: String
    public var value: Int
    /// The panel's internal reason, for the decision record and the audit history. Never sent to
    /// a bidder: it may name members, compare bids or record doubts.
    public var rationale: String
    /// What the bidder is told about this score in their assessment summary, written by the panel
    /// for that purpose. Nil when the panel wrote none: the summary then explains the score from
    /// the scale's descriptor, never from `rationale`.
    public var bidderExplanation: String?
    /// Member ids present at the moderation discussion.
    public var attendees: [String]
    /// Member ids who do not agree with the consensus; their own scores stand on the record.
    public var dissenters: [String]
    public var recordedBy: String
    public var recordedAt: Date

    public init(
        submission: String, criterion: String, value: Int, rationale: String, attendees: [String] = [],
        dissenters: [String] = [], recordedBy: String, recordedAt: Date, bidderExplanation: String? = nil
    ) {
        self.bidderExplanation = bidderExplanation
        self.submission = submission
        self.criterion = criterion
        self.value = value
        self.rationale = rationale
        self.attendees = attendees
        self.dissenters = dissenters
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    public var item: ItemKey { ItemKey(submission: submission, criterion: criterion) }
}
