import Foundation
import TenderStore
import Testing

/// The checks every ``AccountStorage`` backend must pass. `makeStore` gives a store with a
/// tender set up (accounts live beside it).
public struct AccountConformanceCheck: Sendable, CustomStringConvertible {
    public let description: String
    public let run: @Sendable (@escaping @Sendable () async throws -> any AccountStorage) async throws -> Void

    public static let all: [AccountConformanceCheck] = [
        AccountConformanceCheck(description: "people are added once and listed", run: people),
        AccountConformanceCheck(description: "an invitation is used once, before it expires", run: invitations),
        AccountConformanceCheck(description: "sessions start, are touched and end", run: sessions),
    ]

    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    static func people(_ make: @escaping @Sendable () async throws -> any AccountStorage) async throws {
        let store = try await make()
        try await store.addPerson(PersonAccount(id: "c-jo", name: "Jo Clarke", role: .commissioner), by: "Dev Patel", at: start)
        try await store.addPerson(PersonAccount(id: "a-morgan", name: "Morgan Ellis", role: .auditor), by: "Dev Patel", at: start)
        await #expect {
            try await store.addPerson(PersonAccount(id: "c-jo", name: "Jo", role: .auditor), by: "Dev Patel", at: start)
        } throws: { error in
            (error as? StoreError)?.code == .alreadyExists && (error as? StoreError)?.message == "c-jo is already added."
        }
        #expect(try await store.people().map(\.id) == ["a-morgan", "c-jo"])
        #expect(try await store.accountEvents().map(\.kind) == [.personAdded, .personAdded])
    }

    static func invitations(_ make: @escaping @Sendable () async throws -> any AccountStorage) async throws {
        let store = try await make()
        let invitation = Invitation(tokenSHA256: "aa", person: "p-amira", createdAt: start, expiresAt: start.addingTimeInterval(60))
        try await store.addInvitation(invitation, by: "Dev Patel", at: start)
        try await store.addInvitation(
            Invitation(tokenSHA256: "bb", person: "p-tom", createdAt: start, expiresAt: start.addingTimeInterval(60)), by: "Dev Patel",
            at: start)
        #expect(try await store.redeemInvitation(tokenSHA256: "aa", passwordHash: "$2b$hash", at: start.addingTimeInterval(1)) == "p-amira")
        #expect(try await store.passwordHash(person: "p-amira") == "$2b$hash")
        #expect(try await store.peopleWithPasswords() == ["p-amira"])
        let refusals: [(String, Date, String)] = [
            ("aa", start.addingTimeInterval(2), "This invitation link has already been used."),
            ("bb", start.addingTimeInterval(60), "This invitation link has expired."),
            ("cc", start, "This invitation link is not one we know."),
        ]
        for (token, time, message) in refusals {
            await #expect {
                _ = try await store.redeemInvitation(tokenSHA256: token, passwordHash: "$2b$other", at: time)
            } throws: { error in
                (error as? StoreError)?.message.hasPrefix(message) == true
            }
        }
        #expect(try await store.passwordHash(person: "p-tom") == nil)
        #expect(try await store.invitation(tokenSHA256: "aa")?.usedAt != nil)
        #expect(try await store.accountEvents().map(\.kind) == [.personInvited, .personInvited, .passwordSet])
    }

    static func sessions(_ make: @escaping @Sendable () async throws -> any AccountStorage) async throws {
        let store = try await make()
        try await store.startSession(tokenSHA256: "s1", person: "p-amira", at: start)
        try await store.touchSession(tokenSHA256: "s1", at: start.addingTimeInterval(30))
        let session = try #require(try await store.session(tokenSHA256: "s1"))
        #expect(session.person == "p-amira" && session.createdAt == start && session.lastSeenAt == start.addingTimeInterval(30))
        try await store.endSession(tokenSHA256: "s1")
        #expect(try await store.session(tokenSHA256: "s1") == nil)
    }
}
