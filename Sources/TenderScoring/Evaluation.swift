import Foundation
import TenderModel

/// A tender's evaluation: the framework, the bids, the panel and what the panel recorded, with
/// every item's moderated score worked out. The entry point for the CLI and the exporters.
///
/// Pure and deterministic: no I/O, and the order in which bids, members, scores or consensus
/// records are given never changes a result.
///
/// ```swift
/// let evaluation = try Evaluation(criteria: criteria, submissions: bids, panel: panel,
///                                 scores: scores, consensus: agreed)
/// let ranking = try evaluation.ranking()              // refuses while items are missing
/// let draft = try evaluation.ranking(.provisional)    // ranks on what is known
/// ```
public struct Evaluation: Sendable, Hashable {
    public let criteria: Criteria
    /// The bids, sorted by id.
    public let submissions: [Submission]
    public let panel: Panel
    /// Every panel score, sorted by item then member.
    public let scores: [Score]
    /// Every consensus record, sorted by item.
    public let consensus: [Consensus]
    public let completeness: ScoreCompleteness
    /// One entry for every (submission, criterion) item.
    public let moderated: [ItemKey: ModeratedScore]

    /// Checks the inputs against one another and moderates every item.
    ///
    /// The importers refuse bad scores already; this checks again because a ranking built on a
    /// score from a conflicted member, or one outside the scale, must never be produced.
    /// - Throws: ``ScoringError`` naming the first inconsistent score, consensus or price.
    public init(
        criteria: Criteria, submissions: [Submission], panel: Panel, scores: [Score], consensus: [Consensus] = [],
        completeness: ScoreCompleteness = .everyEligibleMember
    ) throws(ScoringError) {
        try Self.validate(criteria: criteria, submissions: submissions, panel: panel, scores: scores, consensus: consensus)
        self.criteria = criteria
        self.submissions = submissions.sorted { $0.id < $1.id }
        self.panel = panel
        self.scores = scores.sorted { ($0.item, $0.panelist) < ($1.item, $1.panelist) }
        self.consensus = consensus.sorted { $0.item < $1.item }
        self.completeness = completeness

        let memberIDs = panel.members.map(\.id)
        let byItem = Dictionary(grouping: scores, by: \.item)
        let agreed = Dictionary(uniqueKeysWithValues: consensus.map { ($0.item, $0) })
        var moderated: [ItemKey: ModeratedScore] = [:]
        for submission in submissions {
            let conflicted = memberIDs.filter { panel.isConflicted(member: $0, submission: submission.id) }
            let eligible = memberIDs.filter { !conflicted.contains($0) }
            for criterion in criteria.criteria {
                let item = ItemKey(submission: submission.id, criterion: criterion.id)
                let values = Dictionary(uniqueKeysWithValues: (byItem[item] ?? []).map { ($0.panelist, $0.value) })
                let itemScores = ItemScores(item: item, scores: values, eligible: eligible, conflicted: conflicted)
                moderated[item] = ModeratedScore.moderate(
                    itemScores, consensus: agreed[item], divergence: criteria.divergence, completeness: completeness)
            }
        }
        self.moderated = moderated
    }

    /// Every item's moderated score, sorted by item.
    public var items: [ModeratedScore] { moderated.values.sorted { $0.item < $1.item } }

    /// Items without a moderated score yet, sorted: the moderation list.
    public var pendingItems: [ModeratedScore] { items.filter { $0.value == nil } }

    /// The ranking under the framework as published.
    /// - Throws: ``ScoringError/Code/missingModeratedScores`` in `.final` mode while items are missing.
    public func ranking(_ mode: RankingMode = .final) throws(ScoringError) -> Ranking {
        try Ranking.compute(criteria: criteria, submissions: submissions, moderated: moderated, mode: mode)
    }
}
