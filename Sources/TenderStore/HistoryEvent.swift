import Foundation

/// One entry of the audit history, as stored, with a one-line summary for people.
public struct HistoryEvent: Sendable, Hashable, Identifiable {
    /// 1, 2, 3... with no gaps: the position in the history.
    public var sequence: Int
    /// When it was recorded, in UTC, to the millisecond.
    public var recordedAt: Date
    /// `recordedAt` exactly as stored and hashed: `2026-10-02T14:20:00.000Z`.
    public var timestamp: String
    /// Who made the change, as the caller named them.
    public var actor: String
    public var kind: EventKind
    /// What changed: canonical JSON (see the DocC article for its rules).
    public var payload: String
    /// Why, where a reason applies (changing a score, replacing a bid, finalising).
    public var reason: String?
    /// The sequence number of the earlier event this one amends, if any.
    public var amends: Int?
    /// Submissions and panel members the event concerns, for `audit log --submission/--member`.
    public var submissions: [String]
    public var members: [String]
    /// Plain words: "p-amira scored BID-001 on local-assets: 4".
    public var summary: String
    /// The file name of the first document the event received (a bid, a panel, a sheet).
    public var documentFile: String?
    public var previousHash: String
    /// SHA-256 of this event's content and of `previousHash`: see ``HistoryVerifier``.
    public var hash: String

    public var id: Int { sequence }

    package init(_ record: EventRecord) {
        self.init(record, meaning: try? EventInterpretation(record))
    }

    package init(_ record: EventRecord, meaning: EventInterpretation?) {
        sequence = Int(record.sequence)
        timestamp = record.recordedAt
        recordedAt = Timestamp.date(record.recordedAt) ?? Date(timeIntervalSince1970: 0)
        actor = record.actor
        kind = EventKind(rawValue: record.kind)
        payload = record.payload
        reason = record.reason
        previousHash = record.previousHash
        hash = record.hash
        if let meaning {
            amends = meaning.amends.map(Int.init)
            submissions = meaning.submissions
            members = meaning.members
            summary = meaning.summary
            documentFile = meaning.documents.first?.file
        } else {
            amends = nil
            submissions = []
            members = []
            summary = "(this event's payload cannot be read; run verify)"
            documentFile = nil
        }
    }
}
