import Foundation
import GRDB
import TenderModel

extension TenderRecord {
    /// The tender, the framework it adopted, and whether it is finalised.
    public func tender() throws(StoreError) -> TenderSummary {
        try read { db in
            let row = try ProjectionReader.tender(db)
            return TenderSummary(
                id: row.id, title: row.title, criteriaID: row.criteria.id, criteriaVersion: row.criteria.version,
                criteriaSHA256: row.criteriaDocument,
                createdAt: Timestamp.date(row.createdAt) ?? Date(timeIntervalSince1970: 0),
                finalisation: try ProjectionReader.finalisation(db))
        }
    }

    /// The criteria framework exactly as adopted at `init`.
    public func criteria() throws(StoreError) -> Criteria {
        try read { db in try ProjectionReader.tender(db).criteria }
    }

    /// The criteria framework's original bytes, as adopted.
    public func criteriaDocument() throws(StoreError) -> [UInt8] {
        try read { db in
            let sha = try ProjectionReader.tender(db).criteriaDocument
            guard let bytes = try ProjectionReader.document(db, sha256: sha) else {
                throw StoreError(.damaged, "the criteria framework's original bytes are missing; run verify")
            }
            return bytes
        }
    }

    /// The panel on record, or nil before one is imported.
    public func panel() throws(StoreError) -> Panel? {
        try read { db in try ProjectionReader.panel(db)?.panel }
    }

    /// Every bid on record, in id order.
    public func submissions() throws(StoreError) -> [Submission] {
        try read { db in try ProjectionReader.submissions(db).map(\.submission) }
    }

    /// Every bid on record, in id order; without `includingResponses`, each without its answers,
    /// registration and locality: what scoring and ranking need. Those are read from the
    /// submissions table's own columns rather than by decoding every bid's JSON, which for a
    /// national framework runs to hundreds of megabytes of answers.
    public func submissions(includingResponses: Bool) throws(StoreError) -> [Submission] {
        guard !includingResponses else { return try submissions() }
        return try read { db in try ProjectionReader.submissionsForScoring(db) }
    }

    /// The bytes of a bid exactly as received (the last replacement, if it was replaced), with
    /// the file name it came in and their SHA-256; nil when there is no such bid.
    public func originalDocument(ofSubmission id: String) throws(StoreError) -> ReceivedDocument? {
        try read { db in
            guard let row = try ProjectionReader.submissions(db).first(where: { $0.submission.id == id }) else {
                return nil
            }
            guard let bytes = try ProjectionReader.document(db, sha256: row.documentSHA256),
                let event = try EventLog.event(db, sequence: row.sequence),
                let payload = try? CanonicalJSON.decode(SubmissionPayload.self, from: event.payload)
            else {
                throw StoreError(.damaged, "the original document of \(id) is missing; run verify")
            }
            return ReceivedDocument(file: payload.document.file, sha256: row.documentSHA256, bytes: bytes)
        }
    }

    /// The current score of every member on every item they scored (the latest, where changed).
    public func scores() throws(StoreError) -> [Score] {
        try read { db in try ProjectionReader.scores(db).map(\.score) }
    }

    /// Every consensus agreed in moderation (the latest, where changed).
    public func consensus() throws(StoreError) -> [Consensus] {
        try read { db in try ProjectionReader.consensus(db).map(\.consensus) }
    }

    /// The history, oldest first. With `submission` or `member`, only the events that concern
    /// that bid or that panel member (or that the member made).
    public func events(submission: String? = nil, member: String? = nil) throws(StoreError) -> [HistoryEvent] {
        try read { db in
            try EventLog.all(db).map(HistoryEvent.init).filter { event in
                (submission.map { event.submissions.contains($0) } ?? true)
                    && (member.map { event.members.contains($0) || event.actor == $0 } ?? true)
            }
        }
    }

    /// The last event's sequence number and hash.
    public func head() throws(StoreError) -> (sequence: Int, hash: String) {
        try read { db in
            guard let last = try EventLog.last(db) else {
                throw StoreError(.damaged, "the store's history is empty; run verify")
            }
            return (Int(last.sequence), last.hash)
        }
    }
}
