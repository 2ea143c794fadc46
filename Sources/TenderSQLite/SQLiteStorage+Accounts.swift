import Foundation
import GRDB
import TenderStore

/// The people who sign in to the web app, in the same file as the tender (format 2 tables; see
/// ``Schema``). Each change and the ``AccountEvent`` recording it are written in one
/// transaction.
extension SQLiteStorage: AccountStorage {
    public func addPerson(_ person: PersonAccount, by actor: String, at time: Date) async throws(StoreError) {
        try await accountWrite { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM people WHERE person_id = ?", arguments: [person.id]) == true {
                throw StoreError(.alreadyExists, "\(person.id) is already added.")
            }
            try db.execute(
                sql: "INSERT INTO people (person_id, name, role) VALUES (?, ?, ?)",
                arguments: [person.id, person.name, person.role.rawValue])
            try Self.record(db, actor: actor, kind: .personAdded, person: person.id, detail: "added as \(person.role.rawValue): \(person.name)", at: time)
        }
    }

    public func people() async throws(StoreError) -> [PersonAccount] {
        try await accountRead { db in
            try Row.fetchAll(db, sql: "SELECT person_id, name, role FROM people ORDER BY person_id").compactMap { row in
                let roleText: String = row[2]
                guard let role = PersonAccount.Role(rawValue: roleText) else {
                    throw StoreError(.damaged, "a person's role \"\(roleText)\" is not one TenderScore writes")
                }
                return PersonAccount(id: row[0], name: row[1], role: role)
            }
        }
    }

    public func addInvitation(_ invitation: Invitation, by actor: String, at time: Date) async throws(StoreError) {
        try await accountWrite { db in
            try db.execute(
                sql: "INSERT INTO invitations (token_sha256, person_id, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, NULL)",
                arguments: [
                    invitation.tokenSHA256, invitation.person, Timestamp.text(invitation.createdAt), Timestamp.text(invitation.expiresAt),
                ])
            try Self.record(
                db, actor: actor, kind: .personInvited, person: invitation.person,
                detail: "invited; the link is valid until \(Timestamp.text(invitation.expiresAt))", at: time)
        }
    }

    public func redeemInvitation(tokenSHA256: String, passwordHash: String, at time: Date) async throws(StoreError) -> String {
        try await accountWrite { db in
            guard let invitation = try Self.invitation(db, tokenSHA256) else {
                throw StoreError(.notReady, "This invitation link is not one we know. Ask the commissioner for a new link.")
            }
            if invitation.usedAt != nil {
                throw StoreError(.notReady, "This invitation link has already been used. Sign in, or ask the commissioner for a new link.")
            }
            if invitation.expiresAt <= time {
                throw StoreError(.notReady, "This invitation link has expired. Ask the commissioner for a new link.")
            }
            try db.execute(
                sql: "UPDATE invitations SET used_at = ? WHERE token_sha256 = ?", arguments: [Timestamp.text(time), tokenSHA256])
            try db.execute(
                sql: "INSERT OR REPLACE INTO passwords (person_id, bcrypt_hash, set_at) VALUES (?, ?, ?)",
                arguments: [invitation.person, passwordHash, Timestamp.text(time)])
            try Self.record(db, actor: invitation.person, kind: .passwordSet, person: invitation.person, detail: "set a password through an invitation", at: time)
            return invitation.person
        }
    }

    public func invitation(tokenSHA256: String) async throws(StoreError) -> Invitation? {
        try await accountRead { db in try Self.invitation(db, tokenSHA256) }
    }

    public func passwordHash(person: String) async throws(StoreError) -> String? {
        try await accountRead { db in
            try String.fetchOne(db, sql: "SELECT bcrypt_hash FROM passwords WHERE person_id = ?", arguments: [person])
        }
    }

    public func peopleWithPasswords() async throws(StoreError) -> Set<String> {
        try await accountRead { db in Set(try String.fetchAll(db, sql: "SELECT person_id FROM passwords")) }
    }

    public func startSession(tokenSHA256: String, person: String, at time: Date) async throws(StoreError) {
        try await accountWrite { db in
            try db.execute(
                sql: "INSERT INTO sessions (token_sha256, person_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                arguments: [tokenSHA256, person, Timestamp.text(time), Timestamp.text(time)])
        }
    }

    public func session(tokenSHA256: String) async throws(StoreError) -> AccountSession? {
        try await accountRead { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT person_id, created_at, last_seen_at FROM sessions WHERE token_sha256 = ?", arguments: [tokenSHA256])
            else { return nil }
            let created: String = row[1]
            let seen: String = row[2]
            guard let createdAt = Timestamp.date(created), let lastSeenAt = Timestamp.date(seen) else {
                throw StoreError(.damaged, "a session's times cannot be read")
            }
            return AccountSession(person: row[0], createdAt: createdAt, lastSeenAt: lastSeenAt)
        }
    }

    public func touchSession(tokenSHA256: String, at time: Date) async throws(StoreError) {
        try await accountWrite { db in
            try db.execute(
                sql: "UPDATE sessions SET last_seen_at = ? WHERE token_sha256 = ?", arguments: [Timestamp.text(time), tokenSHA256])
        }
    }

    public func endSession(tokenSHA256: String) async throws(StoreError) {
        try await accountWrite { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_sha256 = ?", arguments: [tokenSHA256])
        }
    }

    public func accountEvents() async throws(StoreError) -> [AccountEvent] {
        try await accountRead { db in
            try Row.fetchAll(db, sql: "SELECT seq, recorded_at, actor, kind, person_id, detail FROM account_events ORDER BY seq").map { row in
                let at: String = row[1]
                return AccountEvent(
                    sequence: row[0], recordedAt: Timestamp.date(at) ?? Date(timeIntervalSince1970: 0), actor: row[2],
                    kind: AccountEvent.Kind(rawValue: row[3]), person: row[4], detail: row[5])
            }
        }
    }

    // MARK: Helpers

    private static func invitation(_ db: Database, _ token: String) throws -> Invitation? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT person_id, created_at, expires_at, used_at FROM invitations WHERE token_sha256 = ?",
                arguments: [token])
        else { return nil }
        let created: String = row[1]
        let expires: String = row[2]
        let used: String? = row[3]
        guard let createdAt = Timestamp.date(created), let expiresAt = Timestamp.date(expires) else {
            throw StoreError(.damaged, "an invitation's times cannot be read")
        }
        return Invitation(
            tokenSHA256: token, person: row[0], createdAt: createdAt, expiresAt: expiresAt, usedAt: used.flatMap(Timestamp.date))
    }

    private static func record(
        _ db: Database, actor: String, kind: AccountEvent.Kind, person: String, detail: String, at time: Date
    ) throws {
        try db.execute(
            sql: "INSERT INTO account_events (recorded_at, actor, kind, person_id, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [Timestamp.text(time), actor, kind.rawValue, person, detail])
    }

    private func accountRead<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        let queue = try database()
        do {
            return try await queue.read { db in
                guard try db.tableExists("people") else {
                    throw StoreError(.notReady, "\(self.path) was made by an older version of TenderScore; open it once for writing to upgrade it.")
                }
                return try body(db)
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    private func accountWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        guard !isReadOnly else {
            throw StoreError(.invalidInput, "\(path) was opened read-only; nothing can be changed through it.")
        }
        let queue = try database()
        do {
            return try await queue.write { db in try body(db) }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }
}
