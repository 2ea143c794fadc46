import Foundation
import Synchronization
import TenderSQLite
import TenderStore

/// A store of many tenders for the web app's tests, as a PostgreSQL store is: each tender in a
/// SQLite file of its own in one folder, the accounts in the first tender's file. Only what
/// the tests need (it forwards each call to the tender's file), never used outside them.
final class FolderStorage: TenderStorage, AccountStorage {
    let folder: String
    let home: SQLiteStorage
    private let tenders: Mutex<[(id: String, storage: SQLiteStorage)]>

    init(home: SQLiteStorage, holding id: String, folder: String) {
        self.home = home
        self.folder = folder
        tenders = Mutex([(id, home)])
    }

    var location: String { folder }
    var isReadOnly: Bool { false }

    private func storage(_ tender: String) throws(StoreError) -> SQLiteStorage {
        guard let found = tenders.withLock({ list in list.first { $0.id == tender }?.storage }) else {
            throw StoreError(.tenderNotFound, "\(folder) holds no tender \(tender)")
        }
        return found
    }

    func tenderIDs() async throws(StoreError) -> [String] { tenders.withLock { $0.map(\.id) } }

    func create(tender: String, _ body: @escaping @Sendable (any EventSink) throws -> Void) async throws(StoreError) {
        guard (try? storage(tender)) == nil else { throw StoreError(.alreadyExists, "\(folder) holds a tender \(tender) already") }
        let made = try SQLiteStorage.new(at: folder + "/" + tender + ".sqlite")
        try await made.create(tender: tender, body)
        tenders.withLock { $0.append((tender, made)) }
    }

    func snapshot(tender: String, scope: SnapshotScope) async throws(StoreError) -> TenderSnapshot {
        try await storage(tender).snapshot(tender: tender, scope: scope)
    }

    func write<T: Sendable>(
        tender: String, scope: SnapshotScope, _ body: @escaping @Sendable (TenderSnapshot, any EventSink) throws -> T
    ) async throws(StoreError) -> T {
        try await storage(tender).write(tender: tender, scope: scope, body)
    }

    func forEachEvent(tender: String, _ body: @escaping @Sendable (EventRecord) throws -> Void) async throws(StoreError) {
        try await storage(tender).forEachEvent(tender: tender, body)
    }

    func event(tender: String, sequence: Int64) async throws(StoreError) -> EventRecord? {
        try await storage(tender).event(tender: tender, sequence: sequence)
    }

    func projectedRows(tender: String, table: ProjectedTable) async throws(StoreError) -> [[StoredValue]] {
        try await storage(tender).projectedRows(tender: tender, table: table)
    }

    func document(tender: String, sha256: String) async throws(StoreError) -> [UInt8]? {
        try await storage(tender).document(tender: tender, sha256: sha256)
    }

    func missingSafeguards(tender: String) async throws(StoreError) -> [String] {
        try await storage(tender).missingSafeguards(tender: tender)
    }

    // MARK: Accounts, in the first tender's file

    func addPerson(_ person: PersonAccount, by actor: String, at time: Date) async throws(StoreError) {
        try await home.addPerson(person, by: actor, at: time)
    }
    func people() async throws(StoreError) -> [PersonAccount] { try await home.people() }
    func addInvitation(_ invitation: Invitation, by actor: String, at time: Date) async throws(StoreError) {
        try await home.addInvitation(invitation, by: actor, at: time)
    }
    func redeemInvitation(tokenSHA256: String, passwordHash: String, at time: Date) async throws(StoreError) -> String {
        try await home.redeemInvitation(tokenSHA256: tokenSHA256, passwordHash: passwordHash, at: time)
    }
    func invitation(tokenSHA256: String) async throws(StoreError) -> Invitation? { try await home.invitation(tokenSHA256: tokenSHA256) }
    func passwordHash(person: String) async throws(StoreError) -> String? { try await home.passwordHash(person: person) }
    func peopleWithPasswords() async throws(StoreError) -> Set<String> { try await home.peopleWithPasswords() }
    func startSession(tokenSHA256: String, person: String, at time: Date) async throws(StoreError) {
        try await home.startSession(tokenSHA256: tokenSHA256, person: person, at: time)
    }
    func session(tokenSHA256: String) async throws(StoreError) -> AccountSession? { try await home.session(tokenSHA256: tokenSHA256) }
    func touchSession(tokenSHA256: String, at time: Date) async throws(StoreError) {
        try await home.touchSession(tokenSHA256: tokenSHA256, at: time)
    }
    func endSession(tokenSHA256: String) async throws(StoreError) { try await home.endSession(tokenSHA256: tokenSHA256) }
    func accountEvents() async throws(StoreError) -> [AccountEvent] { try await home.accountEvents() }
}
