import TenderModel
import TenderXML

/// The warnings each stored bid carries (a missing response, an answer over its word limit),
/// worked out again from the bid itself so that every report shows them.
enum ImportWarnings {
    static func byBid(_ tender: OpenTender) -> [String: [String]] {
        var warnings: [String: [String]] = [:]
        for submission in tender.submissions {
            let found = ImportChecks.check(submission, tender: tender.summary.id, criteria: tender.criteria)
                .filter { $0.severity == .warning }
                .map(\.message)
            if !found.isEmpty { warnings[submission.id] = found }
        }
        return warnings
    }
}
