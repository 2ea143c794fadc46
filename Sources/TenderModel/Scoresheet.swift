/// One panel member's independent scores, as they handed them in.
public struct Scoresheet: Sendable, Hashable {
    public var tender: String?
    public var panelist: String
    public var scores: [Score]

    public init(tender: String?, panelist: String, scores: [Score]) {
        self.tender = tender
        self.panelist = panelist
        self.scores = scores
    }
}

/// One member's score of one item (a submission against a criterion), never without its reason.
public struct Score: Sendable, Hashable {
    public var panelist: String
    public var submission: String
    public var criterion: String
    public var value: Int
    public var rationale: String
    public var location: SourceLocation?

    public init(
        panelist: String, submission: String, criterion: String, value: Int, rationale: String,
        location: SourceLocation? = nil
    ) {
        self.panelist = panelist
        self.submission = submission
        self.criterion = criterion
        self.value = value
        self.rationale = rationale
        self.location = location
    }

    public var item: ItemKey { ItemKey(submission: submission, criterion: criterion) }
}

/// An item of the evaluation: one submission scored against one criterion.
public struct ItemKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var submission: String
    public var criterion: String

    public init(submission: String, criterion: String) {
        self.submission = submission
        self.criterion = criterion
    }

    public static func < (lhs: ItemKey, rhs: ItemKey) -> Bool {
        (lhs.submission, lhs.criterion) < (rhs.submission, rhs.criterion)
    }

    public var description: String { "\(submission)/\(criterion)" }
}
