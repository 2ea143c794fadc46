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
