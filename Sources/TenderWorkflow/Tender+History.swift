import Foundation
import TenderStore

extension Tender {
    /// The history, oldest first, for `person`. With `submission` or `member`, only the events
    /// that concern that bid or that panel member (or that the member made). A panel member reads
    /// it only after scoring independently: it holds everyone's scores.
    public func history(for person: ActingPerson, submission: String? = nil, member: String? = nil) async throws(StoreError)
        -> [HistoryEvent]
    {
        let snapshot = try await snapshot()
        if snapshot.panel != nil {
            try TenderView(snapshot: snapshot, reader: person).requireIndependence(doing: "read the history")
        }
        let found = EventCollector()
        try await storage.forEachEvent(tender: id) { record in
            let event = HistoryEvent(record)
            if (submission.map { event.submissions.contains($0) } ?? true)
                && (member.map { event.members.contains($0) || event.actor == $0 } ?? true)
            {
                found.events.append(event)
            }
        }
        return found.events
    }

    /// Checks the whole history and the tables against it; see ``HistoryVerifier``.
    public func verify(expectHead: String? = nil) async throws(StoreError) -> Verification {
        try await HistoryVerifier.verify(storage, tender: id, expectHead: expectHead)
    }

    /// The bytes of a bid exactly as received (the last replacement, if it was replaced), with
    /// the file name it came in and their SHA-256; nil when there is no such bid.
    public func originalDocument(ofSubmission submission: String) async throws(StoreError) -> ReceivedDocument? {
        guard let row = try await snapshot().submissions.first(where: { $0.submission.id == submission }) else { return nil }
        guard let bytes = try await storage.document(tender: id, sha256: row.documentSHA256),
            let event = try await storage.event(tender: id, sequence: row.sequence),
            let file = HistoryEvent(event).documentFile
        else {
            throw StoreError(.damaged, "the original document of \(submission) is missing; run verify")
        }
        return ReceivedDocument(file: file, sha256: row.documentSHA256, bytes: bytes)
    }

    /// Every file a bid arrived as (the last replacement, if it was replaced): the original, its
    /// appendices and, for a response form, the submission XML derived from it; nil when there is
    /// no such bid. Each document's bytes are checked against the digest the history records.
    /// A panel member with a declared conflict on the bid is refused: they never read it.
    public func receivedFiles(ofSubmission submission: String, for person: ActingPerson) async throws(StoreError)
        -> ReceivedBid?
    {
        let snapshot = try await snapshot()
        if let panel = snapshot.panel?.panel, let member = person.member(of: panel),
            panel.isConflicted(member: member.id, submission: submission)
        {
            throw StoreError(
                .forbidden, "\(member.id) declared a conflict of interest with \(submission), so does not read it.")
        }
        guard let row = snapshot.submissions.first(where: { $0.submission.id == submission }) else { return nil }
        guard let record = try await storage.event(tender: id, sequence: row.sequence),
            let payload = try? CanonicalJSON.decode(SubmissionPayload.self, from: record.payload)
        else {
            throw StoreError(.damaged, "the event that received \(submission) cannot be read; run verify")
        }
        func read(_ reference: DocumentReference) async throws(StoreError) -> ReceivedDocument {
            guard let bytes = try await storage.document(tender: id, sha256: reference.sha256),
                Digest.sha256(bytes) == reference.sha256
            else {
                throw StoreError(.damaged, "\(reference.file), received with \(submission), is missing or changed; run verify")
            }
            return ReceivedDocument(file: reference.file, sha256: reference.sha256, bytes: bytes)
        }
        var appendices: [ReceivedDocument] = []
        for reference in payload.appendices ?? [] { appendices.append(try await read(reference)) }
        var derived: ReceivedDocument?
        if let reference = payload.derived { derived = try await read(reference) }
        return ReceivedBid(
            submission: submission, original: try await read(payload.document), appendices: appendices, derived: derived)
    }

    /// The criteria framework's original bytes, as adopted.
    public func criteriaDocument() async throws(StoreError) -> [UInt8] {
        let sha = try await snapshot().summary.criteriaSHA256
        guard let bytes = try await storage.document(tender: id, sha256: sha) else {
            throw StoreError(.damaged, "the criteria framework's original bytes are missing; run verify")
        }
        return bytes
    }
}

/// Events gathered while the history streams past, one at a time.
private final class EventCollector: @unchecked Sendable {
    var events: [HistoryEvent] = []
}
