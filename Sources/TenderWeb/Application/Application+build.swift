import Foundation
import Hummingbird
import Logging
import TenderStore
import TenderWorkflow

/// Builds the web app over a store and every tender in it: the router with its middleware and
/// controllers. Each tender is opened once; every page reads it afresh through the workflow.
public func buildApplication(_ settings: WebSettings) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(settings)
    var logger = Logger(label: "tenderscore-web")
    logger.logLevel = .info
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "TenderScore"),
        logger: logger)
}

/// The router alone, for tests (HummingbirdTesting) and for ``buildApplication(_:)``. Every
/// tender of the store is served, each under `/tenders/TENDER/`, opened when first asked for.
public func buildRouter(_ settings: WebSettings) async throws -> Router<WebContext> {
    let site = WebSite(settings: settings)
    let router = Router(context: WebContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: FormGuardMiddleware(secureCookies: settings.secureCookies, maxUploadBytes: settings.maxUploadBytes))
    router.add(middleware: ErrorPageMiddleware())
    router.add(middleware: SessionMiddleware(people: site.everyone, settings: settings))
    AssetsController().register(on: router)
    SignInController(app: site).register(on: router)
    TendersController(site: site).register(on: router)
    let routes = TenderRoutes(router: router, site: site)
    HomeController.register(on: routes)
    MemberController.register(on: routes)
    EasyReadController.register(on: routes)
    ModerationController.register(on: routes)
    RecordsController.register(on: routes)
    UploadsController.register(on: routes)
    DownloadsController.register(on: routes)
    return router
}

/// Runs the web app until the process is told to stop (Ctrl-C, SIGTERM).
public func serve(_ settings: WebSettings) async throws {
    try await buildApplication(settings).runService()
}
