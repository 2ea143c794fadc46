import Foundation
import PostgresNIO
import TenderModel
import TenderStore

/// Reads one tender's projection rows into a ``TenderSnapshot``, on a connection already inside
/// the transaction that fixes what is seen.
///
/// Every column is converted without trusting it, as the SQLite reader does: a damaged value is
/// a `damaged` refusal that names what could not be read, never a trap.
struct PostgresProjectionReader {
    let connection: PostgresConnection
    let logger: Logger
    let tender: String

    /// The rows of `sql`, each as the values of its columns; `$1` is the tender.
    func rows(_ sql: String, _ extra: [StoredValue] = []) async throws -> [[StoredValue]] {
        var binds = PostgresBindings()
        binds.append(tender)
        for value in extra { value.bind(into: &binds) }
        var result: [[StoredValue]] = []
        for try await row in try await connection.checkedQuery(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) {
            result.append(row.map(StoredValue.init))
        }
        return result
    }

    func snapshot(scope: SnapshotScope) async throws -> TenderSnapshot? {
        guard
            let row = try await rows(
                "SELECT tender_id, title, criteria_json, criteria_document, created_at, event_seq FROM tender WHERE tender_id = $1"
            ).first
        else { return nil }
        let criteriaJSON = try text(row, 2, "criteria")
        let criteria = try decode("the criteria framework") { try StoredCriteria.model(fromCanonical: criteriaJSON) }
        let summary = TenderSummary(
            id: try text(row, 0, "tender id"), title: try text(row, 1, "title"), criteriaID: criteria.id,
            criteriaVersion: criteria.version, criteriaSHA256: try text(row, 3, "criteria document"),
            createdAt: Timestamp.date(try text(row, 4, "creation time")) ?? Date(timeIntervalSince1970: 0),
            finalisation: try await finalisation())
        let last = try await rows("SELECT seq, hash FROM events WHERE tender_id = $1 ORDER BY seq DESC LIMIT 1").first
        return TenderSnapshot(
            summary: summary, criteria: criteria, panel: try await panel(),
            submissions: scope.contains(.responses)
                ? try await submissions() : scope.contains(.wordCounts) ? try await submissionOutlines() : try await submissionsForScoring(),
            scores: try await scores(rationales: !scope.contains(.withoutRationales)), consensus: try await consensus(),
            head: try last.map { try text($0, 1, "event hash") } ?? Digest.genesis,
            eventCount: try last.map { try integer($0, 0, "event number") } ?? 0,
            declarations: try await declarations(), handIns: try await handIns())
    }

    /// The members' conflict declarations made in the web app (schema version 2).
    func declarations() async throws -> [RecordedDeclaration] {
        try await rows(
            """
            SELECT member_id, submission_id, conflict, details, event_seq FROM declarations WHERE tender_id = $1
            ORDER BY member_id, submission_id
            """
        ).map { row in
            RecordedDeclaration(
                member: try text(row, 0, "declaring member"), submission: try text(row, 1, "declared bid"),
                conflict: try integer(row, 2, "declared conflict") != 0, details: try text(row, 3, "declaration details"),
                sequence: try integer(row, 4, "declaration event"))
        }
    }

    /// Members who handed in their scores, with the event that records it.
    func handIns() async throws -> [String: Int64] {
        var handIns: [String: Int64] = [:]
        for row in try await rows("SELECT member_id, event_seq FROM hand_ins WHERE tender_id = $1") {
            handIns[try text(row, 0, "member who handed in")] = try integer(row, 1, "hand-in event")
        }
        return handIns
    }

    func finalisation() async throws -> Finalisation? {
        guard
            let row = try await rows(
                "SELECT event_seq, reason, actor, recorded_at FROM finalisation WHERE tender_id = $1 ORDER BY event_seq LIMIT 1"
            ).first
        else { return nil }
        return Finalisation(
            sequence: Int(try integer(row, 0, "finalisation event")), reason: try text(row, 1, "finalisation reason"),
            actor: try text(row, 2, "finalising person"),
            recordedAt: Timestamp.date(try text(row, 3, "finalisation time")) ?? Date(timeIntervalSince1970: 0))
    }

    func panel() async throws -> RecordedPanel? {
        guard let row = try await rows("SELECT panel_json, event_seq FROM panel WHERE tender_id = $1").first else { return nil }
        let json = try text(row, 0, "panel")
        return RecordedPanel(
            panel: try decode("the panel") { try StoredPanel.model(fromCanonical: json) }, canonical: json,
            sequence: try integer(row, 1, "panel event"))
    }

    func submissions() async throws -> [RecordedSubmission] {
        try await rows(
            "SELECT submission_json, document_sha256, event_seq FROM submissions WHERE tender_id = $1 ORDER BY submission_id"
        ).map { row in
            let json = try text(row, 0, "submission")
            return RecordedSubmission(
                submission: try decode("a submission") { try StoredSubmission.model(fromCanonical: json) }, canonical: json,
                documentSHA256: try text(row, 1, "submission document"), sequence: try integer(row, 2, "submission event"))
        }
    }

    /// The bids without the words of their answers (``SubmissionOutline``).
    func submissionOutlines() async throws -> [RecordedSubmission] {
        try await rows(
            "SELECT submission_json, document_sha256, event_seq FROM submissions WHERE tender_id = $1 ORDER BY submission_id"
        ).map { row in
            var json = try text(row, 0, "submission")
            return RecordedSubmission(
                submission: try decode("a submission") {
                    try json.withUTF8 { try SubmissionOutline.submission(fromCanonical: $0) }
                }, canonical: nil,
                documentSHA256: try text(row, 1, "submission document"), sequence: try integer(row, 2, "submission event"))
        }
    }

    /// The bids without their answers, from the submissions table's columns.
    func submissionsForScoring() async throws -> [RecordedSubmission] {
        try await rows(
            """
            SELECT submission_id, bidder_name, bidder_type, price_amount, price_currency, submitted_at,
            document_sha256, event_seq FROM submissions WHERE tender_id = $1 ORDER BY submission_id
            """
        ).map { row in
            let id = try text(row, 0, "submission id")
            let typeText = try text(row, 2, "bidder type")
            let submitted = try text(row, 5, "submission time")
            guard let type = BidderType(rawValue: typeText) else {
                throw StoreError(.damaged, "\(id)'s bidder type \"\(typeText)\" is not one TenderScore writes; run verify")
            }
            guard let date = Timestamp.date(submitted) else {
                throw StoreError(.damaged, "\(id)'s submission time \"\(submitted)\" is not a time; run verify")
            }
            var price: Money?
            if let amount = row[3].text, let currency = row[4].text {
                price = Money(amount: try decode("\(id)'s price") { try DecimalCoding.value(amount, "price") }, currency: currency)
            }
            return RecordedSubmission(
                submission: Submission(
                    id: id, tender: tender, submitted: date, bidder: Bidder(name: try text(row, 1, "bidder name"), type: type),
                    price: price, responses: []),
                canonical: nil, documentSHA256: try text(row, 6, "submission document"),
                sequence: try integer(row, 7, "submission event"))
        }
    }

    func scores(rationales: Bool = true) async throws -> [RecordedScore] {
        try await rows(
            """
            SELECT panelist, submission_id, criterion_id, value, \(rationales ? "rationale" : "''"), event_seq FROM scores
            WHERE tender_id = $1
            ORDER BY submission_id, criterion_id, panelist
            """
        ).map { row in
            RecordedScore(
                score: Score(
                    panelist: try text(row, 0, "score's member"), submission: try text(row, 1, "score's submission"),
                    criterion: try text(row, 2, "score's criterion"), value: Int(try integer(row, 3, "score")),
                    rationale: try text(row, 4, "rationale")),
                sequence: try integer(row, 5, "score event"))
        }
    }

    func consensus() async throws -> [RecordedConsensus] {
        try await rows(
            """
            SELECT submission_id, criterion_id, value, rationale, attendees_json, dissenters_json, recorded_by,
            recorded_at, event_seq FROM consensus WHERE tender_id = $1 ORDER BY submission_id, criterion_id
            """
        ).map { row in
            let recordedAt = try text(row, 7, "consensus time")
            guard let date = Timestamp.date(recordedAt) else {
                throw StoreError(.damaged, "the consensus time \"\(recordedAt)\" is not a time; run verify")
            }
            let attendees = try text(row, 4, "attendees")
            let dissenters = try text(row, 5, "dissenters")
            return RecordedConsensus(
                consensus: Consensus(
                    submission: try text(row, 0, "consensus submission"), criterion: try text(row, 1, "consensus criterion"),
                    value: Int(try integer(row, 2, "agreed score")), rationale: try text(row, 3, "consensus rationale"),
                    attendees: try decode("the attendees") { try StoredNames.model(fromCanonical: attendees) },
                    dissenters: try decode("the dissenters") { try StoredNames.model(fromCanonical: dissenters) },
                    recordedBy: try text(row, 6, "recorder"), recordedAt: date),
                sequence: try integer(row, 8, "consensus event"))
        }
    }

    private func text(_ row: [StoredValue], _ index: Int, _ what: String) throws -> String {
        guard index < row.count, let text = row[index].text else { throw missing(what) }
        return text
    }

    private func integer(_ row: [StoredValue], _ index: Int, _ what: String) throws -> Int64 {
        guard index < row.count, let number = row[index].integer else { throw missing(what) }
        return number
    }

    private func missing(_ what: String) -> StoreError {
        StoreError(.damaged, "a stored \(what) of tender \(tender) is missing or unreadable: the store is damaged; run `tenderscore audit verify`")
    }

    private func decode<Value>(_ what: String, _ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            throw StoreError(.damaged, "\(what) on record cannot be read (\(error)); run `tenderscore audit verify`")
        }
    }
}
