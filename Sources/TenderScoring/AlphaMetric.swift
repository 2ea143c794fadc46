/// How far apart two scores are taken to be when measuring disagreement (Krippendorff 2011).
public enum AlphaMetric: String, Sendable, Hashable, CaseIterable {
    /// Any two different scores disagree equally: 2 vs 3 as much as 0 vs 5.
    case nominal
    /// Scores are ranks. The distance between c and k grows with how many of all the scores
    /// given lie between them, so a gap across rarely used levels counts for less. The metric
    /// SPEC.md fixes for score scales: their steps are ordered, but not equally spaced.
    case ordinal
    /// Scores are numbers on an even scale: the distance is (c − k)².
    case interval
}
