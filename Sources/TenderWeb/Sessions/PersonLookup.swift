import Foundation

/// Finds a person by id, reusing what was found for a few seconds (``RecentPeople``): every
/// request needs it, and a busy panel should not read the whole tender once more per request.
/// Every rule is still decided by the workflow on the tender as it stands.
protocol PersonLookup: Sendable {
    var recent: RecentPeople { get }
    /// The person with this id, read afresh, or nil when there is no such person.
    func person(_ id: String) async throws -> SignedInPerson?
}

extension PersonLookup {
    /// The person with this id, as found within the last few seconds, or read afresh.
    func person(_ id: String, at now: Date) async throws -> SignedInPerson? {
        if let found = await recent.person(id, at: now) { return found }
        let found = try await person(id)
        if let found { await recent.keep(found, at: now) }
        return found
    }
}
