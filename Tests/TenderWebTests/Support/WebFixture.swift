import Foundation
import Hummingbird
import HummingbirdTesting
import TenderModel
import TenderPostgres
import TenderSQLite
import TenderStore
import TenderTestSupport
import TenderWeb
import TenderWorkflow

/// Which store a web test runs over: the SQLite file, or a fresh database on the test
/// PostgreSQL server (``PostgresTestServer``).
enum WebStore: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// SQLite always; PostgreSQL too when a server is configured (or CI requires one, when its
    /// absence fails the test instead of leaving it out).
    static var available: [WebStore] { PostgresTestServer.shouldRun ? [.sqlite, .postgres] : [.sqlite] }
}

/// The sample tender in a temporary store, with a commissioner (c-jo) and an auditor
/// (a-morgan) added, served by the web app's router with a hand-moved clock.
struct WebFixture {
    static let password = "correct horse battery"
    /// The temporary folder (and, on SQLite, the store file in it).
    let store: StoreFixture
    let tender: Tender
    let storage: any TenderStorage & AccountStorage
    /// The store as `--store` names it for the command line: the file's path, or the URL.
    let storeSpec: String
    let clock = ManualClock()
    /// What the web app serves: the store, or with `manyTenders` on SQLite a ``FolderStorage``
    /// holding the file and room for more tenders, as a PostgreSQL store has.
    let served: any TenderStorage & AccountStorage
    let maxUploadBytes: Int

    init(scored: Bool = false, on backend: WebStore = .sqlite, manyTenders: Bool = false, maxUploadBytes: Int = 50 * 1024 * 1024)
        async throws
    {
        self.maxUploadBytes = maxUploadBytes
        store = try StoreFixture()
        switch backend {
        case .sqlite:
            let created = scored ? try await store.scored() : try await store.withBids()
            try (created.storage as? SQLiteStorage)?.close()
            storage = try SQLiteStorage.open(at: store.storePath)
            storeSpec = store.storePath
        case .postgres:
            let url = try await PostgresTestServer.freshDatabase()
            _ = try await StoreFixture.sampleTender(in: try await PostgresStorage.open(url), scored: scored, clock: store.clock.function)
            storage = try await PostgresStorage.open(url)
            storeSpec = PostgresTestServer.raw(url)
        }
        tender = try await Tender.open(in: storage)
        // A PostgreSQL database holds many tenders already; a SQLite file is given a folder of
        // others beside it.
        if manyTenders, let file = storage as? SQLiteStorage {
            served = FolderStorage(home: file, holding: SampleTender.tender, folder: store.folder.path)
        } else {
            served = storage
        }
        let people = PeopleAdministration(tender: tender, accounts: storage)
        let setUpBy = try ActingPerson("Dev Patel")
        try await people.add("c-jo", role: .commissioner, name: "Jo Clarke", by: setUpBy)
        try await people.add("a-morgan", role: .auditor, name: "Morgan Ellis", by: setUpBy)
    }

    var settings: WebSettings {
        WebSettings(storage: served, bcryptCost: 4, clock: clock.function, maxUploadBytes: maxUploadBytes)
    }

    var people: PeopleAdministration { PeopleAdministration(tender: tender, accounts: storage, clock: clock.function) }

    /// Runs `body` against the app's router, as HummingbirdTesting does.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let router = try await buildRouter(settings)
        let app = Application(router: router)
        try await app.test(.router) { client in try await body(client) }
    }

    /// The path of a fresh invitation for `person`.
    func invitation(_ person: String) async throws -> String {
        let link = try await people.invite(person, baseURL: "", by: try ActingPerson("Dev Patel"))
        return link
    }

    /// A browser signed in as `person`, through an invitation as a newcomer would be.
    func signedIn(_ person: String, _ client: any TestClientProtocol) async throws -> Browser {
        let browser = Browser(client)
        let path = try await invitation(person)
        _ = try await browser.get(path)
        let page = try await browser.post(path, [("password", Self.password), ("confirm", Self.password)])
        guard page.status == .seeOther, browser.hasSession else {
            throw FixtureError("signing in \(person) answered \(page.status): \(page.body.prefix(300))")
        }
        return browser
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
