/// Whether a ranking may go ahead while some items still lack a moderated score.
public enum RankingMode: Sendable, Hashable {
    /// Every item of every bid must have a moderated score, or ranking refuses with
    /// ``ScoringError/Code/missingModeratedScores`` and the items.
    case final
    /// Rank on what is known. A missing item earns nothing yet (so quality is a floor, and
    /// ``RankedSubmission/pendingWeight`` says how many marks are still open) and cannot fail a
    /// threshold yet. The ranking lists the missing items, bid by bid and as a whole, and is
    /// marked provisional: it shows where things stand, never who has won.
    case provisional
}
