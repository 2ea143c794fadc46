import Foundation

/// Where the people who sign in to the web app are kept: their roles, password hashes,
/// invitations and sessions, and the record of who added, invited or set a password for whom.
///
/// Kept apart from ``TenderStorage`` because accounts are not part of a tender's scoring
/// history: they are never hashed into its chain, and a copy of a tender does not carry them.
/// What changes an account is still on the record: every backend appends an ``AccountEvent``
/// in the same transaction as the change, to a table that refuses updates and deletes.
///
/// Secrets never reach the store in the clear: invitations and sessions are kept by the SHA-256
/// of their token, and passwords as bcrypt hashes made by the caller.
public protocol AccountStorage: Sendable {
    /// Adds a commissioner or an auditor (panel members come from the panel). Refused when the
    /// person is already added.
    func addPerson(_ person: PersonAccount, by actor: String, at time: Date) async throws(StoreError)

    /// Everyone added with ``addPerson(_:by:at:)``, by id.
    func people() async throws(StoreError) -> [PersonAccount]

    /// Keeps an invitation for `person`, replacing none: every earlier unused one stays valid
    /// until it expires.
    func addInvitation(_ invitation: Invitation, by actor: String, at time: Date) async throws(StoreError)

    /// Uses an invitation: when it exists, is unused and has not expired at `time`, marks it
    /// used and sets the person's password hash, in one transaction. Returns whose it was.
    func redeemInvitation(tokenSHA256: String, passwordHash: String, at time: Date) async throws(StoreError) -> String

    /// The invitation with this token hash, used or not, or nil.
    func invitation(tokenSHA256: String) async throws(StoreError) -> Invitation?

    /// The person's bcrypt hash, or nil when they have not set a password.
    func passwordHash(person: String) async throws(StoreError) -> String?

    /// Who has set a password, by id.
    func peopleWithPasswords() async throws(StoreError) -> Set<String>

    /// Starts a session, recording the sign-in.
    func startSession(tokenSHA256: String, person: String, at time: Date) async throws(StoreError)

    /// The session with this token hash, or nil when there is none (or it was ended).
    func session(tokenSHA256: String) async throws(StoreError) -> AccountSession?

    /// Records activity on a session, which pushes back when it expires.
    func touchSession(tokenSHA256: String, at time: Date) async throws(StoreError)

    /// Ends a session (signing out, or expiry).
    func endSession(tokenSHA256: String) async throws(StoreError)

    /// The record of accounts, oldest first.
    func accountEvents() async throws(StoreError) -> [AccountEvent]
}

/// A commissioner or auditor added to the store.
public struct PersonAccount: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case commissioner
        case auditor
    }

    public var id: String
    public var name: String
    public var role: Role

    public init(id: String, name: String, role: Role) {
        self.id = id
        self.name = name
        self.role = role
    }
}

/// A one-time link that lets a person set their password.
public struct Invitation: Sendable, Hashable {
    public var tokenSHA256: String
    public var person: String
    public var createdAt: Date
    public var expiresAt: Date
    public var usedAt: Date?

    public init(tokenSHA256: String, person: String, createdAt: Date, expiresAt: Date, usedAt: Date? = nil) {
        self.tokenSHA256 = tokenSHA256
        self.person = person
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}

/// A signed-in browser.
public struct AccountSession: Sendable, Hashable {
    public var person: String
    public var createdAt: Date
    public var lastSeenAt: Date

    public init(person: String, createdAt: Date, lastSeenAt: Date) {
        self.person = person
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// One fact about accounts a commissioner or auditor can read later: who did what for whom.
public struct AccountEvent: Sendable, Hashable {
    public struct Kind: RawRepresentable, Sendable, Hashable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let personAdded = Kind(rawValue: "person.added")
        public static let personInvited = Kind(rawValue: "person.invited")
        public static let passwordSet = Kind(rawValue: "password.set")
    }

    public var sequence: Int64
    public var recordedAt: Date
    public var actor: String
    public var kind: Kind
    public var person: String
    public var detail: String

    public init(sequence: Int64, recordedAt: Date, actor: String, kind: Kind, person: String, detail: String) {
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.actor = actor
        self.kind = kind
        self.person = person
        self.detail = detail
    }
}
