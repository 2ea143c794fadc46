import GRDB
import TenderModel
import TenderXML

extension TenderRecord {
    /// Records one panel member's scoresheet, read from an XML or CSV file; the file's bytes are
    /// kept with the scores.
    public func importScores(file: String, actor: String, reason: String? = nil) throws(StoreError) -> ImportReport {
        let (document, loaded) = try loadOne(file, expecting: .scoresheet)
        guard case .scoresheet(let sheet) = loaded.document else {
            throw StoreError(.invalidDocuments, "\(file) is not a scoresheet; nothing was imported.")
        }
        return try importScores(sheet: sheet, document: document, warnings: loaded.warnings, actor: actor, reason: reason)
    }

    /// Records one panel member's scores, all or nothing.
    ///
    /// The sheet is checked with ``ImportChecks`` against the framework, the panel and the bids
    /// on record, and every score needs a rationale. A score already given exactly as before is
    /// left alone; a score that differs from one already given is a change, which needs
    /// `reason`: the history then keeps the old score, the new one and the reason.
    public func importScores(sheet: Scoresheet, actor: String, reason: String? = nil) throws(StoreError) -> ImportReport {
        try importScores(sheet: sheet, document: nil, warnings: [], actor: actor, reason: reason)
    }

    private func importScores(
        sheet: Scoresheet, document: DocumentFile?, warnings: [Diagnostic], actor: String, reason: String?
    ) throws(StoreError) -> ImportReport {
        let actor = try Validation.actor(actor)
        let reason = Validation.reason(reason)
        let time = now()
        return try write { db in
            try ProjectionReader.requireOpenForChanges(db)
            let tender = try ProjectionReader.tender(db)
            guard let panel = try ProjectionReader.panel(db)?.panel else {
                throw StoreError(.notReady, "No panel is recorded yet: import the panel before any scores.")
            }
            let submissions = Set(try ProjectionReader.submissions(db).map(\.submission.id))
            var problems = ImportChecks.check(sheet, criteria: tender.criteria, panel: panel, submissions: submissions)
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
                }
                if let first = given[score.item] {
                    problems.append(
                        .error(at: at, "\(score.submission) is scored twice on '\(score.criterion)' (first at \(first))"))
                }
                given[score.item] = at
            }
            let onRecord = Dictionary(
                try ProjectionReader.scores(db).map {
                    ("\($0.score.panelist)\u{1F}\($0.score.submission)\u{1F}\($0.score.criterion)", $0)
                }, uniquingKeysWith: { first, _ in first })
            var changesWithoutReason: [Diagnostic] = []
            var unchanged = 0
            var plan: [(Score, ProjectionReader.ScoreRow?)] = []
            for score in sheet.scores {
                let rationale = score.rationale.trimmingWhitespace
                let earlier = onRecord["\(score.panelist)\u{1F}\(score.submission)\u{1F}\(score.criterion)"]
                if let earlier, earlier.score.value == score.value, earlier.score.rationale == rationale {
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
                let all = problems + changesWithoutReason
                let errors = all.filter { $0.severity == .error }.count
                throw StoreError(
                    problems.containsErrors ? .invalidDocuments : .reasonRequired,
                    problems.containsErrors
                        ? "No scores were imported: \(errors) error\(errors == 1 ? "" : "s") in \(sheet.panelist)'s scoresheet."
                        : "No scores were imported: \(errors) score\(errors == 1 ? "" : "s") would change a score already given, and a change needs a reason (--reason).",
                    diagnostics: all + warnings)
            }
            let reference = try document.map { try EventLog.storeDocument(db, file: $0.file, bytes: $0.bytes) }
            var events: [HistoryEvent] = []
            for (score, earlier) in plan {
                let payload = ScorePayload(
                    panelist: score.panelist, submission: score.submission, criterion: score.criterion, value: score.value,
                    rationale: score.rationale.trimmingWhitespace, sheet: reference, amends: earlier?.sequence,
                    previous: earlier.map { ScorePayload.Previous(value: $0.score.value, rationale: $0.score.rationale) })
                let (record, event) = try EventLog.appendEvent(
                    db, kind: earlier == nil ? .scoreGiven : .scoreChanged, payload: payload, actor: actor,
                    reason: earlier == nil ? nil : reason, at: time)
                events.append(event)
                try checkpoint(.appended(sequence: Int(record.sequence), kind: EventKind(rawValue: record.kind)))
            }
            let head = try events.last?.hash ?? EventLog.last(db)?.hash ?? ""
            return ImportReport(events: events, warnings: warnings, unchanged: unchanged, head: head)
        }
    }
}
