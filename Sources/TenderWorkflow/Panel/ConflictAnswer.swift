/// One member's answer about one bid in the conflict declaration: whether they have a conflict
/// of interest with it, and what it is.
public struct ConflictAnswer: Sendable, Hashable {
    public var submission: String
    /// Nil when the member did not answer.
    public var conflict: Bool?
    public var details: String

    public init(submission: String, conflict: Bool?, details: String = "") {
        self.submission = submission
        self.conflict = conflict
        self.details = details
    }
}
