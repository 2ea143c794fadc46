import Foundation

// The payload of each event kind. Field names are part of the stored format: renaming one
// needs a new format version. Every payload that amends an earlier event names it in `amends`.

/// A document kept byte for byte in the `documents` table, named by the SHA-256 of its bytes.
struct DocumentReference: Codable, Hashable {
    var file: String
    var sha256: String
    var bytes: Int
}

struct TenderCreatedPayload: Codable, Hashable {
    var tender: String
    var title: String
    var criteria: StoredCriteria
    var criteriaDocument: DocumentReference
}

struct PanelPayload: Codable, Hashable {
    var panel: StoredPanel
    var document: DocumentReference?
    var amends: Int64?
}

struct SubmissionPayload: Codable, Hashable {
    var submission: StoredSubmission
    var document: DocumentReference
    var amends: Int64?
}

struct ScorePayload: Codable, Hashable {
    struct Previous: Codable, Hashable {
        var value: Int
        var rationale: String
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
}

struct ConsensusPayload: Codable, Hashable {
    struct Previous: Codable, Hashable {
        var value: Int
        var rationale: String
    }

    var submission: String
    var criterion: String
    var value: Int
    var rationale: String
    var attendees: [String]
    var dissenters: [String]
    var amends: Int64?
    var previous: Previous?
}

struct FinalisedPayload: Codable, Hashable {
    var tender: String
    /// How many events stood before this one: the scores and decisions the finalisation covers.
    var events: Int64
}
