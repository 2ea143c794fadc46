import GRDB
import TenderModel
import TenderXML

extension TenderRecord {
    /// Records bids, each with its original bytes. Folders are read for their `.xml` files.
    ///
    /// Every file is read and checked (the XSD, then ``ImportChecks`` against the tender and its
    /// framework) before anything is stored; one bad file and nothing is imported, with every
    /// problem in every file listed. A bid whose id is already on record is refused, unless
    /// `replacementReason` declares the import a replacement; a bid that has been scored cannot
    /// be replaced.
    public func importSubmissions(
        files: [String], actor: String, replacementReason: String? = nil
    ) throws(StoreError) -> ImportReport {
        let actor = try Validation.actor(actor)
        let replacementReason = Validation.reason(replacementReason)
        let paths = DocumentFile.expand(files)
        guard !paths.isEmpty else {
            throw StoreError(.invalidInput, "No submission files were given (a folder given holds no .xml files).")
        }
        var problems: [Diagnostic] = []
        var received: [(document: DocumentFile, submissions: [Submission], warnings: [Diagnostic])] = []
        let loader = DocumentLoader(options: documentOptions)
        for path in paths {
            do {
                let document = try DocumentFile.read(path, options: documentOptions)
                let loaded = try loader.load(bytes: document.bytes, file: path)
                switch loaded.document {
                case .submission(let submission):
                    received.append((document, [submission], loaded.warnings))
                case .submissions(let submissions):
                    received.append((document, submissions, loaded.warnings))
                default:
                    problems.append(
                        .error(
                            at: SourceLocation(file: path, line: 1, column: 1),
                            "this is a \(loaded.document.kind.displayName), not a submission"))
                }
            } catch {
                problems += error.diagnostics
            }
        }
        let time = now()
        let fileCount = paths.count
        return try write { db in
            try ProjectionReader.requireOpenForChanges(db)
            let tender = try ProjectionReader.tender(db)
            let existing = Dictionary(
                try ProjectionReader.submissions(db).map { ($0.submission.id, $0) }, uniquingKeysWith: { first, _ in first })
            let scored = Set(try ProjectionReader.scores(db).map(\.score.submission))
                .union(try ProjectionReader.consensus(db).map(\.consensus.submission))
            var warnings: [Diagnostic] = []
            var seen: [String: String] = [:]
            for entry in received {
                warnings += entry.warnings
                for submission in entry.submissions {
                    let at = submission.location ?? SourceLocation(file: entry.document.file, line: 1, column: 1)
                    let checks = ImportChecks.check(submission, tender: tender.id, criteria: tender.criteria)
                    problems += checks.filter { $0.severity == .error }
                    warnings += checks.filter { $0.severity == .warning }
                    if let other = seen[submission.id] {
                        problems.append(.error(at: at, "\(submission.id) is also in \(other); a bid is imported once"))
                    }
                    seen[submission.id] = entry.document.file
                    guard let earlier = existing[submission.id] else { continue }
                    guard replacementReason != nil else {
                        problems.append(
                            .error(
                                at: at,
                                "\(submission.id) was already received (event \(earlier.sequence)); importing it again is refused unless it is a declared replacement with a reason"))
                        continue
                    }
                    if scored.contains(submission.id) {
                        problems.append(
                            .error(
                                at: at,
                                "\(submission.id) has already been scored, so it can no longer be replaced"))
                    } else if earlier.documentSHA256 == Digest.sha256(entry.document.bytes),
                        earlier.json == (try CanonicalJSON.encode(StoredSubmission(submission)))
                    {
                        problems.append(
                            .error(
                                at: at,
                                "\(submission.id) is identical to the bid received at event \(earlier.sequence); there is nothing to replace"))
                    }
                }
            }
            if problems.containsErrors {
                let errors = problems.filter { $0.severity == .error }.count
                throw StoreError(
                    .invalidDocuments,
                    "Nothing was imported: \(errors) error\(errors == 1 ? "" : "s") in the \(fileCount) file\(fileCount == 1 ? "" : "s") given.",
                    diagnostics: problems + warnings)
            }
            var events: [HistoryEvent] = []
            for entry in received {
                let reference = try EventLog.storeDocument(db, file: entry.document.file, bytes: entry.document.bytes)
                for submission in entry.submissions {
                    let earlier = existing[submission.id]
                    let record = try EventLog.append(
                        db, kind: earlier == nil ? .submissionReceived : .submissionReplaced,
                        payload: SubmissionPayload(
                            submission: StoredSubmission(submission), document: reference, amends: earlier?.sequence),
                        actor: actor, reason: earlier == nil ? nil : replacementReason, at: time)
                    events.append(HistoryEvent(record))
                    try checkpoint(.appended(sequence: Int(record.sequence), kind: EventKind(rawValue: record.kind)))
                }
            }
            return ImportReport(events: events, warnings: warnings, unchanged: 0, head: events.last?.hash ?? "")
        }
    }
}
