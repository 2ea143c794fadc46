import Foundation
import TenderModel
import TenderStore
import TenderWorkflow

/// Who a person is to the tender: its panel members, and the commissioners and auditors added
/// to the store. A replaced panel or a newly added person is seen within `RecentPeople.lifetime`.
struct PeopleDirectory: PersonLookup {
    let tender: Tender
    let accounts: any AccountStorage
    let recent = RecentPeople()


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
