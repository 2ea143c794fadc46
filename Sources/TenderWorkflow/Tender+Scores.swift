import TenderModel
import TenderStore
import TenderXML

extension Tender {
    /// Records one panel member's scoresheet, parsed from an XML or CSV document whose bytes are
    /// kept with the scores.
    public func importScores(_ document: DocumentFile, by person: ActingPerson, reason: String? = nil) async throws(StoreError)
        -> ImportReport
    {
        // A sheet with errors is still checked against the tender, so that every problem is
        // listed at once, in file order; it is refused all the same.
        let sheet: Scoresheet
        var warnings: [Diagnostic] = []
        var problems: [Diagnostic] = []
        do throws(DocumentError) {
            let loaded = try DocumentLoader(options: documentOptions).load(bytes: document.bytes, file: document.file)
            guard case .scoresheet(let parsed) = loaded.document else {
                throw DocumentError(
                    .error(
                        at: SourceLocation(file: document.file, line: 1, column: 1),
                        "this is a \(loaded.document.kind.displayName), not a scoresheet"))
            }
            sheet = parsed
            warnings = loaded.warnings
        } catch {
            guard case .scoresheet(let partial)? = error.document else {
                throw StoreError(.invalidDocuments, "Nothing was imported: \(document.file) has errors.", diagnostics: error.diagnostics)
            }
            sheet = partial
            problems = error.diagnostics
        }
        return try await importScores(
            sheet: sheet, document: document, warnings: warnings, documentProblems: problems, by: person, reason: reason)
    }

    /// Records one panel member's scores, all or nothing.
    ///
    /// The sheet is checked with ``ImportChecks`` against the framework, the panel and the bids
    /// on record, and every score needs a rationale. A panel member acting as themselves hands in
    /// only their own sheet; someone not on the panel (a commissioner, a clerk) may key in a
    /// member's sheet for them. A score already given exactly as before is left alone; a score
    /// that differs from one already given is a change, which needs `reason`: the history then
    /// keeps the old score, the new one and the reason.
    public func importScores(sheet: Scoresheet, by person: ActingPerson, reason: String? = nil) async throws(StoreError)
        -> ImportReport
    {
        try await importScores(sheet: sheet, document: nil, warnings: [], documentProblems: [], by: person, reason: reason)
    }

    private func importScores(
        sheet: Scoresheet, document: DocumentFile?, warnings: [Diagnostic], documentProblems: [Diagnostic],
        by person: ActingPerson, reason: String?
    ) async throws(StoreError) -> ImportReport {
        let reason = try TextInput.reason(reason)
        return try await change(by: person) { snapshot, recorder in
            guard let panel = snapshot.panel?.panel else {
                throw StoreError(.notReady, "No panel is recorded yet: import the panel before any scores.")
            }
            if let member = person.member(of: panel), !sheet.panelist.isEmpty, sheet.panelist != member.id {
                throw StoreError(
                    .forbidden,
                    "\(person.name) may hand in only their own scoresheet; \(document?.file ?? "this sheet") is \(sheet.panelist)'s")
            }
            let submissions = Set(snapshot.submissions.map(\.submission.id))
            var problems = documentProblems
            let known = Set(documentProblems.map { "\($0.location.line):\($0.message)" })
            problems += ImportChecks.check(sheet, criteria: snapshot.criteria, panel: panel, submissions: submissions)
                .filter { !known.contains("\($0.location.line):\($0.message)") }
            let sheetStart = SourceLocation(file: document?.file ?? sheet.panelist, line: 1, column: 1)
            if sheet.scores.isEmpty, panel.member(sheet.panelist) == nil {
                problems.append(.error(at: sheetStart, "'\(sheet.panelist)' is not a member of the panel"))
            }
            var given: [ItemKey: SourceLocation] = [:]
            for score in sheet.scores {
                let at = score.location ?? sheetStart
                if score.panelist != sheet.panelist {
                    problems.append(
                        .error(at: at, "this score is by '\(score.panelist)', but the sheet is \(sheet.panelist)'s; one member per sheet"))
                }
                if score.rationale.trimmingWhitespace.isEmpty {
                    problems.append(
                        .error(
                            at: at,
                            "the score for \(score.submission) on '\(score.criterion)' has no rationale; every score needs its reason"))
                } else if let problem = TextInput.problem(in: score.rationale, what: "rationale") {
                    problems.append(.error(at: at, problem))
                }
                if let first = given[score.item] {
                    problems.append(.error(at: at, "\(score.submission) is scored twice on '\(score.criterion)' (first at \(first))"))
                }
                given[score.item] = at
            }
            let onRecord = Dictionary(snapshot.scores.map { ($0.score.item.member($0.score.panelist), $0) }, uniquingKeysWith: { first, _ in first })
            var changesWithoutReason: [Diagnostic] = []
            var unchanged = 0
            var plan: [(Score, RecordedScore?)] = []
            for var score in sheet.scores {
                score.rationale = score.rationale.trimmingWhitespace
                let earlier = onRecord[score.item.member(score.panelist)]
                if let earlier, earlier.score.value == score.value, earlier.score.rationale == score.rationale {
                    unchanged += 1
                    continue
                }
                if let earlier, reason == nil {
                    changesWithoutReason.append(
                        .error(
                            at: score.location ?? sheetStart,
                            "\(score.panelist) already scored \(score.submission) on '\(score.criterion)' \(earlier.score.value) (event \(earlier.sequence)); changing it needs a reason (--reason)"
                        ))
                }
                plan.append((score, earlier))
            }
            if problems.containsErrors || !changesWithoutReason.isEmpty {
                let all = (problems + changesWithoutReason).inFileOrder()
                let errors = all.filter { $0.severity == .error }.count
                throw StoreError(
                    problems.containsErrors ? .invalidDocuments : .reasonRequired,
                    problems.containsErrors
                        ? "No scores were imported: \(errors) error\(errors == 1 ? "" : "s") in \(sheet.panelist)'s scoresheet."
                        : "No scores were imported: \(errors) score\(errors == 1 ? "" : "s") would change a score already given, and a change needs a reason (--reason).",
                    diagnostics: all + warnings)
            }
            let reference = try document.map { try recorder.keep($0) }
            var events: [HistoryEvent] = []
            for (score, earlier) in plan {
                let payload = ScorePayload(
                    score: score, sheet: reference, amends: earlier?.sequence,
                    previous: earlier.map { ScorePayload.Previous(value: $0.score.value, rationale: $0.score.rationale) })
                events.append(
                    try recorder.append(earlier == nil ? .scoreGiven : .scoreChanged, payload, reason: earlier == nil ? nil : reason))
            }
            return ImportReport(events: events, warnings: warnings, unchanged: unchanged, head: recorder.sink.head)
        }
    }
}

/// One member's score on one item: the key a score is on record under.
struct MemberItem: Hashable {
    var item: ItemKey
    var member: String
}

extension ItemKey {
    func member(_ id: String) -> MemberItem { MemberItem(item: self, member: id) }
}


extension Tender {
    /// Withdraws every score `member` gave `submission`, with a reason kept in the history: what
    /// a commissioner does when a member declares a conflict after scoring a bid, so that the
    /// conflict can then be recorded (``importPanel(_:by:reason:)``) and the conflicted scores
    /// stop counting. The history keeps each score withdrawn beside the reason.
    ///
    /// Refused to a panel member acting for themselves unless their panel role is commissioner,
    /// without a reason, and when the member has no score on the bid.
    public func withdrawScores(member: String, submission: String, reason: String, by person: ActingPerson)
        async throws(StoreError) -> [HistoryEvent]
    {
        guard let reason = try TextInput.reason(reason) else {
            throw StoreError(.reasonRequired, "Withdrawing scores needs a reason (--reason), for the record.")
        }
        return try await change(by: person) { snapshot, recorder in
            let panel = snapshot.panel?.panel
            if let actor = person.member(of: panel), actor.role != .commissioner {
                throw StoreError(
                    .forbidden, "\(actor.id) is a panel member, not the commissioner; only the commissioner withdraws scores.")
            }
            let withdrawn = snapshot.scores.filter { $0.score.panelist == member && $0.score.submission == submission }
            guard !withdrawn.isEmpty else {
                throw StoreError(.invalidInput, "\(member) has no score on \(submission) to withdraw.")
            }
            return try withdrawn.map { row in
                try recorder.append(.scoreWithdrawn, ScoreWithdrawalPayload(score: row.score, withdraws: row.sequence), reason: reason)
            }
        }
    }
}
