import GRDB
import TenderModel
import TenderXML

extension TenderRecord {
    /// Records the panel and its declared conflicts from a panel document.
    ///
    /// A second panel replaces the first only with a reason, and never in a way that would make
    /// a score already given invalid (a member removed who has scored, or a new conflict over a
    /// bid the member already scored). The same panel given again changes nothing.
    public func importPanel(file: String, actor: String, reason: String? = nil) throws(StoreError) -> ImportReport {
        let actor = try Validation.actor(actor)
        let reason = Validation.reason(reason)
        let (document, loaded) = try loadOne(file, expecting: .panel)
        guard case .panel(let panel) = loaded.document else {
            throw StoreError(.invalidDocuments, "\(file) is not a panel; nothing was imported.")
        }
        let time = now()
        return try write { db in
            try ProjectionReader.requireOpenForChanges(db)
            let tender = try ProjectionReader.tender(db)
            let at = panel.members.first?.location ?? SourceLocation(file: file, line: 1, column: 1)
            var problems: [Diagnostic] = []
            if panel.tender != tender.id {
                problems.append(.error(at: at, "the panel is for tender \(panel.tender), but this store holds tender \(tender.id)"))
            }
            let existing = try ProjectionReader.panel(db)
            let stored = StoredPanel(panel)
            if let existing {
                if existing.json == (try CanonicalJSON.encode(stored)) {
                    return ImportReport(
                        events: [], warnings: loaded.warnings, unchanged: 1, head: try EventLog.last(db)?.hash ?? "")
                }
                guard reason != nil else {
                    throw StoreError(
                        .reasonRequired,
                        "A panel is already recorded (event \(existing.sequence)). Replacing it needs a reason (--reason); nothing was changed.")
                }
                var reported: Set<String> = []
                for row in try ProjectionReader.scores(db) {
                    let score = row.score
                    if panel.member(score.panelist) == nil, reported.insert(score.panelist).inserted {
                        problems.append(
                            .error(
                                at: at,
                                "'\(score.panelist)' has scores on record (event \(row.sequence) and others) and cannot be left off the panel"))
                    } else if panel.isConflicted(member: score.panelist, submission: score.submission),
                        reported.insert("\(score.panelist)/\(score.submission)").inserted
                    {
                        let conflict = panel.conflicts.first {
                            $0.member == score.panelist && $0.submission == score.submission
                        }
                        problems.append(
                            .error(
                                at: conflict?.location ?? at,
                                "'\(score.panelist)' already scored \(score.submission) (event \(row.sequence)); a conflict declared now needs those scores handled first"))
                    }
                }
            }
            if problems.containsErrors {
                throw StoreError(
                    .invalidDocuments, "The panel was not imported: \(file) has errors.", diagnostics: problems + loaded.warnings)
            }
            let reference = try EventLog.storeDocument(db, file: file, bytes: document.bytes)
            let record = try EventLog.append(
                db, kind: existing == nil ? .panelImported : .panelReplaced,
                payload: PanelPayload(panel: stored, document: reference, amends: existing?.sequence), actor: actor,
                reason: reason, at: time)
            try checkpoint(.appended(sequence: Int(record.sequence), kind: EventKind(rawValue: record.kind)))
            return ImportReport(events: [HistoryEvent(record)], warnings: loaded.warnings, unchanged: 0, head: record.hash)
        }
    }

    /// Reads and parses one document that must be of `kind`; refuses it with every problem found.
    func loadOne(_ file: String, expecting kind: DocumentKind) throws(StoreError) -> (DocumentFile, LoadedDocument) {
        do throws(DocumentError) {
            let document = try DocumentFile.read(file, options: documentOptions)
            let loaded = try DocumentLoader(options: documentOptions).load(bytes: document.bytes, file: file)
            guard loaded.document.kind == kind else {
                throw DocumentError(
                    .error(
                        at: SourceLocation(file: file, line: 1, column: 1),
                        "this is a \(loaded.document.kind.displayName), not a \(kind.displayName)"))
            }
            return (document, loaded)
        } catch {
            throw StoreError(
                .invalidDocuments, "Nothing was imported: \(file) has errors.", diagnostics: error.diagnostics)
        }
    }
}
