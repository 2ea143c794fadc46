import Foundation
import Hummingbird
import Logging
import TenderStore
import TenderWorkflow

/// Builds the web app over one tender's store: the router with its middleware and controllers.
/// The tender is opened once; every page reads it afresh through the workflow.
public func buildApplication(_ settings: WebSettings) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(settings)
    var logger = Logger(label: "tenderscore-web")
    logger.logLevel = .info
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "TenderScore"),
        logger: logger)
}

/// The router alone, for tests (HummingbirdTesting) and for ``buildApplication(_:)``.
public func buildRouter(_ settings: WebSettings) async throws -> Router<WebContext> {
    let tender = try await Tender.open(in: settings.storage, tender: settings.tender, clock: settings.clock)
    let app = WebApp(
        tender: tender, criteria: try await tender.snapshot().criteria, settings: settings,
        people: PeopleDirectory(tender: tender, accounts: settings.storage))
    let router = Router(context: WebContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: FormGuardMiddleware(secureCookies: settings.secureCookies))
    router.add(middleware: ErrorPageMiddleware())
    router.add(middleware: SessionMiddleware(people: app.people, settings: settings))
    AssetsController().register(on: router)
    SignInController(app: app).register(on: router)
    HomeController(app: app).register(on: router)
    MemberController(app: app).register(on: router)
    EasyReadController(app: app).register(on: router)
    ModerationController(app: app).register(on: router)
    RecordsController(app: app).register(on: router)
    return router
}

/// Runs the web app until the process is told to stop (Ctrl-C, SIGTERM).
public func serve(_ settings: WebSettings) async throws {
    try await buildApplication(settings).runService()
}
