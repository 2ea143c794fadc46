import Crypto
import Dispatch
import Foundation
import TenderForms
import TenderModel
import TenderStore
import TenderXML

/// A bulk `<submissions>` file, read bid by bid from disk rather than held in memory.
public struct BulkSubmissionSource: Sendable, Hashable {
    public var path: String

    public init(path: String) { self.path = path }

    /// Whether the file at `path` is a bulk file (its root is `<submissions>`).
    public static func isBulk(path: String) -> Bool { BulkSubmissionFile.isBulk(path: path) }

    /// The same question of a file already read, so that a folder of bids is read once.
    public static func isBulk(_ file: DocumentFile) -> Bool { BulkSubmissionFile.isBulk(bytes: file.bytes) }
}

extension Tender {
    /// Records bids, each with its original bytes.
    ///
    /// Every document is parsed and checked (the XSD, then ``ImportChecks`` against the tender and
    /// its framework) before anything is stored; one bad file and nothing is imported, with every
    /// problem in every file listed. A bid whose id is already on record is refused, unless
    /// `replacementReason` declares the import a replacement; a bid that has been scored cannot
    /// be replaced.
    ///
    /// Single bids are parsed on every core. A bulk file is streamed inside the one write: each
    /// bid is checked and its event appended as it passes, and the file's bytes are copied into
    /// the store in chunks, so memory stays flat whatever its size; any error rolls the whole
    /// import back. Its bytes are hashed before and again while it is read, and a file that
    /// changes meanwhile is refused.
    ///
    /// Bids sent as response forms (`forms`) pass the same checks in the same write. Each form is
    /// read against the tender's criteria by its markers; its bytes, each appendix's bytes and
    /// the submission XML derived from it are kept, and the event records all their SHA-256s
    /// (``SubmissionPayload``), so `verify` checks every one and the derived bid names the
    /// form's digest (`Submission.original`).
    public func importSubmissions(
        _ documents: [DocumentFile], bulk: [BulkSubmissionSource] = [], forms: [ReceivedForm] = [],
        by person: ActingPerson, replacementReason: String? = nil
    ) async throws(StoreError) -> ImportReport {
        let replacementReason = try TextInput.reason(replacementReason)
        guard !documents.isEmpty || !bulk.isEmpty || !forms.isEmpty else {
            throw StoreError(
                .invalidInput, "No submission files were given (a folder given holds no .xml files and no response form).")
        }
        var problems: [Diagnostic] = []
        var received: [(document: DocumentFile, submissions: [Submission], warnings: [Diagnostic])] = []
        for (document, result) in zip(documents, Self.parseInParallel(documents, options: documentOptions)) {
            switch result {
            case .success(let loaded):
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
        var bulkFiles: [FileDigest] = []
        for source in bulk {
            do {
                bulkFiles.append(try FileDigest.of(source.path, limit: documentOptions.maxBulkBytes))
            } catch {
                problems += error.diagnostics
            }
        }
        let fileCount = documents.count + bulk.count + forms.count
        let options = documentOptions
        let parsingProblems = problems
        let parsed = received
        let prepared = replacementReason == nil ? Self.prepareFirstReceipts(parsed) : []
        let digests = bulkFiles
        // The bids on record are read whole only when one may be replaced (to tell an identical
        // copy); a first import needs only their ids, not hundreds of megabytes of answers.
        let scope: SnapshotScope = replacementReason == nil ? [] : .responses
        return try await change(by: person, scope: scope) { snapshot, recorder in
            var problems = parsingProblems
            let existing = Dictionary(
                snapshot.submissions.map { ($0.submission.id, $0) }, uniquingKeysWith: { first, _ in first })
            let scored = Set(snapshot.scores.map(\.score.submission)).union(snapshot.consensus.map(\.consensus.submission))
            var warnings: [Diagnostic] = []
            var seen: [String: String] = [:]
            var events: [HistoryEvent] = []

            /// The checks of one bid; false when it may not be imported.
            func check(_ submission: Submission, file: String, documentSHA256: String) -> Bool {
                let errorsBefore = problems.count
                let at = submission.location ?? SourceLocation(file: file, line: 1, column: 1)
                let checks = ImportChecks.check(submission, tender: snapshot.id, criteria: snapshot.criteria)
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
                    problems.append(.error(at: at, "\(submission.id) has already been scored, so it can no longer be replaced"))
                } else if earlier.isSame(as: submission, documentSHA256: documentSHA256) {
                    problems.append(
                        .error(
                            at: at,
                            "\(submission.id) is identical to the bid received at event \(earlier.sequence); there is nothing to replace"))
                }
                return problems.count == errorsBefore
            }

            func append(
                _ submission: Submission, document reference: DocumentReference, appendices: [DocumentReference]? = nil,
                derived: DocumentReference? = nil
            ) throws -> HistoryEvent {
                let earlier = existing[submission.id]
                return try recorder.append(
                    earlier == nil ? .submissionReceived : .submissionReplaced,
                    SubmissionPayload(
                        submission: submission, document: reference, amends: earlier?.sequence, appendices: appendices,
                        derived: derived),
                    reason: earlier == nil ? nil : replacementReason)
            }

            for (index, entry) in parsed.enumerated() {
                warnings += entry.warnings
                let sha = index < prepared.count ? prepared[index].document.reference.sha256 : Digest.sha256(entry.document.bytes)
                for submission in entry.submissions {
                    _ = check(submission, file: entry.document.file, documentSHA256: sha)
                }
            }
            let readForms = forms.compactMap { form -> (form: ReceivedForm, read: CompletedForm, xml: [UInt8])? in
                guard let read = Self.interpret(form, snapshot: snapshot, options: options, problems: &problems) else {
                    return nil
                }
                // The form reader's warnings are whole lines (`FILE: warning: ...`); keep the words.
                let prefix = "\(form.path): warning: "
                warnings += read.read.warnings.map {
                    .warning(at: .wholeFile(form.path), $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0)
                }
                _ = check(read.read.submission, file: form.path, documentSHA256: read.read.original.sha256)
                return (form, read.read, read.xml)
            }
            // Bulk files: each bid's event is appended as it passes, while nothing is wrong; one
            // error anywhere and the write is rolled back below.
            for digest in digests {
                let reference = DocumentReference(file: digest.path, sha256: digest.sha256, bytes: digest.bytes)
                var hasher = SHA256()
                let report = try BulkSubmissionFile(path: digest.path, options: options).read(
                    observingBytes: { hasher.update(bufferPointer: $0) }
                ) { submission in
                    guard check(submission, file: digest.path, documentSHA256: digest.sha256), !problems.containsErrors else {
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
                        .error(
                            at: SourceLocation(file: digest.path, line: 1, column: 1),
                            "the file changed while it was being read; import it again"))
                }
                if !problems.containsErrors {
                    _ = try recorder.sink.keep(digest.source)
                }
            }
            if problems.containsErrors {
                let errors = problems.filter { $0.severity == .error }.count
                throw StoreError(
                    .invalidDocuments,
                    "Nothing was imported: \(errors) error\(errors == 1 ? "" : "s") in the \(fileCount) file\(fileCount == 1 ? "" : "s") given.",
                    diagnostics: problems + warnings)
            }
            for (index, entry) in parsed.enumerated() {
                // Hashed before the write, with its bids' payloads encoded, for a first receipt.
                let reference =
                    index < prepared.count ? try recorder.sink.keep(prepared[index].document) : try recorder.keep(entry.document)
                for (place, submission) in entry.submissions.enumerated() {
                    if index < prepared.count, existing[submission.id] == nil, let encoded = prepared[index].payloads[place] {
                        events.append(try recorder.append(.submissionReceived, encoded))
                    } else {
                        events.append(try append(submission, document: reference))
                    }
                }
            }
            for entry in readForms {
                let original = try recorder.sink.keep([UInt8](entry.form.form.bytes), file: entry.form.path)
                let appendices = try entry.form.appendices.map { try recorder.sink.keep([UInt8]($0.file.bytes), file: $0.path) }
                let derived = try recorder.sink.keep(entry.xml, file: entry.read.submission.id + ".xml")
                events.append(try append(entry.read.submission, document: original, appendices: appendices, derived: derived))
            }
            return ImportReport(events: events, warnings: warnings, unchanged: 0, head: recorder.sink.head)
        }
    }

    /// Reads one form against the tender's criteria and checks that the submission XML derived
    /// from it is itself a valid bid; nil, with the reason in `problems`, when either fails.
    private static func interpret(
        _ form: ReceivedForm, snapshot: TenderSnapshot, options: DocumentReadOptions, problems: inout [Diagnostic]
    ) -> (read: CompletedForm, xml: [UInt8])? {
        let read: CompletedForm
        do throws(FormError) {
            read = try CompletedForm.read(
                form.form, path: form.path, appendices: form.appendices.map(\.file), criteria: snapshot.criteria,
                tender: snapshot.id, submissionID: form.submissionID, submitted: form.submitted)
        } catch {
            problems.append(.error(at: .wholeFile(error.file), error.message))
            return nil
        }
        let xml = Array(read.submissionXML.utf8)
        do throws(DocumentError) {
            guard case .submission = try DocumentLoader(options: options).load(bytes: xml, file: form.path).document else {
                problems.append(.error(at: .wholeFile(form.path), "the form did not give a submission; nothing was read from it"))
                return nil
            }
        } catch {
            let first = error.diagnostics.first?.message ?? "it does not validate"
            problems.append(
                .error(at: .wholeFile(form.path), "the submission derived from this form is not valid (\(first)); check the form's answers"))
            return nil
        }
        return (read, xml)
    }

    /// Each parsed document's reference and each of its bids' payloads as a first receipt
    /// records them, worked out on every core before the write (``EncodedPayload``): inside
    /// the write, events are appended one after another. A payload that cannot be encoded here
    /// is left to the write, which reports the error as it always has.
    private static func prepareFirstReceipts(
        _ parsed: [(document: DocumentFile, submissions: [Submission], warnings: [Diagnostic])]
    ) -> [(document: HashedDocument, payloads: [EncodedPayload?])] {
        parsed.concurrentMap(minimumCount: 16) { entry in
            let document = HashedDocument(file: entry.document.file, bytes: entry.document.bytes)
            return (
                document,
                entry.submissions.map {
                    try? EncodedPayload(SubmissionPayload(submission: $0, document: document.reference, amends: nil))
                }
            )
        }
    }

    /// Parses documents on every core; the results keep their order.
    private static func parseInParallel(
        _ documents: [DocumentFile], options: DocumentReadOptions
    ) -> [Result<LoadedDocument, DocumentError>] {
        let slots = ResultSlots<Result<LoadedDocument, DocumentError>>(count: documents.count)
        let loader = DocumentLoader(options: options)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            let document = documents[index]
            slots.set(index, Result { () throws(DocumentError) -> LoadedDocument in
                try loader.load(bytes: document.bytes, file: document.file)
            })
        }
        return slots.results
    }
}
