import Foundation
import Hummingbird
import TenderStore

/// Refusals and errors as pages in plain words, with the status a browser and a script expect.
enum ErrorPage {
    static func response(
        status: HTTPResponse.Status, title: String, message: String, context: WebContext, details: [String] = []
    ) throws -> Response {
        var page = Page(template: "error", title: title, status: status)
        page.view["message"] = message
        page.view["details"] = details
        page.view["hasDetails"] = !details.isEmpty
        page.view["signIn"] = context.person == nil && status == .forbidden
        return try page.response(context, timeout: 0, now: Date())
    }

    /// A workflow refusal as a page: who may not do what is 403, what does not exist is 404,
    /// a step taken too early is 409, anything a person typed wrong is 400.
    static func response(for error: StoreError, context: WebContext) throws -> Response {
        switch error.code {
        case .forbidden:
            return try response(status: .forbidden, title: "You cannot do this", message: error.message, context: context)
        case .tenderNotFound, .storeNotFound:
            return try response(status: .notFound, title: "Page not found", message: error.message, context: context)
        case .notReady, .finalised, .reasonRequired, .alreadyExists:
            return try response(
                status: .conflict, title: "This cannot be done yet", message: error.message, context: context,
                details: error.diagnostics.map(\.message))
        case .busy:
            return try response(
                status: .serviceUnavailable, title: "Please try again", message: error.message, context: context)
        case .invalidInput, .invalidDocuments:
            return try response(
                status: .badRequest, title: "There is a problem", message: error.message, context: context,
                details: error.diagnostics.map(\.message))
        default:
            return try response(
                status: .internalServerError, title: "Sorry, there is a problem with the service", message: error.message,
                context: context)
        }
    }
}

/// Turns every error a handler throws into a page: a route that does not exist, a refusal of
/// the workflow, a fault. Nothing reaches the browser as a bare status.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch is SignInRequired {
            return WebApp.seeOther("/sign-in")
        } catch let error as StoreError {
            return try ErrorPage.response(for: error, context: context)
        } catch let error as HTTPError {
            switch error.status {
            case .notFound:
                return try ErrorPage.response(
                    status: .notFound, title: "Page not found",
                    message: "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.",
                    context: context)
            case .contentTooLarge:
                return try ErrorPage.response(
                    status: .contentTooLarge, title: "What you sent is too large", message: "Send less text, and try again.",
                    context: context)
            default:
                return try ErrorPage.response(
                    status: error.status, title: "There is a problem", message: error.body ?? "The request could not be handled.",
                    context: context)
            }
        } catch {
            context.logger.error("unexpected error: \(error)")
            return try ErrorPage.response(
                status: .internalServerError, title: "Sorry, there is a problem with the service",
                message: "Nothing you sent was lost: try again later. If it happens again, tell the commissioner.", context: context)
        }
    }
}
