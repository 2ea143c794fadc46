import Foundation
import TenderModel
import TenderStore
import TenderWorkflow

/// Who a person is to the tender: its panel members, and the commissioners and auditors added
/// to the store. A replaced panel or a newly added person is seen within `RecentPeople.lifetime`.
struct PeopleDirectory: Sendable {
    let tender: Tender
    let accounts: any AccountStorage
    let recent = RecentPeople()

    /// The person with this id, or nil when they are neither on the panel nor added. Every
    /// request needs it; what was found is reused for a few seconds, so that a busy panel does
    /// not read the whole tender once more per request. Every rule is still decided by the
    /// workflow on the tender as it stands.
    func person(_ id: String, at now: Date) async throws -> SignedInPerson? {
        if let found = await recent.person(id, at: now) { return found }
        let found = try await person(id)
        if let found { await recent.keep(found, at: now) }
        return found
    }

    /// The person with this id, read afresh.
    func person(_ id: String) async throws -> SignedInPerson? {
        let panel = try await tender.snapshot().panel?.panel
        let member = panel?.member(id)
        let account = try await accounts.people().first { $0.id == id }
        guard member != nil || account != nil else { return nil }
        return SignedInPerson(id: id, name: member?.name ?? account?.name ?? id, member: member, account: account?.role)
    }

    /// The id of the person someone typed at sign-in: an id or a full name, letter case and
    /// surrounding spaces aside.
    func resolve(_ typed: String) async throws -> String? {
        let folded = typed.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !folded.isEmpty else { return nil }
        let panel = try await tender.snapshot().panel?.panel
        let accounts = try await accounts.people()
        if let member = panel?.members.first(where: { $0.id.lowercased() == folded || $0.name.lowercased() == folded }) {
            return member.id
        }
        return accounts.first { $0.id.lowercased() == folded || $0.name.lowercased() == folded }?.id
    }
}

/// Who was found for each session's person, kept for ``lifetime`` seconds.
actor RecentPeople {
    static let lifetime: TimeInterval = 10
    private var found: [String: (person: SignedInPerson, at: Date)] = [:]

    func person(_ id: String, at now: Date) -> SignedInPerson? {
        guard let entry = found[id], now.timeIntervalSince(entry.at) < Self.lifetime, now >= entry.at else { return nil }
        return entry.person
    }

    func keep(_ person: SignedInPerson, at now: Date) {
        found[person.id] = (person, now)
    }
}
