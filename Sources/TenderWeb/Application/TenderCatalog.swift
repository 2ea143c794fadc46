import Foundation
import TenderModel
import TenderStore
import TenderWorkflow

/// Every tender the store holds, each opened the first time a page asks for it and kept open
/// after: a PostgreSQL store holds many tenders, a SQLite file one. Tenders are never removed
/// from a store, so what was opened stays right; what each page shows is still read afresh.
actor TenderCatalog {
    private let settings: WebSettings
    private var opened: [String: WebApp] = [:]

    init(settings: WebSettings) {
        self.settings = settings
    }

    /// The ids of the tenders served, in the store's order: every one, or the one
    /// `serve --tender` named.
    func ids() async throws -> [String] {
        let held = try await settings.storage.tenderIDs()
        guard let only = settings.tender else { return held }
        return held.filter { $0 == only }
    }

    /// One tender's app, or "no tender" in the words every tender route uses.
    func app(_ id: String) async throws -> WebApp {
        if let app = opened[id] { return app }
        guard try await ids().contains(id) else {
            throw StoreError(.tenderNotFound, "There is no tender \(id) here.")
        }
        let tender = try await Tender.open(in: settings.storage, tender: id, clock: settings.clock)
        let criteria = try await tender.snapshot().criteria
        // Another request may have opened it meanwhile: keep the first.
        if let app = opened[id] { return app }
        let app = WebApp(
            tender: tender, criteria: criteria, settings: settings, people: PeopleDirectory(tender: tender, accounts: settings.storage))
        opened[id] = app
        return app
    }

    /// Every tender's app.
    func all() async throws -> [WebApp] {
        var apps: [WebApp] = []
        for id in try await ids() { apps.append(try await app(id)) }
        return apps
    }
}
