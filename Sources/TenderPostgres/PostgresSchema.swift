import TenderStore

/// The PostgreSQL store's tables, and the migrations that build them.
///
/// The same three kinds of table as the SQLite file (history, projection, meta), with one
/// difference: a database holds many tenders, so every history and projection table has a
/// `tender_id` column, first in its key. (`tender` and `panel` already have one.) The tables
/// live in the connection's current schema (`public` unless the role's `search_path` says
/// otherwise), so that one TenderScore store per schema is possible too.
///
/// `tenderscore_meta` records the schema version this tool wrote. A database with a higher
/// version was set up by a newer TenderScore and is refused; one with a lower version is
/// brought up to date when it is opened for writing. A migration, once released, never
/// changes: a later version appends one.
///
/// Version 3 adds the people who sign in to the web app (see `PostgresStorage+Accounts`):
/// one set per database, shared by its tenders, as the SQLite file keeps one set per file.
enum PostgresSchema {
    /// The schema version this build writes and understands.
    static let version = 3

    /// The oldest version whose tender tables this build reads as they are: a read-only opener
    /// (an auditor's role, a streaming replica) can verify a tender in a database not yet
    /// brought up to date, and only the accounts wait for the upgrade.
    static let oldestReadableVersion = 2

    /// The first version that holds the accounts tables.
    static let accountsVersion = 3

    /// The append-only safeguards of the record of accounts.
    static let accountTriggers = ["account_events_no_update", "account_events_no_delete", "account_events_no_truncate"]

    /// The append-only safeguards `verify` expects to find in `pg_trigger`, enabled.
    static let appendOnlyTriggers = [
        "events_no_update", "events_no_delete", "events_no_truncate",
        "documents_no_update", "documents_no_delete", "documents_no_truncate",
    ]

    /// Every table the store makes; a database holding any of them without `tenderscore_meta`
    /// belongs to something else and is left alone.
    static let tables =
        ["events", "documents"] + ProjectedTable.all.map(\.name) + ["people", "passwords", "invitations", "sessions", "account_events"]

    /// A constant advisory-lock key, taken while the schema is created or migrated so that two
    /// first commands on a new database do not both build it.
    static let migrationLockKey: Int64 = 0x5453_4352_0000_0001

    /// The statements of each migration, by the version it brings the database to.
    static let migrations: [(version: Int, statements: [String])] = [(1, version1), (2, version2), (3, version3)]

    /// The people who sign in to the web app, as the SQLite store's format 2 holds them: roles,
    /// bcrypt hashes, invitations and sessions by the SHA-256 of their token, and
    /// `account_events`, the record of who added, invited or set a password for whom, which
    /// refuses UPDATE, DELETE and TRUNCATE like the history. Times are text in the history's
    /// format (``Timestamp``), so both stores read them alike.
    private static let version3: [String] = [
        """
        CREATE TABLE people (
            person_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE passwords (
            person_id TEXT PRIMARY KEY,
            bcrypt_hash TEXT NOT NULL,
            set_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE invitations (
            token_sha256 TEXT PRIMARY KEY,
            person_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT
        )
        """,
        """
        CREATE TABLE sessions (
            token_sha256 TEXT PRIMARY KEY,
            person_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE account_events (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            recorded_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            person_id TEXT NOT NULL,
            detail TEXT NOT NULL
        )
        """,
        """
        CREATE FUNCTION tenderscore_refuse_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the record of accounts is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'integrity_constraint_violation';
        END
        $$
        """,
        """
        CREATE TRIGGER account_events_no_update BEFORE UPDATE ON account_events
        FOR EACH ROW EXECUTE FUNCTION tenderscore_refuse_account_change()
        """,
        """
        CREATE TRIGGER account_events_no_delete BEFORE DELETE ON account_events
        FOR EACH ROW EXECUTE FUNCTION tenderscore_refuse_account_change()
        """,
        """
        CREATE TRIGGER account_events_no_truncate BEFORE TRUNCATE ON account_events
        FOR EACH STATEMENT EXECUTE FUNCTION tenderscore_refuse_account_change()
        """,
    ]

    /// The members' conflict declarations and hand-ins (the panel's web app), as the SQLite
    /// store's format 2 holds them.
    private static let version2: [String] = [
        """
        CREATE TABLE declarations (
            tender_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            submission_id TEXT NOT NULL,
            conflict BIGINT NOT NULL,
            details TEXT NOT NULL,
            event_seq BIGINT NOT NULL,
            PRIMARY KEY (tender_id, member_id, submission_id)
        )
        """,
        """
        CREATE TABLE hand_ins (
            tender_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            scores BIGINT NOT NULL,
            event_seq BIGINT NOT NULL,
            PRIMARY KEY (tender_id, member_id)
        )
        """,
    ]

    private static let version1: [String] = [
        """
        CREATE TABLE tenderscore_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """,
        "INSERT INTO tenderscore_meta (key, value) VALUES ('format', 'tenderscore-store'), ('schema_version', '0')",
        """
        CREATE TABLE events (
            tender_id TEXT NOT NULL,
            seq BIGINT NOT NULL,
            recorded_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            reason TEXT,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (tender_id, seq),
            UNIQUE (tender_id, hash)
        )
        """,
        """
        CREATE TABLE documents (
            tender_id TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes BYTEA NOT NULL,
            PRIMARY KEY (tender_id, sha256)
        )
        """,
        """
        CREATE FUNCTION tenderscore_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the history is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'integrity_constraint_violation';
        END
        $$
        """,
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION tenderscore_refuse_change()",
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events FOR EACH ROW EXECUTE FUNCTION tenderscore_refuse_change()",
        "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION tenderscore_refuse_change()",
        "CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION tenderscore_refuse_change()",
        "CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents FOR EACH ROW EXECUTE FUNCTION tenderscore_refuse_change()",
        "CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents FOR EACH STATEMENT EXECUTE FUNCTION tenderscore_refuse_change()",
        """
        CREATE TABLE tender (
            tender_id TEXT NOT NULL PRIMARY KEY,
            title TEXT NOT NULL,
            criteria_id TEXT NOT NULL,
            criteria_version TEXT NOT NULL,
            criteria_document TEXT NOT NULL,
            criteria_json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            event_seq BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE panel (
            tender_id TEXT NOT NULL PRIMARY KEY,
            panel_document TEXT,
            panel_json TEXT NOT NULL,
            event_seq BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE submissions (
            tender_id TEXT NOT NULL,
            submission_id TEXT NOT NULL,
            bidder_name TEXT NOT NULL,
            bidder_type TEXT NOT NULL,
            price_amount TEXT,
            price_currency TEXT,
            submitted_at TEXT NOT NULL,
            document_sha256 TEXT NOT NULL,
            submission_json TEXT NOT NULL,
            event_seq BIGINT NOT NULL,
            PRIMARY KEY (tender_id, submission_id)
        )
        """,
        """
        CREATE TABLE scores (
            tender_id TEXT NOT NULL,
            panelist TEXT NOT NULL,
            submission_id TEXT NOT NULL,
            criterion_id TEXT NOT NULL,
            value BIGINT NOT NULL,
            rationale TEXT NOT NULL,
            event_seq BIGINT NOT NULL,
            PRIMARY KEY (tender_id, panelist, submission_id, criterion_id)
        )
        """,
        """
        CREATE TABLE consensus (
            tender_id TEXT NOT NULL,
            submission_id TEXT NOT NULL,
            criterion_id TEXT NOT NULL,
            value BIGINT NOT NULL,
            rationale TEXT NOT NULL,
            attendees_json TEXT NOT NULL,
            dissenters_json TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            event_seq BIGINT NOT NULL,
            PRIMARY KEY (tender_id, submission_id, criterion_id)
        )
        """,
        """
        CREATE TABLE finalisation (
            tender_id TEXT NOT NULL,
            event_seq BIGINT NOT NULL,
            reason TEXT NOT NULL,
            actor TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (tender_id, event_seq)
        )
        """,
    ]
}

extension ProjectedTable {
    /// Whether the table's own columns already name the tender (`tender`, `panel`); the others
    /// get a `tender_id` column in front.
    var namesTender: Bool { columns.first == "tender_id" }

    /// The stored columns: the table's, behind a `tender_id` where it has none of its own.
    var storedColumns: [String] { namesTender ? columns : ["tender_id"] + columns }

    /// The primary key as stored.
    var storedKey: [String] { Array(storedColumns.prefix(namesTender ? keyCount : keyCount + 1)) }

    /// One tender's rows, the table's own columns in order.
    var selectForTenderSQL: String {
        "SELECT \(columns.joined(separator: ", ")) FROM \(name) WHERE tender_id = $1 ORDER BY \(storedKey.joined(separator: ", "))"
    }

    /// The start of a multi-row insert of the stored columns.
    var insertPrefix: String { "INSERT INTO \(name) (\(storedColumns.joined(separator: ", "))) VALUES" }

    /// Insert-or-replace on the stored key.
    var conflictClause: String {
        let key = storedKey
        let updates = storedColumns.filter { !key.contains($0) }.map { "\($0) = EXCLUDED.\($0)" }
        let action = updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", ")
        return "ON CONFLICT (\(key.joined(separator: ", "))) \(action)"
    }
}
