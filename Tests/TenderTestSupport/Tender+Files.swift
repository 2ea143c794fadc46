import Foundation
import TenderModel
import TenderStore
import TenderWorkflow

/// The use cases as tests call them: documents by path, people by name. Paths are a front
/// end's business, so these live here, not in the workflow.
extension Tender {
    public func importPanel(file: String, actor: String, reason: String? = nil) async throws -> ImportReport {
        try await importPanel(DocumentFile.read(file, options: documentOptions), by: ActingPerson(actor), reason: reason)
    }

    public func importSubmissions(files: [String], actor: String, replacementReason: String? = nil) async throws
        -> ImportReport
    {
        let files = files.flatMap { path -> [String] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".xml") }.sorted().map { path + "/" + $0 }
        }
        let bulk = files.filter(BulkSubmissionSource.isBulk(path:))
        return try await importSubmissions(
            files.filter { !bulk.contains($0) }.map { try DocumentFile.read($0, options: documentOptions) },
            bulk: bulk.map(BulkSubmissionSource.init), by: ActingPerson(actor), replacementReason: replacementReason)
    }

    /// Imports bids sent as response forms, each a folder named for its bid (form + appendices).
    public func importForms(
        folders: [String], actor: String, submitted: Date = Date(timeIntervalSince1970: 1_791_450_000),
        replacementReason: String? = nil
    ) async throws -> ImportReport {
        let forms = try folders.map { try ReceivedForm.read(folder: $0, submitted: submitted) }
        return try await importSubmissions([], forms: forms, by: ActingPerson(actor), replacementReason: replacementReason)
    }

    public func importScores(file: String, actor: String, reason: String? = nil) async throws -> ImportReport {
        try await importScores(DocumentFile.read(file, options: documentOptions), by: ActingPerson(actor), reason: reason)
    }

    public func importScores(sheet: Scoresheet, actor: String, reason: String? = nil) async throws -> ImportReport {
        try await importScores(sheet: sheet, by: ActingPerson(actor), reason: reason)
    }

    @discardableResult
    public func recordConsensus(
        submission: String, criterion: String, value: Int, rationale: String, attendees: [String] = [],
        dissenters: [String] = [], actor: String, reason: String? = nil
    ) async throws -> Consensus {
        try await agree(
            submission: submission, criterion: criterion, value: value, rationale: rationale, attendees: attendees,
            dissenters: dissenters, by: ActingPerson(actor), reason: reason
        ).consensus
    }

    public func finalise(reason: String, actor: String) async throws -> String {
        try await finalise(reason: reason, by: ActingPerson(actor))
    }

    public func tender() async throws -> TenderSummary { try await snapshot().summary }
    public func criteria() async throws -> Criteria { try await snapshot().criteria }
    public func panel() async throws -> Panel? { try await snapshot().panel?.panel }
    public func submissions() async throws -> [Submission] { try await snapshot(.responses).submissions.map(\.submission) }
    public func scores() async throws -> [Score] { try await snapshot().scores.map(\.score) }
    public func consensus() async throws -> [Consensus] { try await snapshot().consensus.map(\.consensus) }

    /// The history as a commissioner (not on the panel) reads it.
    public func events(submission: String? = nil, member: String? = nil) async throws -> [HistoryEvent] {
        try await history(for: ActingPerson("Auditor", standing: .auditor), submission: submission, member: member)
    }

    public func head() async throws -> (sequence: Int, hash: String) {
        let snapshot = try await snapshot()
        return (Int(snapshot.eventCount), snapshot.head)
    }

    public func currentScore(_ panelist: String, _ submission: String, _ criterion: String) async throws -> Score? {
        try await scores().first { $0.panelist == panelist && $0.submission == submission && $0.criterion == criterion }
    }
}
