import Foundation
import TenderModel

extension Evaluation {
    static func validate(
        criteria: Criteria, submissions: [Submission], panel: Panel, scores: [Score], consensus: [Consensus]
    ) throws(ScoringError) {
        let scale = criteria.scale
        guard scale.max > scale.min else {
            throw ScoringError(.invalidScale, "the scale \(scale.rangeDescription) has no range to score on")
        }
        var bidIDs = Set<String>()
        for submission in submissions.sorted(by: { $0.id < $1.id }) {
            guard bidIDs.insert(submission.id).inserted else {
                throw ScoringError(.duplicate, "submission \(submission.id) is given twice")
            }
            if let amount = submission.price?.amount, amount < 0 {
                throw ScoringError(.negativePrice, "submission \(submission.id) has a negative price \(amount)")
            }
        }
        let criterionIDs = Set(criteria.criteria.map(\.id))
        let memberIDs = Set(panel.members.map(\.id))

        func checkItem(_ item: ItemKey, value: Int, what: String) throws(ScoringError) {
            guard bidIDs.contains(item.submission) else {
                throw ScoringError(.unknownSubmission, "\(what) names an unknown submission \(item.submission)", items: [item])
            }
            guard criterionIDs.contains(item.criterion) else {
                throw ScoringError(.unknownCriterion, "\(what) names an unknown criterion \(item.criterion)", items: [item])
            }
            guard scale.contains(value) else {
                throw ScoringError(
                    .outsideScale, "\(what): \(value) is outside the scale \(scale.rangeDescription)", items: [item])
            }
        }

        var seen = Set<String>()
        for score in scores.sorted(by: { ($0.item, $0.panelist) < ($1.item, $1.panelist) }) {
            let what = "the score of \(score.panelist) for \(score.item)"
            guard memberIDs.contains(score.panelist) else {
                throw ScoringError(.unknownMember, "\(what) is from someone not on the panel", items: [score.item])
            }
            try checkItem(score.item, value: score.value, what: what)
            guard !panel.isConflicted(member: score.panelist, submission: score.submission) else {
                throw ScoringError(
                    .conflictedScore, "\(score.panelist) declared a conflict with \(score.submission) and may not score it",
                    items: [score.item])
            }
            guard seen.insert("\(score.panelist)\u{0}\(score.submission)\u{0}\(score.criterion)").inserted else {
                throw ScoringError(.duplicate, "\(score.panelist) scored \(score.item) twice", items: [score.item])
            }
        }
        var agreed = Set<ItemKey>()
        for record in consensus.sorted(by: { $0.item < $1.item }) {
            try checkItem(record.item, value: record.value, what: "the consensus for \(record.item)")
            guard agreed.insert(record.item).inserted else {
                throw ScoringError(.duplicate, "\(record.item) has two consensus records", items: [record.item])
            }
        }
    }
}
