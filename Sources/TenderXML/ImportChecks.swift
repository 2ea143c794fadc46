import Foundation
import TenderModel

/// Checks of a document against the tender it belongs to: what no document can know alone.
///
/// `validate` runs them when the framework or panel is among the files it is given; the store
/// runs them on every import.
public enum ImportChecks {
    /// A bid against the tender and its framework. Unknown criteria and a missing price are
    /// errors; a missing response and an answer over its word limit are warnings.
    public static func check(_ submission: Submission, tender: String?, criteria: Criteria) -> [Diagnostic] {
        let at = submission.location ?? SourceLocation(file: submission.id, line: 1, column: 1)
        var found: [Diagnostic] = []
        if let tender, submission.tender != tender {
            found.append(.error(at: at, "\(submission.id) is for tender \(submission.tender), not \(tender)"))
        }
        for response in submission.responses where criteria.criterion(response.criterion) == nil {
            let known = criteria.criteria.map(\.id).joined(separator: ", ")
            found.append(
                .error(
                    at: response.location ?? at,
                    "'\(response.criterion)' is not a criterion of \(criteria.id) (its criteria are \(known))"))
        }
        for criterion in criteria.criteria {
            guard let response = submission.response(to: criterion.id) else {
                found.append(.warning(at: at, "\(submission.id) gives no response to '\(criterion.id)'"))
                continue
            }
            if let limit = criterion.maxWords, response.wordCount > limit {
                found.append(
                    .warning(
                        at: response.location ?? at,
                        "the answer to '\(criterion.id)' has \(response.wordCount) words, over the limit of \(limit)"))
            }
        }
        if criteria.price != nil {
            if let price = submission.price {
                if price.currency != criteria.currency {
                    found.append(
                        .error(at: at, "the price is in \(price.currency), but the tender is priced in \(criteria.currency)"))
                }
            } else {
                found.append(.error(at: at, "\(submission.id) gives no price, and price carries marks in \(criteria.id)"))
            }
        }
        return found
    }

    /// A scoresheet against the framework, the panel and the bids received so far. Any score
    /// that breaks a rule is an error: a sheet is stored whole or not at all. With `submissions`
    /// nil, bids are not checked (`validate` given no bids).
    public static func check(
        _ sheet: Scoresheet, criteria: Criteria, panel: Panel, submissions: Set<String>?
    ) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for score in sheet.scores {
            let at = score.location ?? SourceLocation(file: sheet.panelist, line: 1, column: 1)
            if panel.member(score.panelist) == nil {
                found.append(.error(at: at, "'\(score.panelist)' is not a member of the panel"))
            } else if panel.isConflicted(member: score.panelist, submission: score.submission) {
                found.append(
                    .error(
                        at: at,
                        "'\(score.panelist)' declared a conflict with \(score.submission) and may not score it"))
            }
            if let submissions, !submissions.contains(score.submission) {
                found.append(.error(at: at, "there is no submission \(score.submission) in this tender"))
            }
            if criteria.criterion(score.criterion) == nil {
                found.append(.error(at: at, "'\(score.criterion)' is not a criterion of \(criteria.id)"))
            }
            if !criteria.scale.contains(score.value) {
                found.append(.error(at: at, "score \(score.value) is outside the scale \(criteria.scale.rangeDescription)"))
            }
        }
        if let tender = sheet.tender, tender != panel.tender {
            let at = sheet.scores.first?.location ?? SourceLocation(file: sheet.panelist, line: 1, column: 1)
            found.append(.error(at: at, "the scoresheet is for tender \(tender), not \(panel.tender)"))
        }
        return found
    }
}
