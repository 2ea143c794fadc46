import GRDB
import TenderStore

/// The store's tables, and the migrations that build them.
///
/// Three kinds of table:
/// - the **history**: `events` (the hash-chained log, the source of truth) and `documents` (every
///   original file, named by its SHA-256, which events refer to). Triggers refuse any UPDATE or
///   DELETE on both.
/// - the **projection**: `tender`, `panel`, `submissions`, `scores`, `consensus`, `finalisation`:
///   what the tool reads, rebuilt from the history by `verify` and compared row by row.
/// - `tenderscore_meta`: what the file is and which format version wrote it.
///
/// Format 2 (`v2-declarations-and-people`) adds the projection of conflict declarations and
/// hand-ins, and the people who sign in to the web app (``SQLiteAccounts``): their roles,
/// password hashes, invitations and sessions, and `account_events`, the append-only record of
/// who added, invited or set a password for whom. A format 1 file is upgraded when first opened
/// for writing and can be read as it is.
///
/// A migration, once released, never changes: a later version adds a new one, and bumps
/// `format_version` in it.
enum Schema {
    /// `PRAGMA application_id` of every store: "TSCR".
    static let applicationID: Int32 = 0x5453_4352
    /// The format version this build writes; stores with a higher one are refused.
    static let formatVersion = 2

    static let appendOnlyTriggers = ["events_no_update", "events_no_delete", "documents_no_update", "documents_no_delete"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-history-and-projection") { db in
            try db.execute(
                sql: """
                    CREATE TABLE tenderscore_meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    INSERT INTO tenderscore_meta (key, value) VALUES ('format', 'tenderscore-store'), ('format_version', '1');

                    CREATE TABLE events (
                        seq INTEGER PRIMARY KEY NOT NULL,
                        recorded_at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        reason TEXT,
                        previous_hash TEXT NOT NULL,
                        hash TEXT NOT NULL UNIQUE
                    );
                    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                    BEGIN SELECT RAISE(ABORT, 'the history is append-only: an event cannot be changed'); END;
                    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                    BEGIN SELECT RAISE(ABORT, 'the history is append-only: an event cannot be deleted'); END;

                    CREATE TABLE documents (
                        sha256 TEXT PRIMARY KEY NOT NULL,
                        bytes BLOB NOT NULL
                    );
                    CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents
                    BEGIN SELECT RAISE(ABORT, 'the history is append-only: a received document cannot be changed'); END;
                    CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
                    BEGIN SELECT RAISE(ABORT, 'the history is append-only: a received document cannot be deleted'); END;

                    CREATE TABLE tender (
                        tender_id TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        criteria_id TEXT NOT NULL,
                        criteria_version TEXT NOT NULL,
                        criteria_document TEXT NOT NULL,
                        criteria_json TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        event_seq INTEGER NOT NULL
                    );
                    CREATE TABLE panel (
                        tender_id TEXT PRIMARY KEY NOT NULL,
                        panel_document TEXT,
                        panel_json TEXT NOT NULL,
                        event_seq INTEGER NOT NULL
                    );
                    CREATE TABLE submissions (
                        submission_id TEXT PRIMARY KEY NOT NULL,
                        bidder_name TEXT NOT NULL,
                        bidder_type TEXT NOT NULL,
                        price_amount TEXT,
                        price_currency TEXT,
                        submitted_at TEXT NOT NULL,
                        document_sha256 TEXT NOT NULL,
                        submission_json TEXT NOT NULL,
                        event_seq INTEGER NOT NULL
                    );
                    CREATE TABLE scores (
                        panelist TEXT NOT NULL,
                        submission_id TEXT NOT NULL,
                        criterion_id TEXT NOT NULL,
                        value INTEGER NOT NULL,
                        rationale TEXT NOT NULL,
                        event_seq INTEGER NOT NULL,
                        PRIMARY KEY (panelist, submission_id, criterion_id)
                    );
                    CREATE TABLE consensus (
                        submission_id TEXT NOT NULL,
                        criterion_id TEXT NOT NULL,
                        value INTEGER NOT NULL,
                        rationale TEXT NOT NULL,
                        attendees_json TEXT NOT NULL,
                        dissenters_json TEXT NOT NULL,
                        recorded_by TEXT NOT NULL,
                        recorded_at TEXT NOT NULL,
                        event_seq INTEGER NOT NULL,
                        PRIMARY KEY (submission_id, criterion_id)
                    );
                    CREATE TABLE finalisation (
                        event_seq INTEGER PRIMARY KEY NOT NULL,
                        reason TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        recorded_at TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2-declarations-and-people") { db in
            try db.execute(
                sql: """
                    UPDATE tenderscore_meta SET value = '2' WHERE key = 'format_version';

                    CREATE TABLE declarations (
                        member_id TEXT NOT NULL,
                        submission_id TEXT NOT NULL,
                        conflict INTEGER NOT NULL,
                        details TEXT NOT NULL,
                        event_seq INTEGER NOT NULL,
                        PRIMARY KEY (member_id, submission_id)
                    );
                    CREATE TABLE hand_ins (
                        member_id TEXT PRIMARY KEY NOT NULL,
                        scores INTEGER NOT NULL,
                        event_seq INTEGER NOT NULL
                    );

                    CREATE TABLE people (
                        person_id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL,
                        role TEXT NOT NULL
                    );
                    CREATE TABLE passwords (
                        person_id TEXT PRIMARY KEY NOT NULL,
                        bcrypt_hash TEXT NOT NULL,
                        set_at TEXT NOT NULL
                    );
                    CREATE TABLE invitations (
                        token_sha256 TEXT PRIMARY KEY NOT NULL,
                        person_id TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        expires_at TEXT NOT NULL,
                        used_at TEXT
                    );
                    CREATE TABLE sessions (
                        token_sha256 TEXT PRIMARY KEY NOT NULL,
                        person_id TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        last_seen_at TEXT NOT NULL
                    );
                    CREATE TABLE account_events (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        recorded_at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        person_id TEXT NOT NULL,
                        detail TEXT NOT NULL
                    );
                    CREATE TRIGGER account_events_no_update BEFORE UPDATE ON account_events
                    BEGIN SELECT RAISE(ABORT, 'the record of accounts is append-only: an entry cannot be changed'); END;
                    CREATE TRIGGER account_events_no_delete BEFORE DELETE ON account_events
                    BEGIN SELECT RAISE(ABORT, 'the record of accounts is append-only: an entry cannot be deleted'); END;
                    """)
        }
        return migrator
    }
}

extension ProjectedTable {
    var selectSQL: String { "SELECT \(columns.joined(separator: ", ")) FROM \(name)" }

    var upsertSQL: String {
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT OR REPLACE INTO \(name) (\(columns.joined(separator: ", "))) VALUES (\(marks))"
    }
}
