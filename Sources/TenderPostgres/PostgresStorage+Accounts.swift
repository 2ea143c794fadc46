import Foundation
import PostgresNIO
import TenderStore

/// The people who sign in to the web app, in the database beside its tenders (schema version 3;
/// see ``PostgresSchema``): one set per database, shared by every tender in it, as the SQLite
/// file keeps one set per file.
///
/// Each change and the ``AccountEvent`` recording it are written in one READ COMMITTED
/// transaction. Changes that depend on what is there decide in the statement that makes them
/// (`INSERT … ON CONFLICT DO NOTHING`, `SELECT … FOR UPDATE`), so two servers or commands doing
/// the same at once cannot both succeed: an invitation is redeemed once, a person added once.
/// Reads run in the same REPEATABLE READ READ ONLY transaction as every other read.
extension PostgresStorage: AccountStorage {
    public func addPerson(_ person: PersonAccount, by actor: String, at time: Date) async throws(StoreError) {
        try await accountWrite { connection, logger in
            let added = try await Self.rows(
                connection, logger,
                "INSERT INTO people (person_id, name, role) VALUES ($1, $2, $3) ON CONFLICT (person_id) DO NOTHING RETURNING person_id",
                [person.id, person.name, person.role.rawValue])
            guard !added.isEmpty else { throw StoreError(.alreadyExists, "\(person.id) is already added.") }
            try await Self.record(
                connection, logger, actor: actor, kind: .personAdded, person: person.id,
                detail: "added as \(person.role.rawValue): \(person.name)", at: time)
        }
    }

    public func people() async throws(StoreError) -> [PersonAccount] {
        try await accountRead { connection, logger in
            var people: [PersonAccount] = []
            for row in try await Self.rows(connection, logger, "SELECT person_id, name, role FROM people ORDER BY person_id") {
                let (id, name, roleText) = try row.decode((String, String, String).self)
                guard let role = PersonAccount.Role(rawValue: roleText) else {
                    throw StoreError(.damaged, "a person's role \"\(roleText)\" is not one TenderScore writes")
                }
                people.append(PersonAccount(id: id, name: name, role: role))
            }
            return people
        }
    }

    public func addInvitation(_ invitation: Invitation, by actor: String, at time: Date) async throws(StoreError) {
        try await accountWrite { connection, logger in
            try await Self.rows(
                connection, logger,
                "INSERT INTO invitations (token_sha256, person_id, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, NULL)",
                [
                    invitation.tokenSHA256, invitation.person, Timestamp.text(invitation.createdAt),
                    Timestamp.text(invitation.expiresAt),
                ])
            try await Self.record(
                connection, logger, actor: actor, kind: .personInvited, person: invitation.person,
                detail: "invited; the link is valid until \(Timestamp.text(invitation.expiresAt))", at: time)
        }
    }

    public func redeemInvitation(tokenSHA256: String, passwordHash: String, at time: Date) async throws(StoreError) -> String {
        try await accountWrite { connection, logger in
            // FOR UPDATE: a second redemption of the same link waits here, then sees it used.
            guard let invitation = try await Self.invitation(connection, logger, tokenSHA256, locking: true) else {
                throw StoreError(.notReady, "This invitation link is not one we know. Ask the commissioner for a new link.")
            }
            if invitation.usedAt != nil {
                throw StoreError(.notReady, "This invitation link has already been used. Sign in, or ask the commissioner for a new link.")
            }
            if invitation.expiresAt <= time {
                throw StoreError(.notReady, "This invitation link has expired. Ask the commissioner for a new link.")
            }
            try await Self.rows(
                connection, logger, "UPDATE invitations SET used_at = $1 WHERE token_sha256 = $2", [Timestamp.text(time), tokenSHA256])
            try await Self.rows(
                connection, logger,
                """
                INSERT INTO passwords (person_id, bcrypt_hash, set_at) VALUES ($1, $2, $3)
                ON CONFLICT (person_id) DO UPDATE SET bcrypt_hash = EXCLUDED.bcrypt_hash, set_at = EXCLUDED.set_at
                """, [invitation.person, passwordHash, Timestamp.text(time)])
            try await Self.record(
                connection, logger, actor: invitation.person, kind: .passwordSet, person: invitation.person,
                detail: "set a password through an invitation", at: time)
            return invitation.person
        }
    }

    public func invitation(tokenSHA256: String) async throws(StoreError) -> Invitation? {
        try await accountRead { connection, logger in try await Self.invitation(connection, logger, tokenSHA256, locking: false) }
    }

    public func passwordHash(person: String) async throws(StoreError) -> String? {
        try await accountRead { connection, logger in
            try await Self.rows(connection, logger, "SELECT bcrypt_hash FROM passwords WHERE person_id = $1", [person])
                .first?.decode(String.self)
        }
    }

    public func peopleWithPasswords() async throws(StoreError) -> Set<String> {
        try await accountRead { connection, logger in
            var people: Set<String> = []
            for row in try await Self.rows(connection, logger, "SELECT person_id FROM passwords") {
                people.insert(try row.decode(String.self))
            }
            return people
        }
    }

    public func startSession(tokenSHA256: String, person: String, at time: Date) async throws(StoreError) {
        try await accountWrite { connection, logger in
            _ = try await Self.rows(
                connection, logger, "INSERT INTO sessions (token_sha256, person_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
                [tokenSHA256, person, Timestamp.text(time)])
        }
    }

    public func session(tokenSHA256: String) async throws(StoreError) -> AccountSession? {
        try await accountRead { connection, logger in
            guard
                let row = try await Self.rows(
                    connection, logger, "SELECT person_id, created_at, last_seen_at FROM sessions WHERE token_sha256 = $1", [tokenSHA256]
                ).first
            else { return nil }
            let (person, created, seen) = try row.decode((String, String, String).self)
            guard let createdAt = Timestamp.date(created), let lastSeenAt = Timestamp.date(seen) else {
                throw StoreError(.damaged, "a session's times cannot be read")
            }
            return AccountSession(person: person, createdAt: createdAt, lastSeenAt: lastSeenAt)
        }
    }

    public func touchSession(tokenSHA256: String, at time: Date) async throws(StoreError) {
        try await accountWrite { connection, logger in
            _ = try await Self.rows(
                connection, logger, "UPDATE sessions SET last_seen_at = $1 WHERE token_sha256 = $2", [Timestamp.text(time), tokenSHA256])
        }
    }

    public func endSession(tokenSHA256: String) async throws(StoreError) {
        try await accountWrite { connection, logger in
            _ = try await Self.rows(connection, logger, "DELETE FROM sessions WHERE token_sha256 = $1", [tokenSHA256])
        }
    }

    public func accountEvents() async throws(StoreError) -> [AccountEvent] {
        try await accountRead { connection, logger in
            var events: [AccountEvent] = []
            for row in try await Self.rows(
                connection, logger, "SELECT seq, recorded_at, actor, kind, person_id, detail FROM account_events ORDER BY seq")
            {
                let (sequence, at, actor, kind, person, detail) = try row.decode((Int64, String, String, String, String, String).self)
                events.append(
                    AccountEvent(
                        sequence: sequence, recordedAt: Timestamp.date(at) ?? Date(timeIntervalSince1970: 0), actor: actor,
                        kind: AccountEvent.Kind(rawValue: kind), person: person, detail: detail))
            }
            return events
        }
    }

    // MARK: Helpers

    /// A read of the accounts; refused in words when the database was opened read-only at a
    /// schema version older than the accounts (an upgrade not yet run by a writing role).
    private func accountRead<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) async throws(StoreError) -> T {
        guard schemaVersion >= PostgresSchema.accountsVersion else {
            throw StoreError(
                .notReady,
                "\(location) was set up by an older version of TenderScore (schema version \(schemaVersion)) and holds no accounts yet; open it once for writing, as a role that may change the schema, to bring it up to date.")
        }
        let logger = logger
        return try await read { connection in try await body(connection, logger) }
    }

    /// A change to the accounts, in one READ COMMITTED transaction.
    private func accountWrite<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) async throws(StoreError) -> T {
        try refuseReadOnly()
        let logger = logger
        return try await transaction("BEGIN ISOLATION LEVEL READ COMMITTED") { connection in try await body(connection, logger) }
    }

    /// The rows of `sql` with text parameters `$1`, `$2`, … bound in order.
    @discardableResult
    private static func rows(
        _ connection: PostgresConnection, _ logger: Logger, _ sql: String, _ parameters: [String] = []
    ) async throws -> [PostgresRow] {
        var binds = PostgresBindings()
        for parameter in parameters { binds.append(parameter) }
        var rows: [PostgresRow] = []
        for try await row in try await connection.checkedQuery(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) {
            rows.append(row)
        }
        return rows
    }

    private static func invitation(
        _ connection: PostgresConnection, _ logger: Logger, _ token: String, locking: Bool
    ) async throws -> Invitation? {
        let sql = "SELECT person_id, created_at, expires_at, used_at FROM invitations WHERE token_sha256 = $1" + (locking ? " FOR UPDATE" : "")
        guard let row = try await rows(connection, logger, sql, [token]).first else { return nil }
        let (person, created, expires, used) = try row.decode((String, String, String, String?).self)
        guard let createdAt = Timestamp.date(created), let expiresAt = Timestamp.date(expires) else {
            throw StoreError(.damaged, "an invitation's times cannot be read")
        }
        return Invitation(
            tokenSHA256: token, person: person, createdAt: createdAt, expiresAt: expiresAt, usedAt: used.flatMap(Timestamp.date))
    }

    private static func record(
        _ connection: PostgresConnection, _ logger: Logger, actor: String, kind: AccountEvent.Kind, person: String, detail: String,
        at time: Date
    ) async throws {
        try await rows(
            connection, logger, "INSERT INTO account_events (recorded_at, actor, kind, person_id, detail) VALUES ($1, $2, $3, $4, $5)",
            [Timestamp.text(time), actor, kind.rawValue, person, detail])
    }
}
