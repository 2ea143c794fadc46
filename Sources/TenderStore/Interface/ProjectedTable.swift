/// A projection table as `verify` and every backend see it: its columns in a fixed order, the
/// first `keyCount` of them its key within one tender.
///
/// The tables are what the tool reads; the history is what they must agree with. A backend
/// creates them with these names and columns (it may add a tender column of its own, as the
/// PostgreSQL store does to keep many tenders in one database).
public struct ProjectedTable: Sendable, Hashable {
    public var name: String
    public var columns: [String]
    public var keyCount: Int
    /// What one row is, in words: "score", "submission"...
    public var rowName: String

    public static let tender = ProjectedTable(
        name: "tender",
        columns: [
            "tender_id", "title", "criteria_id", "criteria_version", "criteria_document", "criteria_json", "created_at",
            "event_seq",
        ], keyCount: 1, rowName: "tender")
    public static let panel = ProjectedTable(
        name: "panel", columns: ["tender_id", "panel_document", "panel_json", "event_seq"], keyCount: 1, rowName: "panel")
    public static let submissions = ProjectedTable(
        name: "submissions",
        columns: [
            "submission_id", "bidder_name", "bidder_type", "price_amount", "price_currency", "submitted_at",
            "document_sha256", "submission_json", "event_seq",
        ], keyCount: 1, rowName: "submission")
    public static let scores = ProjectedTable(
        name: "scores", columns: ["panelist", "submission_id", "criterion_id", "value", "rationale", "event_seq"],
        keyCount: 3, rowName: "score")
    public static let consensus = ProjectedTable(
        name: "consensus",
        columns: [
            "submission_id", "criterion_id", "value", "rationale", "attendees_json", "dissenters_json", "recorded_by",
            "recorded_at", "event_seq",
        ], keyCount: 2, rowName: "consensus")
    public static let finalisation = ProjectedTable(
        name: "finalisation", columns: ["event_seq", "reason", "actor", "recorded_at"], keyCount: 1,
        rowName: "finalisation")

    /// Each member's answer, for each bid, to the conflict declaration (store format 2).
    public static let declarations = ProjectedTable(
        name: "declarations", columns: ["member_id", "submission_id", "conflict", "details", "event_seq"], keyCount: 2,
        rowName: "declaration")
    /// Members who handed in their scores (store format 2).
    public static let handIns = ProjectedTable(
        name: "hand_ins", columns: ["member_id", "scores", "event_seq"], keyCount: 1, rowName: "hand-in")

    public static let all: [ProjectedTable] = [
        .tender, .panel, .submissions, .scores, .consensus, .finalisation, .declarations, .handIns,
    ]

    /// The column that names the event a row comes from.
    public var eventColumn: Int? { columns.firstIndex(of: "event_seq") }
}

/// A projection row to write: the table's columns in order.
public struct ProjectedRow: Sendable, Hashable {
    public var table: ProjectedTable
    public var values: [StoredValue]

    public var key: [StoredValue] { Array(values.prefix(table.keyCount)) }
}

/// A row taken out of a projection table: its table and key.
public struct ProjectedKey: Sendable, Hashable {
    public var table: ProjectedTable
    public var key: [StoredValue]

    /// `DELETE` for the row with this key, for SQL backends: the key columns in order.
    public var keyColumns: [String] { Array(table.columns.prefix(table.keyCount)) }
}
