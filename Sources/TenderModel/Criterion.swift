import Foundation

/// One award criterion: what bidders are asked, what evaluators look for, and what it is worth.
public struct Criterion: Sendable, Hashable, Identifiable {
    public var id: String
    /// Marks out of 100 this criterion carries at full score.
    public var weight: Decimal
    /// A moderated score below this fails the bid on quality, whatever its other scores.
    public var threshold: Int?
    public var title: String
    public var question: String
    /// Answers longer than this are still scored, but flagged where the limit falls.
    public var maxWords: Int?
    public var guidance: String
    public var location: SourceLocation?

    public init(
        id: String, weight: Decimal, threshold: Int? = nil, title: String, question: String,
        maxWords: Int? = nil, guidance: String, location: SourceLocation? = nil
    ) {
        self.id = id
        self.weight = weight
        self.threshold = threshold
        self.title = title
        self.question = question
        self.maxWords = maxWords
        self.guidance = guidance
        self.location = location
    }
}
