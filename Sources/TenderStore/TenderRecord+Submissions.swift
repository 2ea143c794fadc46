import Crypto
import Dispatch
import Foundation
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
    ///
    /// Files of single bids are read on every core. A bulk `<submissions>` file is streamed
    /// (``BulkSubmissionFile``) inside the one write transaction: each bid is checked and its
    /// event appended as it passes, and the file's bytes are copied into the store in chunks,
    /// so memory stays flat whatever its size; any error rolls the whole import back. Its bytes
    /// are hashed before and again while it is read, and a file that changes meanwhile is
    /// refused. (SQLite keeps one document in one blob of at most 1,000,000,000 bytes.)
    public func importSubmissions(
        files: [String], actor: String, replacementReason: String? = nil
    ) throws(StoreError) -> ImportReport {
        let actor = try Validation.actor(actor)
        let replacementReason = Validation.reason(replacementReason)
        let paths = DocumentFile.expand(files)
        guard !paths.isEmpty else {
            throw StoreError(.invalidInput, "No submission files were given (a folder given holds no .xml files).")
        }
        let bulkPaths = paths.filter { BulkSubmissionFile.isBulk(path: $0) }
        let singlePaths = paths.filter { !bulkPaths.contains($0) }
        var problems: [Diagnostic] = []
        var received: [(document: DocumentFile, submissions: [Submission], warnings: [Diagnostic])] = []
        for result in Self.readInParallel(singlePaths, options: documentOptions) {
            switch result {
            case .success(let (document, loaded)):
                switch loaded.document {
                case .submission(let submission):
                    received.append((document, [submission], loaded.warnings))
                case .submissions(let submissions):
                    received.append((document, submissions, loaded.warnings))
                default:
                    problems.append(
                        .error(
                            at: SourceLocation(file: document.file, line: 1, column: 1),
                            "this is a \(loaded.document.kind.displayName), not a submission"))
                }
            case .failure(let error):
                problems += error.diagnostics
            }
        }
        var bulkFiles: [(path: String, digest: FileDigest)] = []
        for path in bulkPaths {
            do {
                bulkFiles.append((path, try FileDigest.of(path, limit: documentOptions.maxBulkBytes)))
            } catch {
                problems += error.diagnostics
            }
        }
        let time = now()
        let fileCount = paths.count
        let options = documentOptions
        return try write { db in
            try ProjectionReader.requireOpenForChanges(db)
            let tender = try ProjectionReader.tender(db)
            let existing = Dictionary(
                try ProjectionReader.submissions(db).map { ($0.submission.id, $0) }, uniquingKeysWith: { first, _ in first })
            let scored = Set(try ProjectionReader.scores(db).map(\.score.submission))
                .union(try ProjectionReader.consensus(db).map(\.consensus.submission))
            var warnings: [Diagnostic] = []
            var seen: [String: String] = [:]
            var events: [HistoryEvent] = []

            /// The checks of one bid; false when it may not be imported.
            func check(_ submission: Submission, file: String, documentSHA256: String) throws -> Bool {
                let errorsBefore = problems.count
                let at = submission.location ?? SourceLocation(file: file, line: 1, column: 1)
                let checks = ImportChecks.check(submission, tender: tender.id, criteria: tender.criteria)
                problems += checks.filter { $0.severity == .error }
                warnings += checks.filter { $0.severity == .warning }
                if let other = seen[submission.id] {
                    problems.append(.error(at: at, "\(submission.id) is also in \(other); a bid is imported once"))
                }
                seen[submission.id] = file
                guard let earlier = existing[submission.id] else { return problems.count == errorsBefore }
                guard replacementReason != nil else {
                    problems.append(
                        .error(
                            at: at,
                            "\(submission.id) was already received (event \(earlier.sequence)); importing it again is refused unless it is a declared replacement with a reason"))
                    return false
                }
                if scored.contains(submission.id) {
                    problems.append(
                        .error(
                            at: at,
                            "\(submission.id) has already been scored, so it can no longer be replaced"))
                } else if earlier.documentSHA256 == documentSHA256,
                    earlier.json == (try CanonicalJSON.encode(StoredSubmission(submission)))
                {
                    problems.append(
                        .error(
                            at: at,
                            "\(submission.id) is identical to the bid received at event \(earlier.sequence); there is nothing to replace"))
                }
                return problems.count == errorsBefore
            }

            func append(_ submission: Submission, document reference: DocumentReference) throws -> HistoryEvent {
                let earlier = existing[submission.id]
                let (record, event) = try EventLog.appendEvent(
                    db, kind: earlier == nil ? .submissionReceived : .submissionReplaced,
                    payload: SubmissionPayload(
                        submission: StoredSubmission(submission), document: reference, amends: earlier?.sequence),
                    actor: actor, reason: earlier == nil ? nil : replacementReason, at: time)
                try checkpoint(.appended(sequence: Int(record.sequence), kind: EventKind(rawValue: record.kind)))
                return event
            }

            for entry in received {
                warnings += entry.warnings
                let sha = Digest.sha256(entry.document.bytes)
                for submission in entry.submissions {
                    _ = try check(submission, file: entry.document.file, documentSHA256: sha)
                }
            }
            // Bulk files: each bid's event is appended as it passes, while nothing is wrong; one
            // error anywhere and the transaction is rolled back below.
            for (path, digest) in bulkFiles {
                let reference = DocumentReference(file: path, sha256: digest.sha256, bytes: digest.bytes)
                var hasher = SHA256()
                let report = try BulkSubmissionFile(path: path, options: options).read(
                    observingBytes: { hasher.update(bufferPointer: $0) }
                ) { submission in
                    guard try check(submission, file: path, documentSHA256: digest.sha256), !problems.containsErrors else {
                        return
                    }
                    var event = try append(submission, document: reference)
                    // Thousands of bids: the report keeps each event's summary, not its payload.
                    event.payload = ""
                    events.append(event)
                }
                problems += report.diagnostics.filter { $0.severity == .error }
                warnings += report.diagnostics.filter { $0.severity == .warning }
                if report.isValid, Digest.hex(Array(hasher.finalize())) != digest.sha256 {
                    problems.append(
                        .error(at: SourceLocation(file: path, line: 1, column: 1), "the file changed while it was being read; import it again"))
                }
                if !problems.containsErrors {
                    try EventLog.storeDocument(db, file: path, streamingFrom: digest)
                }
            }
            if problems.containsErrors {
                let errors = problems.filter { $0.severity == .error }.count
                throw StoreError(
                    .invalidDocuments,
                    "Nothing was imported: \(errors) error\(errors == 1 ? "" : "s") in the \(fileCount) file\(fileCount == 1 ? "" : "s") given.",
                    diagnostics: problems + warnings)
            }
            for entry in received {
                let reference = try EventLog.storeDocument(db, file: entry.document.file, bytes: entry.document.bytes)
                for submission in entry.submissions {
                    events.append(try append(submission, document: reference))
                }
            }
            return ImportReport(events: events, warnings: warnings, unchanged: 0, head: try EventLog.last(db)?.hash ?? "")
        }
    }

    /// Reads and parses files on every core; the results keep the order of `paths`.
    private static func readInParallel(
        _ paths: [String], options: DocumentReadOptions
    ) -> [Result<(DocumentFile, LoadedDocument), DocumentError>] {
        let slots = ResultSlots<Result<(DocumentFile, LoadedDocument), DocumentError>>(count: paths.count)
        let loader = DocumentLoader(options: options)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let result = Result { () throws(DocumentError) -> (DocumentFile, LoadedDocument) in
                let document = try DocumentFile.read(paths[index], options: options)
                return (document, try loader.load(bytes: document.bytes, file: paths[index]))
            }
            slots.set(index, result)
        }
        return slots.results
    }
}
