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

    public init(tender: String, title: String, criteria: Criteria, criteriaDocument: DocumentReference) {
        self.tender = tender
        self.title = title
        self.criteria = StoredCriteria(criteria)
        self.criteriaDocument = criteriaDocument
    }
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
    var document: DocumentReference
    var amends: Int64?

    public init(submission: Submission, document: DocumentReference, amends: Int64?) {
        self.submission = StoredSubmission(submission)
        self.document = document
        self.amends = amends
    }
}

public struct ScorePayload: Codable, Sendable, Hashable {
    public struct Previous: Codable, Sendable, Hashable {
        var value: Int
        var rationale: String

        public init(value: Int, rationale: String) {
            self.value = value
            self.rationale = rationale
        }
    }

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

public struct ConsensusPayload: Codable, Sendable, Hashable {
    public struct Previous: Codable, Sendable, Hashable {
        var value: Int
        var rationale: String

        public init(value: Int, rationale: String) {
            self.value = value
            self.rationale = rationale
        }
    }

    var submission: String
    var criterion: String
    var value: Int
    var rationale: String
    var attendees: [String]
    var dissenters: [String]
    var amends: Int64?
    var previous: Previous?

    public init(consensus: Consensus, amends: Int64?, previous: Previous?) {
        submission = consensus.submission
        criterion = consensus.criterion
        value = consensus.value
        rationale = consensus.rationale
        attendees = consensus.attendees
        dissenters = consensus.dissenters
        self.amends = amends
        self.previous = previous
    }
}

public struct FinalisedPayload: Codable, Sendable, Hashable {
    var tender: String
    /// How many events stood before this one: the scores and decisions the finalisation covers.
    var events: Int64

    public init(tender: String, events: Int64) {
        self.tender = tender
        self.events = events
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
