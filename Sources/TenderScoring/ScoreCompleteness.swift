/// When the panel's scores of an item are complete enough for their median to stand.
public enum ScoreCompleteness: Sendable, Hashable {
    /// Every member who is not conflicted must have scored the item. The default: a median of
    /// two scores out of five would otherwise become the moderated score before the other three
    /// arrive, and a late score can still move the median or make the item diverge.
    case everyEligibleMember
    /// Any one score is enough (a panel that lost a member part-way, say). Use it knowingly.
    case anyScore
}
