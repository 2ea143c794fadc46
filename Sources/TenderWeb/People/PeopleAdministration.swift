import Foundation
import TenderModel
import TenderStore
import TenderWorkflow

/// Adding commissioners and auditors, inviting anyone who may sign in, and listing who can:
/// what `tenderscore users` does, kept here so the command line and the web app share it.
public struct PeopleAdministration: Sendable {
    /// How long an invitation link works.
    public static let invitationLifetime: TimeInterval = 7 * 24 * 60 * 60

    public let tender: Tender
    public let accounts: any AccountStorage
    let clock: @Sendable () -> Date

    public init(tender: Tender, accounts: any AccountStorage, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.tender = tender
        self.accounts = accounts
        self.clock = clock
    }

    /// Adds a commissioner or an auditor. Panel members come from the panel; a panel member may
    /// also be added as a commissioner (Dev Patel runs the tender and scores on the panel).
    public func add(_ id: String, role: PersonAccount.Role, name: String?, by actor: ActingPerson) async throws(StoreError) {
        let id = id.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.isIdentifier(id) else {
            throw StoreError(
                .invalidInput,
                "'\(id)' cannot be a person's id: use letters, digits, '-', '_' and '.', starting with a letter (for example c-jo).")
        }
        let member = try await tender.snapshot().panel?.panel.member(id)
        let chosen = try ActingPerson(name ?? member?.name ?? id).name
        try await accounts.addPerson(PersonAccount(id: id, name: chosen, role: role), by: actor.name, at: clock())
    }

    /// Makes a one-time invitation link for a panel member or an added person, valid for
    /// ``invitationLifetime``. Only the token's hash is stored: the link is shown once.
    public func invite(_ id: String, baseURL: String, by actor: ActingPerson) async throws(StoreError) -> String {
        let known = try await list().contains { $0.id == id }
        guard known else {
            throw StoreError(
                .invalidInput,
                "\(id) is neither on the panel nor added: add a commissioner or auditor first with `tenderscore users add \(id) --role commissioner|auditor`.")
        }
        let token = RandomToken.make()
        let now = clock()
        try await accounts.addInvitation(
            Invitation(
                tokenSHA256: RandomToken.sha256(token), person: id, createdAt: now,
                expiresAt: now.addingTimeInterval(Self.invitationLifetime)), by: actor.name, at: now)
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return "\(base)/invitations/\(token)"
    }

    /// Everyone who may sign in: the panel's members, then the people added.
    public func list() async throws(StoreError) -> [Listing] {
        let panel = try await tender.snapshot().panel?.panel
        let added = try await accounts.people()
        let passwords = try await accounts.peopleWithPasswords()
        var listing: [Listing] = (panel?.members ?? []).map { member in
            var roles = ["panel member (\(member.role.rawValue))"]
            if let account = added.first(where: { $0.id == member.id }) { roles.append(account.role.rawValue) }
            return Listing(id: member.id, name: member.name, roles: roles, hasPassword: passwords.contains(member.id))
        }
        for person in added where !listing.contains(where: { $0.id == person.id }) {
            listing.append(Listing(id: person.id, name: person.name, roles: [person.role.rawValue], hasPassword: passwords.contains(person.id)))
        }
        return listing
    }

    public struct Listing: Sendable, Hashable {
        public var id: String
        public var name: String
        public var roles: [String]
        public var hasPassword: Bool
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
    }
}
