import TenderModel

/// Why scoring refused to go on, with the items or ids a person needs to put it right.
///
/// A struct around a stable ``Code`` (compare codes, never messages) so that new kinds of
/// refusal can be added without breaking callers that switch on the old ones.
public struct ScoringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier for the kind of refusal.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let description: String
        private init(_ description: String) { self.description = description }

        /// A final ranking was asked for while some items lack a moderated score.
        public static let missingModeratedScores = Code("missing-moderated-scores")
        /// A score or consensus names a member who is not on the panel.
        public static let unknownMember = Code("unknown-member")
        /// A score or consensus names a submission that is not being evaluated.
        public static let unknownSubmission = Code("unknown-submission")
        /// A score or consensus names a criterion the framework does not have.
        public static let unknownCriterion = Code("unknown-criterion")
        /// A member scored a submission they declared a conflict with.
        public static let conflictedScore = Code("conflicted-score")
        /// A member scored the same item twice, or an item has two consensus records.
        public static let duplicate = Code("duplicate")
        /// A score or consensus lies outside the framework's scale.
        public static let outsideScale = Code("outside-scale")
        /// A price below zero.
        public static let negativePrice = Code("negative-price")
        /// The framework's scale has no range (max ≤ min), so scores cannot be normalised.
        public static let invalidScale = Code("invalid-scale")
    }

    public let code: Code
    /// Plain words for the person at the keyboard.
    public let message: String
    /// The items concerned, sorted, when the refusal is about items.
    public let items: [ItemKey]

    public init(_ code: Code, _ message: String, items: [ItemKey] = []) {
        self.code = code
        self.message = message
        self.items = items.sorted()
    }

    public var description: String { message }
}
