import TenderModel

/// Submission, criterion and member ids interned to Ints, so that 180,000 scores can be checked,
/// sorted and grouped through integer keys instead of String pairs.
///
/// Each id's number is its rank among the sorted distinct ids of its kind, so a key
/// ((submission × criteria) + criterion) × members + member orders scores exactly as
/// `(score.item, score.panelist)` does.
struct ScoreIndex {
    let submissionRank: [String: Int]
    let criterionRank: [String: Int]
    let memberRank: [String: Int]
    let criterionCount: Int
    let memberCount: Int
    private let scale: Scale
    /// conflicted[submission × members + member]
    private let conflicted: [Bool]

    var itemCount: Int { submissionRank.count * criterionCount }

    init(criteria: Criteria, submissions: [Submission], panel: Panel) {
        func ranks(_ ids: [String]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: Set(ids).sorted().enumerated().map { ($1, $0) })
        }
        submissionRank = ranks(submissions.map(\.id))
        criterionRank = ranks(criteria.criteria.map(\.id))
        memberRank = ranks(panel.members.map(\.id))
        criterionCount = max(1, criterionRank.count)
        memberCount = max(1, memberRank.count)
        scale = criteria.scale
        var conflicted = Array(repeating: false, count: submissionRank.count * memberCount)
        for conflict in panel.conflicts {
            if let submission = submissionRank[conflict.submission], let member = memberRank[conflict.member] {
                conflicted[submission * memberCount + member] = true
            }
        }
        self.conflicted = conflicted
    }

    /// Each score's key, in the order given; nil when any score would fail
    /// `Evaluation.validate` (unknown id, outside the scale, conflicted, or given twice), so that
    /// the caller can let the plain check name the first problem.
    func keys(of scores: [Score]) -> [Int]? {
        var keys: [Int] = []
        keys.reserveCapacity(scores.count)
        var seen = Array(repeating: false, count: itemCount * memberCount)
        // Scores arrive in runs (a scoresheet is one member's, bid by bid), so the last id of
        // each kind is remembered: comparing two short Strings is cheaper than hashing one.
        var lastMember: (id: String, rank: Int)?
        var lastSubmission: (id: String, rank: Int)?
        func rank(_ id: String, in ranks: [String: Int], last: inout (id: String, rank: Int)?) -> Int? {
            if let known = last, known.id == id { return known.rank }
            guard let found = ranks[id] else { return nil }
            last = (id, found)
            return found
        }
        for score in scores {
            guard let member = rank(score.panelist, in: memberRank, last: &lastMember),
                let submission = rank(score.submission, in: submissionRank, last: &lastSubmission),
                let criterion = criterionRank[score.criterion], scale.contains(score.value),
                !conflicted[submission * memberCount + member]
            else { return nil }
            let key = (submission * criterionCount + criterion) * memberCount + member
            guard !seen[key] else { return nil }
            seen[key] = true
            keys.append(key)
        }
        return keys
    }
}
