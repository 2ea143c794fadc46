import Foundation
import Hummingbird
import TenderStore
import TenderWorkflow

/// What the whole site shares, whichever tender a page is about: the settings, the tenders of
/// the store, everyone who may sign in, and the sign-in throttle.
struct WebSite: Sendable {
    let settings: WebSettings
    let catalog: TenderCatalog
    let everyone: Everyone
    let throttle: SignInThrottle

    init(settings: WebSettings) {
        self.settings = settings
        throttle = SignInThrottle()
        catalog = TenderCatalog(settings: settings)
        everyone = Everyone(catalog: catalog, accounts: settings.storage)
    }

    var accounts: any AccountStorage { settings.storage }

    func render(_ page: Page, _ context: WebContext) throws -> Response {
        try page.response(context, timeout: settings.sessionTimeout, now: settings.clock())
    }

    /// The signed-in person, or a redirect to the sign-in page.
    func signedIn(_ context: WebContext) throws -> SignedInPerson {
        guard let person = context.person else { throw SignInRequired() }
        return person
    }

    /// Where a person goes after signing in: the one tender of the store, or the list of them.
    func landing() async throws -> String {
        let ids = try await catalog.ids()
        return ids.count == 1 ? "/tenders/\(ids[0])/" : "/tenders/"
    }

    /// Runs a route of one tender (`/tenders/{tender}/…`): signed out goes to sign-in, an
    /// unknown tender is 404, and the person is found again as what they are to this tender
    /// (its panel, the store's accounts). Someone with no part in it is refused before any work.
    func run(
        _ request: Request, _ context: WebContext, _ handler: @Sendable (WebApp) -> TenderRoutes.Handler
    ) async throws -> Response {
        let signedIn = try signedIn(context)
        let app = try await catalog.app(try context.parameters.require("tender"))
        var context = context
        guard let person = try await app.people.person(signedIn.id, at: settings.clock()) else {
            throw StoreError(
                .forbidden,
                "You have no part in tender \(app.tender.id): you are not on its panel, and not a commissioner or auditor. You are signed in as \(signedIn.name).")
        }
        context.person = person
        return try await handler(app)(request, context)
    }
}

/// Registers the routes of one tender under `/tenders/{tender}/`, each run through
/// ``WebSite/run(_:_:_:)`` with that tender's ``WebApp``.
struct TenderRoutes {
    typealias Handler = @Sendable (Request, WebContext) async throws -> Response
    let router: Router<WebContext>
    let site: WebSite

    func get(_ path: String, _ handler: @escaping @Sendable (WebApp) -> Handler) {
        let site = site
        router.get(RouterPath("/tenders/{tender}/" + path)) { request, context in try await site.run(request, context, handler) }
    }

    func post(_ path: String, _ handler: @escaping @Sendable (WebApp) -> Handler) {
        let site = site
        router.post(RouterPath("/tenders/{tender}/" + path)) { request, context in try await site.run(request, context, handler) }
    }
}
