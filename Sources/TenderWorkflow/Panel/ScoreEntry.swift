/// What a member entered for one criterion of one bid: the score chosen (nil when none was) and
/// the reason for it.
public struct ScoreEntry: Sendable, Hashable {
    public var criterion: String
    public var value: Int?
    public var rationale: String

    public init(criterion: String, value: Int?, rationale: String) {
        self.criterion = criterion
        self.value = value
        self.rationale = rationale
    }
}
