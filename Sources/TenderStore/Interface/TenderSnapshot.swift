import TenderModel

/// One tender as the projection tables hold it at one moment, read in one transaction.
///
/// Every rule of the workflow is decided on a snapshot read inside the write it guards
/// (``TenderStorage/write(tender:scope:_:)``), so what a rule checked cannot change before the
/// change it allows is recorded.
public struct TenderSnapshot: Sendable {
    public var summary: TenderSummary
    public var criteria: Criteria
    public var panel: RecordedPanel?
    /// Every bid, in id order; without ``SnapshotScope/responses`` each has no answers.
    public var submissions: [RecordedSubmission]
    /// The current score of every member on every item they scored, by item then member.
    public var scores: [RecordedScore]
    /// Every consensus agreed in moderation (the latest, where changed).
    public var consensus: [RecordedConsensus]
    /// The hash of the last event.
    public var head: String
    public var eventCount: Int64
    /// Every member's answer to the conflict declaration, by member then bid.
    public var declarations: [RecordedDeclaration]
    /// The members who handed in their scores, with the event that recorded it.
    public var handIns: [String: Int64]

    /// The panel on record carries, besides the conflicts of its document, every conflict a
    /// member declared (``RecordedDeclaration``), so that every rule about conflicts applies to
    /// both alike. ``RecordedPanel/canonical`` stays the document's own.
    public init(
        summary: TenderSummary, criteria: Criteria, panel: RecordedPanel?, submissions: [RecordedSubmission],
        scores: [RecordedScore], consensus: [RecordedConsensus], head: String, eventCount: Int64,
        declarations: [RecordedDeclaration] = [], handIns: [String: Int64] = [:]
    ) {
        self.summary = summary
        self.criteria = criteria
        var panel = panel
        for declared in declarations where declared.conflict {
            if panel?.panel.isConflicted(member: declared.member, submission: declared.submission) == false {
                panel?.panel.conflicts.append(
                    Conflict(member: declared.member, submission: declared.submission, reason: declared.details))
            }
        }
        self.panel = panel
        self.submissions = submissions
        self.scores = scores
        self.consensus = consensus
        self.head = head
        self.eventCount = eventCount
        self.declarations = declarations
        self.handIns = handIns
    }

    /// Whether `member` has made the conflict declaration.
    public func hasDeclared(_ member: String) -> Bool { declarations.contains { $0.member == member } }

    public var id: String { summary.id }

    /// Refuses any change once the tender is finalised.
    public func requireOpenForChanges() throws(StoreError) {
        if let finalisation = summary.finalisation {
            throw StoreError(
                .finalised,
                "The tender was finalised at event \(finalisation.sequence) (\(finalisation.reason)); no further changes are accepted.")
        }
    }
}

/// The panel on record and the event that recorded it.
public struct RecordedPanel: Sendable, Hashable {
    public var panel: Panel
    /// The panel's canonical form as stored: equal forms mean the same panel.
    public var canonical: String
    public var sequence: Int64

    public init(panel: Panel, canonical: String, sequence: Int64) {
        self.panel = panel
        self.canonical = canonical
        self.sequence = sequence
    }

    /// Whether `other` is exactly the panel on record.
    public func isSame(as other: Panel) -> Bool {
        (try? CanonicalJSON.encode(StoredPanel(other))) == canonical
    }
}

public struct RecordedSubmission: Sendable, Hashable {
    public var submission: Submission
    /// The bid's canonical form as stored; nil in a snapshot read without its answers.
    public var canonical: String?
    public var documentSHA256: String
    public var sequence: Int64

    public init(submission: Submission, canonical: String?, documentSHA256: String, sequence: Int64) {
        self.submission = submission
        self.canonical = canonical
        self.documentSHA256 = documentSHA256
        self.sequence = sequence
    }

    /// Whether `other`, received in a document with `documentSHA256`, is exactly this bid.
    public func isSame(as other: Submission, documentSHA256 sha: String) -> Bool {
        guard sha == documentSHA256, let canonical else { return false }
        return (try? CanonicalJSON.encode(StoredSubmission(other))) == canonical
    }
}

public struct RecordedScore: Sendable, Hashable {
    public var score: Score
    public var sequence: Int64

    public init(score: Score, sequence: Int64) {
        self.score = score
        self.sequence = sequence
    }
}

public struct RecordedConsensus: Sendable, Hashable {
    public var consensus: Consensus
    public var sequence: Int64

    public init(consensus: Consensus, sequence: Int64) {
        self.consensus = consensus
        self.sequence = sequence
    }
}

/// One member's answer about one bid in the conflict declaration.
public struct RecordedDeclaration: Sendable, Hashable {
    public var member: String
    public var submission: String
    public var conflict: Bool
    public var details: String
    public var sequence: Int64

    public init(member: String, submission: String, conflict: Bool, details: String, sequence: Int64) {
        self.member = member
        self.submission = submission
        self.conflict = conflict
        self.details = details
        self.sequence = sequence
    }
}
