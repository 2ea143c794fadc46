import Foundation
import TenderModel

// The payload of each event kind. Field names are part of the stored format: renaming one
// needs a new format version. Every payload that amends an earlier event names it in `amends`.
// The workflow builds them; backends never look inside.

/// A document kept byte for byte, named by the SHA-256 of its bytes.
public struct DocumentReference: Codable, Sendable, Hashable {
    public var file: String
    public var sha256: String
    public var bytes: Int

    public init(file: String, sha256: String, bytes: Int) {
        self.file = file
        self.sha256 = sha256
        self.bytes = bytes
    }
}

public struct TenderCreatedPayload: Codable, Sendable, Hashable {
    var tender: String
    var title: String
    var criteria: StoredCriteria
    var criteriaDocument: DocumentReference
    /// The contract's budget, in the framework's currency, as a decimal string; absent when none
    /// was given (and then left out of the canonical form, so older histories hash as before).
    var budget: String?

    public init(tender: String, title: String, criteria: Criteria, criteriaDocument: DocumentReference, budget: Decimal? = nil) {
        self.tender = tender
        self.title = title
        self.criteria = StoredCriteria(criteria)
        self.criteriaDocument = criteriaDocument
        self.budget = budget.map(DecimalCoding.text)
    }

    /// The budget given at set-up, if any.
    public var budgetAmount: Decimal? { budget.flatMap { try? DecimalCoding.value($0, "budget") } }
}

public struct PanelPayload: Codable, Sendable, Hashable {
    var panel: StoredPanel
    var document: DocumentReference?
    var amends: Int64?

    public init(panel: Panel, document: DocumentReference?, amends: Int64?) {
        self.panel = StoredPanel(panel)
        self.document = document
        self.amends = amends
    }
}

public struct SubmissionPayload: Codable, Sendable, Hashable {
    var submission: StoredSubmission
    /// The file the bid came in, as received: submission XML, or a filled-in response form.
    package var document: DocumentReference
    var amends: Int64?
    /// The files sent beside a response form, each kept byte for byte. Nil (and so left out of
    /// the canonical JSON, which keeps every earlier history's hashes) for a bid sent as XML.
    package var appendices: [DocumentReference]?
    /// The submission XML TenderScore derived from a response form, kept beside the original so
    /// the archive holds both. Nil for a bid sent as XML: its document is the XML.
    package var derived: DocumentReference?

    public init(
        submission: Submission, document: DocumentReference, amends: Int64?, appendices: [DocumentReference]? = nil,
        derived: DocumentReference? = nil
    ) {
        self.submission = StoredSubmission(submission)
        self.document = document
        self.amends = amends
        self.appendices = appendices
        self.derived = derived
    }

    /// Every document the event relies on, the file received first.
    package var documents: [DocumentReference] {
        [document] + (appendices ?? []) + (derived.map { [$0] } ?? [])
    }
}

/// A score or consensus as it stood before the change that amends it, kept in the change.
public struct PreviousScore: Codable, Sendable, Hashable {
    var value: Int
    var rationale: String

    public init(value: Int, rationale: String) {
        self.value = value
        self.rationale = rationale
    }
}

public struct ScorePayload: Codable, Sendable, Hashable {
    public typealias Previous = PreviousScore

    var panelist: String
    var submission: String
    var criterion: String
    var value: Int
    var rationale: String
    /// The scoresheet the score came in, when it came in a file.
    var sheet: DocumentReference?
    var amends: Int64?
    var previous: Previous?

    public init(score: Score, sheet: DocumentReference?, amends: Int64?, previous: Previous?) {
        panelist = score.panelist
        submission = score.submission
        criterion = score.criterion
        value = score.value
        rationale = score.rationale
        self.sheet = sheet
        self.amends = amends
        self.previous = previous
    }
}

public struct ScoreWithdrawalPayload: Codable, Sendable, Hashable {
    var panelist: String
    var submission: String
    var criterion: String
    /// The score as it stood when withdrawn.
    var value: Int
    var rationale: String
    /// The event that gave (or last changed) the score.
    var withdraws: Int64

    public init(score: Score, withdraws: Int64) {
        panelist = score.panelist
        submission = score.submission
        criterion = score.criterion
        value = score.value
        rationale = score.rationale
        self.withdraws = withdraws
    }
}

public struct ConsensusPayload: Codable, Sendable, Hashable {
    public typealias Previous = PreviousScore

    var submission: String
    var criterion: String
    var value: Int
    var rationale: String
    var attendees: [String]
    var dissenters: [String]
    /// What the bidder is told, by reference to their own tender; the rationale is the panel's
    /// internal note. Absent (and left out of the canonical form) when none was written.
    var bidderExplanation: String?
    var amends: Int64?
    var previous: Previous?

    /// The explanation written for the bidder, if any.
    public var explanationForBidder: String? { bidderExplanation }

    public init(consensus: Consensus, amends: Int64?, previous: Previous?) {
        submission = consensus.submission
        criterion = consensus.criterion
        value = consensus.value
        rationale = consensus.rationale
        attendees = consensus.attendees
        dissenters = consensus.dissenters
        bidderExplanation = consensus.bidderExplanation
        self.amends = amends
        self.previous = previous
    }
}

public struct FinalisedPayload: Codable, Sendable, Hashable {
    var tender: String
    /// How many events stood before this one: the scores and decisions the finalisation covers.
    var events: Int64
    /// The conditions the panel attached to the award; absent when there are none.
    var conditions: [String]?

    public init(tender: String, events: Int64, conditions: [String] = []) {
        self.tender = tender
        self.events = events
        self.conditions = conditions.isEmpty ? nil : conditions
    }

    /// The conditions on the award, in the order given.
    public var awardConditions: [String] { conditions ?? [] }
}

/// An output sent out of the tender (an assessment summary to a bidder, the decision report to
/// cabinet, the award record to the public), kept byte for byte with who it went to.
public struct PublicationPayload: Codable, Sendable, Hashable {
    var document: DocumentReference
    var recipient: String
    /// What it is, in words: "assessment summary", "decision report", "award record".
    package var what: String

    public init(document: DocumentReference, recipient: String, what: String) {
        self.document = document
        self.recipient = recipient
        self.what = what
    }
}

public struct DeclarationPayload: Codable, Sendable, Hashable {
    public struct Answer: Codable, Sendable, Hashable {
        var submission: String
        var conflict: Bool
        var details: String

        public init(submission: String, conflict: Bool, details: String) {
            self.submission = submission
            self.conflict = conflict
            self.details = details
        }
    }

    var member: String
    var answers: [Answer]

    public init(member: String, answers: [Answer]) {
        self.member = member
        self.answers = answers
    }
}

public struct HandInPayload: Codable, Sendable, Hashable {
    var member: String
    /// How many scores the member had on record when handing in.
    var scores: Int

    public init(member: String, scores: Int) {
        self.member = member
        self.scores = scores
    }
}
