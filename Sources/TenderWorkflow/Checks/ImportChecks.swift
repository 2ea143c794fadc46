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
        // Run for every bid of every import: ids compared in place, nothing built unless reported.
        for response in submission.responses where !criteria.criteria.contains(where: { $0.id == response.criterion }) {
            let known = criteria.criteria.map(\.id).joined(separator: ", ")
            let guess = criteria.suggestion.suggestion(for: response.criterion).map { "; did you mean '\($0)'?" } ?? ""
            found.append(
                .error(
                    at: response.location ?? at,
                    "'\(response.criterion)' is not a criterion of \(criteria.id)\(guess) (its criteria are \(known))"))
        }
        for criterion in criteria.criteria {
            guard let index = submission.responses.firstIndex(where: { $0.criterion == criterion.id }) else {
                found.append(.warning(at: at, "\(submission.id) gives no response to '\(criterion.id)'"))
                continue
            }
            let words = submission.responses[index].wordCount
            if let limit = criterion.maxWords, words > limit {
                found.append(
                    .warning(
                        at: submission.responses[index].location ?? at,
                        "the answer to '\(criterion.id)' has \(words) words, over the limit of \(limit)"))
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
    ///
    /// An unknown member, submission or criterion is reported once per distinct value, at its
    /// first line, with the lines it occurs on and, for a near miss, the id probably meant
    /// (see ``IdentifierSuggestion``); a conflict once per bid. The result is in file order.
    public static func check(
        _ sheet: Scoresheet, criteria: Criteria, panel: Panel, submissions: Set<String>?
    ) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var unknown = Occurrences()
        let members = IdentifierSuggestion(
            ids: panel.members.map(\.id), titles: Dictionary(panel.members.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
        let bids = IdentifierSuggestion(ids: (submissions ?? []).sorted())
        let criterionIDs = criteria.suggestion
        for score in sheet.scores {
            let at = score.location ?? SourceLocation(file: sheet.panelist, line: 1, column: 1)
            if panel.member(score.panelist) == nil {
                let guess = members.suggestion(for: score.panelist)
                unknown.add(at, "'\(score.panelist)' is not a member of the panel", guess: guess)
            } else if panel.isConflicted(member: score.panelist, submission: score.submission) {
                unknown.add(at, "'\(score.panelist)' declared a conflict with \(score.submission) and may not score it", guess: nil)
            }
            if let submissions, !submissions.contains(score.submission) {
                unknown.add(
                    at, "there is no submission \(score.submission) in this tender", guess: bids.suggestion(for: score.submission))
            }
            if criteria.criterion(score.criterion) == nil {
                unknown.add(
                    at, "'\(score.criterion)' is not a criterion of \(criteria.id)",
                    guess: criterionIDs.suggestion(for: score.criterion))
            }
            if !criteria.scale.contains(score.value) {
                found.append(.error(at: at, "score \(score.value) is outside the scale \(criteria.scale.rangeDescription)"))
            }
        }
        found += unknown.diagnostics
        if let tender = sheet.tender, tender != panel.tender {
            let at = sheet.scores.first?.location ?? SourceLocation(file: sheet.panelist, line: 1, column: 1)
            found.append(.error(at: at, "the scoresheet is for tender \(tender), not \(panel.tender)"))
        }
        return found.inFileOrder()
    }

    /// Problems that repeat row after row, gathered into one diagnostic per message.
    private struct Occurrences {
        private var order: [String] = []
        private var places: [String: [SourceLocation]] = [:]
        private var guesses: [String: String] = [:]

        mutating func add(_ location: SourceLocation, _ message: String, guess: String?) {
            if places[message] == nil { order.append(message) }
            places[message, default: []].append(location)
            if let guess { guesses[message] = guess }
        }

        var diagnostics: [Diagnostic] {
            order.compactMap { message in
                guard let locations = places[message], let first = locations.first else { return nil }
                var text = message
                if let guess = guesses[message] { text += "; did you mean '\(guess)'?" }
                let lines = LineList.describe(locations.map(\.line))
                if !lines.isEmpty { text += " (\(lines))" }
                return .error(at: first, text)
            }
        }
    }
}

extension Criteria {
    /// Near misses of this framework's criterion ids, titles included.
    fileprivate var suggestion: IdentifierSuggestion {
        IdentifierSuggestion(
            ids: criteria.map(\.id), titles: Dictionary(criteria.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a }))
    }
}
