/// How much of a tender a snapshot reads.
///
/// Scoring and most rules need each bid's bidder and price but not its answers, which for a
/// national framework run to hundreds of megabytes; packs, summaries and replacing a bid need
/// the answers too.
public struct SnapshotScope: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Each bid whole, with its answers and its stored canonical form.
    public static let responses = SnapshotScope(rawValue: 1 << 0)

    /// Each score without its rationale (an empty one), for outputs that show none (a ranking
    /// as CSV or JSON): 180,000 rationales are 180,000 strings to read, keep and free.
    public static let withoutRationales = SnapshotScope(rawValue: 1 << 1)

    /// Each bid without its answers: each response holds only its criterion and its word count
    /// (``SubmissionOutline``), which is what the import warnings read. Ignored when
    /// ``responses`` is asked for too.
    public static let wordCounts = SnapshotScope(rawValue: 1 << 2)

    /// Each bid without its answers' words, and no score's rationale: what the assessment
    /// summaries, the decision report, the ranking table and the OCDS record read. None of them
    /// shows an answer or a member's own note: 63 MB of answers and 180,000 notes are not read
    /// for nothing.
    public static let outputs: SnapshotScope = [.wordCounts, .withoutRationales]
}
