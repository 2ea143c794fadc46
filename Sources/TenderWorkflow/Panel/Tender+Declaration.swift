import TenderModel
import TenderStore

extension Tender {
    /// Records a panel member's conflict-of-interest declaration, made before any bid is shown
    /// to them (as specialist evaluation tools require).
    ///
    /// Every bid not already declared in the panel document needs an answer; a conflict needs
    /// its details. Made once: a declaration on record is changed by the commissioner replacing
    /// the panel, never silently. A declared conflict counts as a conflict of the panel for
    /// every rule (see ``TenderStore/TenderSnapshot``); one over a bid the member already scored
    /// is refused, as a new conflict in a replaced panel is.
    @discardableResult
    public func declareConflicts(_ answers: [ConflictAnswer], by person: ActingPerson) async throws(StoreError) -> HistoryEvent {
        try await change(by: person) { snapshot, recorder in
            guard let panel = snapshot.panel?.panel else {
                throw StoreError(.notReady, "No panel is recorded yet, so there is nothing to declare.")
            }
            guard let member = person.member(of: panel) else {
                throw StoreError(.forbidden, "\(person.name) is not on the panel; only panel members declare conflicts of interest.")
            }
            if let earlier = snapshot.declarations.first(where: { $0.member == member.id }) {
                throw StoreError(
                    .forbidden,
                    "You made your declaration already (event \(earlier.sequence)). To change it, ask the commissioner.")
            }
            let bids = snapshot.submissions.map(\.submission.id)
            var problems: [Diagnostic] = []
            var recorded: [DeclarationPayload.Answer] = []
            for answer in answers where !bids.contains(answer.submission) {
                problems.append(FormProblem.at("conflict-\(answer.submission)", "There is no bid \(answer.submission) in this tender."))
            }
            for bid in bids where !panel.isConflicted(member: member.id, submission: bid) {
                let given = answers.filter { $0.submission == bid }
                guard given.count <= 1 else {
                    problems.append(FormProblem.at("conflict-\(bid)", "Answer once for \(bid)."))
                    continue
                }
                guard let answer = given.first, let conflict = answer.conflict else {
                    problems.append(FormProblem.at("conflict-\(bid)", "Say whether you have a conflict of interest with \(bid)."))
                    continue
                }
                let details: String
                do throws(StoreError) {
                    details = try TextInput.paragraph(answer.details, what: "details")
                } catch {
                    problems.append(FormProblem.at("details-\(bid)", error.message))
                    continue
                }
                if conflict && details.isEmpty {
                    problems.append(FormProblem.at("details-\(bid)", "Say what your conflict of interest with \(bid) is."))
                }
                if conflict, let scored = snapshot.scores.first(where: { $0.score.panelist == member.id && $0.score.submission == bid }) {
                    problems.append(
                        FormProblem.at(
                            "conflict-\(bid)",
                            "You already scored \(bid) (event \(scored.sequence)). Ask the commissioner to withdraw those scores before declaring this conflict."))
                }
                recorded.append(.init(submission: bid, conflict: conflict, details: details))
            }
            guard problems.isEmpty else {
                throw StoreError(.invalidInput, "Your declaration was not recorded: check each answer.", diagnostics: problems)
            }
            return try recorder.append(.conflictsDeclared, DeclarationPayload(member: member.id, answers: recorded))
        }
    }
}
