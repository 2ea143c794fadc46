import Foundation
import TenderModel
import TenderStore
import TenderWorkflow

/// Everyone who may sign in to the site: the commissioners and auditors of the store, and the
/// members of every tender's panel. What a person is to one tender is found by that tender's
/// ``PeopleDirectory``; this finds who they are at all (sign-in, the list of tenders).
/// A person is found as the site knows them (no panel membership: that is a tender's), or nil
/// when they are on no panel and not added.
struct Everyone: PersonLookup {
    let catalog: TenderCatalog
    let accounts: any AccountStorage
    let recent = RecentPeople()


    /// The person with this id, read afresh.
    func person(_ id: String) async throws -> SignedInPerson? {
        let account = try await accounts.people().first { $0.id == id }
        if let account { return SignedInPerson(id: id, name: account.name, member: nil, account: account.role) }
        for app in try await catalog.all() {
            if let found = try await app.people.person(id) { return SignedInPerson(id: id, name: found.name, member: nil, account: nil) }
        }
        return nil
    }

    /// The id of the person someone typed at sign-in: an id or a full name, letter case and
    /// surrounding spaces aside; the first found, looking through every tender's panel, then
    /// the accounts.
    func resolve(_ typed: String) async throws -> String? {
        for app in try await catalog.all() {
            if let id = try await app.people.resolve(typed) { return id }
        }
        let folded = typed.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !folded.isEmpty else { return nil }
        return try await accounts.people().first { $0.id.lowercased() == folded || $0.name.lowercased() == folded }?.id
    }
}
