import TenderModel
import TenderScoring
import TenderStore

extension Tender {
    /// Saves one member's scores for one bid, every criterion at once (the web app's scoring
    /// page), by the member themselves.
    ///
    /// Refused before the member has made their conflict declaration, and for a bid they are
    /// conflicted with. Every criterion needs a score on the scale and a rationale; each problem
    /// names its field (``FormProblem``). Before hand-in a member changes their own scores
    /// freely (the history still keeps every version); after it, a change needs `reason`.
    ///
    /// With `only`, just that criterion is saved and needed (the easy read page asks one
    /// question at a time).
    @discardableResult
    public func saveScores(
        submission: String, entries: [ScoreEntry], only: String? = nil, by person: ActingPerson, reason given: String? = nil
    ) async throws(StoreError) -> ImportReport {
        let reason: String?
        do throws(StoreError) {
            reason = try TextInput.reason(given)
        } catch {
            throw StoreError(.invalidInput, "Your scores were not saved.", diagnostics: [FormProblem.at("reason", error.message)])
        }
        return try await change(by: person) { snapshot, recorder in
            let member = try Self.scoringMember(person, snapshot: snapshot, submission: submission)
            let scale = snapshot.criteria.scale
            var problems: [Diagnostic] = []
            var scores: [Score] = []
            if let only, snapshot.criteria.criterion(only) == nil {
                throw StoreError(.tenderNotFound, "'\(only)' is not a criterion of this tender.")
            }
            for criterion in snapshot.criteria.criteria where only == nil || only == criterion.id {
                let given = entries.first { $0.criterion == criterion.id }
                guard let value = given?.value else {
                    problems.append(FormProblem.at("score-\(criterion.id)", "Choose a score for \(criterion.title)."))
                    if (given?.rationale.trimmingWhitespace ?? "").isEmpty {
                        problems.append(FormProblem.at("rationale-\(criterion.id)", "Say why you gave your score for \(criterion.title)."))
                    }
                    continue
                }
                if !scale.contains(value) {
                    problems.append(
                        FormProblem.at("score-\(criterion.id)", "Choose a score from \(scale.min) to \(scale.max) for \(criterion.title)."))
                }
                let rationale: String
                do throws(StoreError) {
                    rationale = try TextInput.paragraph(given?.rationale ?? "", what: "reason for your score")
                } catch {
                    problems.append(FormProblem.at("rationale-\(criterion.id)", error.message))
                    continue
                }
                if rationale.isEmpty {
                    problems.append(FormProblem.at("rationale-\(criterion.id)", "Say why you gave your score for \(criterion.title)."))
                }
                scores.append(Score(panelist: member.id, submission: submission, criterion: criterion.id, value: value, rationale: rationale))
            }
            for entry in entries where snapshot.criteria.criterion(entry.criterion) == nil || (only != nil && entry.criterion != only) {
                problems.append(
                    FormProblem.at(
                        "score-\(entry.criterion)",
                        only == nil ? "'\(entry.criterion)' is not a criterion of this tender." : "Only \(only ?? "") is saved here."))
            }
            guard problems.isEmpty else {
                throw StoreError(.invalidInput, "Your scores were not saved: check each answer.", diagnostics: problems)
            }
            let onRecord = Dictionary(
                snapshot.scores.filter { $0.score.panelist == member.id && $0.score.submission == submission }
                    .map { ($0.score.criterion, $0) }, uniquingKeysWith: { first, _ in first })
            let handedIn = snapshot.handIns[member.id]
            var plan: [(Score, RecordedScore?)] = []
            var unchanged = 0
            for score in scores {
                let earlier = onRecord[score.criterion]
                if let earlier, earlier.score.value == score.value, earlier.score.rationale == score.rationale {
                    unchanged += 1
                } else {
                    plan.append((score, earlier))
                }
            }
            if let handedIn, reason == nil, plan.contains(where: { $0.1 != nil }) {
                throw StoreError(
                    .reasonRequired,
                    "You handed in your scores (event \(handedIn)), so changing one needs a reason.",
                    diagnostics: [FormProblem.at("reason", "Say why you are changing a score you handed in.")])
            }
            var events: [HistoryEvent] = []
            for (score, earlier) in plan {
                let payload = ScorePayload(
                    score: score, sheet: nil, amends: earlier?.sequence,
                    previous: earlier.map { ScorePayload.Previous(value: $0.score.value, rationale: $0.score.rationale) })
                events.append(
                    try recorder.append(
                        earlier == nil ? .scoreGiven : .scoreChanged, payload, reason: earlier == nil || handedIn == nil ? nil : reason))
            }
            return ImportReport(events: events, warnings: [], unchanged: unchanged, head: recorder.sink.head)
        }
    }

    /// A member hands in their scores: refused until they have declared and scored everything
    /// they may score. From then on they may see the moderation list, and a change to their
    /// scores needs a reason.
    @discardableResult
    public func handIn(by person: ActingPerson) async throws(StoreError) -> HistoryEvent {
        try await change(by: person) { snapshot, recorder in
            let view = try TenderView(snapshot: snapshot, reader: person)
            guard let member = person.member(of: view.panel) else {
                throw StoreError(.forbidden, "\(person.name) is not on the panel, so has no scores to hand in.")
            }
            if let earlier = snapshot.handIns[member.id] {
                throw StoreError(.forbidden, "You handed in your scores already (event \(earlier)).")
            }
            guard snapshot.hasDeclared(member.id) else {
                throw StoreError(.notReady, "Make your conflict of interest declaration first.")
            }
            let missing = view.outstanding(for: member.id)
            guard missing.isEmpty else {
                throw StoreError(
                    .notReady,
                    "You have \(missing.count) score\(missing.count == 1 ? "" : "s") still to give, so you cannot hand in yet.")
            }
            let count = snapshot.scores.filter { $0.score.panelist == member.id }.count
            return try recorder.append(.scoresHandedIn, HandInPayload(member: member.id, scores: count))
        }
    }

    /// The member `person` is, allowed to score `submission`: on the panel, declared, not
    /// conflicted, and the bid exists. Every page that shows a bid to a member asks this.
    static func scoringMember(_ person: ActingPerson, snapshot: TenderSnapshot, submission: String) throws(StoreError) -> PanelMember {
        guard let panel = snapshot.panel?.panel else {
            throw StoreError(.notReady, "No panel is recorded yet.")
        }
        guard let member = person.member(of: panel) else {
            throw StoreError(.forbidden, "\(person.name) is not on the panel, so does not score bids.")
        }
        guard snapshot.hasDeclared(member.id) else {
            throw StoreError(.notReady, "Make your conflict of interest declaration before you see any bid.")
        }
        guard snapshot.submissions.contains(where: { $0.submission.id == submission }) else {
            throw StoreError(.tenderNotFound, "There is no bid \(submission) in this tender.")
        }
        if panel.isConflicted(member: member.id, submission: submission) {
            throw StoreError(.forbidden, "You declared a conflict of interest with \(submission), so you do not see or score it.")
        }
        return member
    }
}
