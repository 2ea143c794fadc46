import TenderModel
import TenderStore
import TenderXML

extension Tender {
    /// Records the panel and its declared conflicts from a panel document.
    ///
    /// A second panel replaces the first only with a reason, and never in a way that would make
    /// a score already given invalid (a member removed who has scored, or a new conflict over a
    /// bid the member already scored: withdraw those scores first with
    /// ``withdrawScores(member:submission:reason:by:)``). The same panel given again changes
    /// nothing.
    public func importPanel(_ document: DocumentFile, by person: ActingPerson, reason: String? = nil) async throws(StoreError)
        -> ImportReport
    {
        let reason = try TextInput.reason(reason)
        let loaded = try load(document, expecting: .panel)
        guard case .panel(let panel) = loaded.document else {
            throw StoreError(.invalidDocuments, "\(document.file) is not a panel; nothing was imported.")
        }
        return try await change(by: person) { snapshot, recorder in
            let file = document.file
            let at = panel.members.first?.location ?? SourceLocation(file: file, line: 1, column: 1)
            var problems: [Diagnostic] = []
            if panel.tender != snapshot.id {
                problems.append(.error(at: at, "the panel is for tender \(panel.tender), but this store holds tender \(snapshot.id)"))
            }
            let existing = snapshot.panel
            if let existing {
                if existing.isSame(as: panel) {
                    return ImportReport(events: [], warnings: loaded.warnings, unchanged: 1, head: snapshot.head)
                }
                guard reason != nil else {
                    throw StoreError(
                        .reasonRequired,
                        "A panel is already recorded (event \(existing.sequence)). Replacing it needs a reason (--reason); nothing was changed.")
                }
                var reported: Set<String> = []
                for row in snapshot.scores {
                    let score = row.score
                    if panel.member(score.panelist) == nil, reported.insert(score.panelist).inserted {
                        problems.append(
                            .error(
                                at: at,
                                "'\(score.panelist)' has scores on record (event \(row.sequence) and others) and cannot be left off the panel"))
                    } else if panel.isConflicted(member: score.panelist, submission: score.submission),
                        reported.insert("\(score.panelist)/\(score.submission)").inserted
                    {
                        let conflict = panel.conflicts.first { $0.member == score.panelist && $0.submission == score.submission }
                        problems.append(
                            .error(
                                at: conflict?.location ?? at,
                                "'\(score.panelist)' already scored \(score.submission) (event \(row.sequence)); to record this conflict, first withdraw those scores with `tenderscore scores withdraw --panelist \(score.panelist) --submission \(score.submission) --reason …`"))
                    }
                }
            }
            if problems.containsErrors {
                throw StoreError(
                    .invalidDocuments, "The panel was not imported: \(file) has errors.", diagnostics: problems + loaded.warnings)
            }
            let reference = try recorder.keep(document)
            let event = try recorder.append(
                existing == nil ? .panelImported : .panelReplaced,
                PanelPayload(panel: panel, document: reference, amends: existing?.sequence), reason: reason)
            return ImportReport(events: [event], warnings: loaded.warnings, unchanged: 0, head: event.hash)
        }
    }

    /// Parses one document that must be of `kind`; refuses it with every problem found.
    func load(_ document: DocumentFile, expecting kind: DocumentKind) throws(StoreError) -> LoadedDocument {
        do throws(DocumentError) {
            let loaded = try DocumentLoader(options: documentOptions).load(bytes: document.bytes, file: document.file)
            guard loaded.document.kind == kind else {
                throw DocumentError(
                    .error(
                        at: SourceLocation(file: document.file, line: 1, column: 1),
                        "this is a \(loaded.document.kind.displayName), not a \(kind.displayName)"))
            }
            return loaded
        } catch {
            throw StoreError(.invalidDocuments, "Nothing was imported: \(document.file) has errors.", diagnostics: error.diagnostics)
        }
    }
}
