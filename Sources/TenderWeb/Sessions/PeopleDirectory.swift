import TenderModel
import TenderStore
import TenderWorkflow

/// Who a person is to the tender: its panel members, and the commissioners and auditors added
/// to the store. Read afresh for each request, so a replaced panel takes effect at once.
struct PeopleDirectory: Sendable {
    let tender: Tender
    let accounts: any AccountStorage

    /// The person with this id, or nil when they are neither on the panel nor added.
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
