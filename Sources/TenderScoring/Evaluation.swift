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
    /// Every item's moderated score, sorted by item: put in order once, since the agreement
    /// statistics, the co-production check, the voice flags and the moderation list each walk it.
    public let items: [ModeratedScore]

    /// Checks the inputs against one another and moderates every item.
    ///
    /// The importers refuse bad scores already; this checks again because a ranking built on a
    /// score from a conflicted member, or one outside the scale, must never be produced.
    /// - Throws: ``ScoringError`` naming the first inconsistent score, consensus or price.
    public init(
        criteria: Criteria, submissions: [Submission], panel: Panel, scores: [Score], consensus: [Consensus] = [],
        completeness: ScoreCompleteness = .everyEligibleMember
    ) throws(ScoringError) {
        // Ids are interned to Ints once (ranks in sorted order, so comparing ranks orders as the
        // strings do), and scores are grouped by item through arrays: hashing and comparing
        // String pairs for 180,000 scores was most of this initialiser on a national framework.
        let index = ScoreIndex(criteria: criteria, submissions: submissions, panel: panel)
        let keys: [Int]
        if let checked = index.keys(of: scores) {
            try Self.validate(criteria: criteria, submissions: submissions, panel: panel, scores: [], consensus: consensus)
            keys = checked
        } else {
            // Something is wrong: the plain check, in its sorted order, names the same first problem
            // it always has.
            try Self.validate(criteria: criteria, submissions: submissions, panel: panel, scores: scores, consensus: consensus)
            throw ScoringError(.duplicate, "the scores are inconsistent")
        }
        self.criteria = criteria
        self.submissions = submissions.sorted { $0.id < $1.id }
        self.panel = panel
        // keys[i] orders as (item, panelist) does, and no two are equal (duplicates were refused),
        // and each is below itemCount × memberCount, so they can be counted into place.
        let order =
            keys.countingOrder(below: index.itemCount * index.memberCount) ?? keys.indices.sorted { keys[$0] < keys[$1] }
        self.scores = order.map { scores[$0] }
        self.consensus = consensus.sorted { $0.item < $1.item }
        self.completeness = completeness

        let memberIDs = panel.members.map(\.id)
        let agreed = Dictionary(uniqueKeysWithValues: consensus.map { ($0.item, $0) })
        // Each item's scores are one run of the sorted keys: runs[item] is its (start, end).
        let members = index.memberCount
        var runStart = Array(repeating: 0, count: index.itemCount)
        var runEnd = Array(repeating: 0, count: index.itemCount)
        var position = 0
        while position < order.count {
            let item = keys[order[position]] / members
            var end = position
            while end < order.count, keys[order[end]] / members == item { end += 1 }
            runStart[item] = position
            runEnd[item] = end
            position = end
        }
        var conflictsBySubmission: [String: Set<String>] = [:]
        for conflict in panel.conflicts { conflictsBySubmission[conflict.submission, default: []].insert(conflict.member) }
        // Each bid's items are moderated on their own, so the bids are shared between the cores.
        let divergence = criteria.divergence
        let moderatedByBid = submissions.concurrentMap(minimumCount: 64) {
            [runStart, runEnd, conflictsBySubmission] submission -> [ModeratedScore] in
            let declared = conflictsBySubmission[submission.id] ?? []
            let conflicted = memberIDs.filter { declared.contains($0) }
            let eligible = memberIDs.filter { !conflicted.contains($0) }
            let submissionRank = index.submissionRank[submission.id] ?? 0
            return criteria.criteria.map { criterion in
                let item = ItemKey(submission: submission.id, criterion: criterion.id)
                let itemIndex = submissionRank * index.criterionCount + (index.criterionRank[criterion.id] ?? 0)
                var values: [String: Int] = Dictionary(minimumCapacity: runEnd[itemIndex] - runStart[itemIndex])
                for sorted in runStart[itemIndex]..<runEnd[itemIndex] {
                    let score = scores[order[sorted]]
                    values[score.panelist] = score.value
                }
                let itemScores = ItemScores(item: item, scores: values, eligible: eligible, conflicted: conflicted)
                return ModeratedScore.moderate(
                    itemScores, consensus: agreed[item], divergence: divergence, completeness: completeness)
            }
        }
        var moderated: [ItemKey: ModeratedScore] = Dictionary(minimumCapacity: submissions.count * criteria.criteria.count)
        for score in moderatedByBid.joined() { moderated[score.item] = score }
        self.moderated = moderated
        items = Self.inItemOrder(moderated, submissions: self.submissions, criteria: criteria)
    }

    /// Read in order rather than sorted: submissions are already sorted by id, and an item key
    /// orders by submission, then criterion id. (Sorting 20,000 String pairs cost more than
    /// the ranking itself on a national framework.)
    private static func inItemOrder(
        _ moderated: [ItemKey: ModeratedScore], submissions: [Submission], criteria: Criteria
    ) -> [ModeratedScore] {
        let criterionIDs = Set(criteria.criteria.map(\.id)).sorted()
        var items: [ModeratedScore] = []
        items.reserveCapacity(moderated.count)
        for submission in submissions {
            for criterion in criterionIDs {
                if let score = moderated[ItemKey(submission: submission.id, criterion: criterion)] { items.append(score) }
            }
        }
        // Two bids with one id (which validation refuses) would put an item in twice.
        guard items.count == moderated.count else { return moderated.values.sorted { $0.item < $1.item } }
        return items
    }

    /// Items without a moderated score yet, sorted: the moderation list.
    public var pendingItems: [ModeratedScore] { items.filter { $0.value == nil } }

    /// The ranking under the framework as published.
    /// - Throws: ``ScoringError/Code/missingModeratedScores`` in `.final` mode while items are missing.
    public func ranking(_ mode: RankingMode = .final) throws(ScoringError) -> Ranking {
        try Ranking.compute(criteria: criteria, submissions: submissions, moderated: moderated, mode: mode)
    }
}
