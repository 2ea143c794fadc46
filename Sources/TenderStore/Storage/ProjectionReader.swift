import Foundation
import GRDB
import TenderModel

/// Reads the projection tables back into model values: what every read API and every check
/// inside a write uses.
enum ProjectionReader {
    struct TenderRow {
        var id: String
        var title: String
        var criteria: Criteria
        var criteriaDocument: String
        var createdAt: String
        var sequence: Int64
    }

    struct PanelRow {
        var panel: Panel
        var json: String
        var sequence: Int64
    }

    struct SubmissionRow {
        var submission: Submission
        var json: String
        var documentSHA256: String
        var sequence: Int64
    }

    struct ScoreRow {
        var score: Score
        var sequence: Int64
    }

    struct ConsensusRow {
        var consensus: Consensus
        var sequence: Int64
    }

    static func tender(_ db: Database) throws -> TenderRow {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT tender_id, title, criteria_json, criteria_document, created_at, event_seq FROM tender")
        else {
            throw StoreError(.damaged, "the store has no tender: its tender table is empty; run verify")
        }
        let json: String = row[2]
        return TenderRow(
            id: row[0], title: row[1], criteria: try CanonicalJSON.decode(StoredCriteria.self, from: json).model(),
            criteriaDocument: row[3], createdAt: row[4], sequence: row[5])
    }

    static func finalisation(_ db: Database) throws -> Finalisation? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT event_seq, reason, actor, recorded_at FROM finalisation ORDER BY event_seq LIMIT 1")
        else { return nil }
        let text: String = row[3]
        return Finalisation(
            sequence: row[0], reason: row[1], actor: row[2], recordedAt: Timestamp.date(text) ?? Date(timeIntervalSince1970: 0))
    }

    static func panel(_ db: Database) throws -> PanelRow? {
        guard let row = try Row.fetchOne(db, sql: "SELECT panel_json, event_seq FROM panel") else { return nil }
        let json: String = row[0]
        return PanelRow(panel: try CanonicalJSON.decode(StoredPanel.self, from: json).model(), json: json, sequence: row[1])
    }

    static func submissions(_ db: Database) throws -> [SubmissionRow] {
        try Row.fetchAll(
            db, sql: "SELECT submission_json, document_sha256, event_seq FROM submissions ORDER BY submission_id"
        ).map { row in
            let json: String = row[0]
            return SubmissionRow(
                submission: try CanonicalJSON.decode(StoredSubmission.self, from: json).model(), json: json,
                documentSHA256: row[1], sequence: row[2])
        }
    }

    /// The bids without their answers, from the submissions table's columns.
    static func submissionsForScoring(_ db: Database) throws -> [Submission] {
        let tender = try String.fetchOne(db, sql: "SELECT tender_id FROM tender") ?? ""
        return try Row.fetchAll(
            db,
            sql: """
                SELECT submission_id, bidder_name, bidder_type, price_amount, price_currency, submitted_at
                FROM submissions ORDER BY submission_id
                """
        ).map { row in
            let id: String = row[0]
            let typeText: String = row[2]
            let submitted: String = row[5]
            guard let type = BidderType(rawValue: typeText) else { throw PayloadError("bidder type \"\(typeText)\" is unknown") }
            guard let date = Timestamp.date(submitted) else { throw PayloadError("submission time \"\(submitted)\" is not a time") }
            var price: Money?
            if let amount: String = row[3], let currency: String = row[4] {
                price = Money(amount: try DecimalCoding.value(amount, "price"), currency: currency)
            }
            return Submission(
                id: id, tender: tender, submitted: date, bidder: Bidder(name: row[1], type: type), price: price, responses: [])
        }
    }

    static func scores(_ db: Database) throws -> [ScoreRow] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT panelist, submission_id, criterion_id, value, rationale, event_seq FROM scores
                ORDER BY submission_id, criterion_id, panelist
                """
        ).map { row in
            ScoreRow(
                score: Score(panelist: row[0], submission: row[1], criterion: row[2], value: row[3], rationale: row[4]),
                sequence: row[5])
        }
    }

    static func consensus(_ db: Database) throws -> [ConsensusRow] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT submission_id, criterion_id, value, rationale, attendees_json, dissenters_json, recorded_by,
                recorded_at, event_seq FROM consensus ORDER BY submission_id, criterion_id
                """
        ).map { row in
            let attendees: String = row[4]
            let dissenters: String = row[5]
            let recordedAt: String = row[7]
            guard let date = Timestamp.date(recordedAt) else {
                throw PayloadError("the consensus time \"\(recordedAt)\" is not a time")
            }
            return ConsensusRow(
                consensus: Consensus(
                    submission: row[0], criterion: row[1], value: row[2], rationale: row[3],
                    attendees: try CanonicalJSON.decode([String].self, from: attendees),
                    dissenters: try CanonicalJSON.decode([String].self, from: dissenters), recordedBy: row[6],
                    recordedAt: date),
                sequence: row[8])
        }
    }

    static func document(_ db: Database, sha256: String) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT bytes FROM documents WHERE sha256 = ?", arguments: [sha256]).map { [UInt8]($0) }
    }

    /// Refuses any change once the tender is finalised.
    static func requireOpenForChanges(_ db: Database) throws {
        if let finalisation = try finalisation(db) {
            throw StoreError(
                .finalised,
                "The tender was finalised at event \(finalisation.sequence) (\(finalisation.reason)); no further changes are accepted.")
        }
    }
}
