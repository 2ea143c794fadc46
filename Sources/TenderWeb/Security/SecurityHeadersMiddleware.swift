import HTTPTypes
import Hummingbird

/// Headers on every response: no script but the app's own files, no framing (clickjacking), no
/// content sniffing, no full addresses sent to other sites (invitation tokens are in paths).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext

    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        // A kept document (the decision report, a summary) brings its own, stricter policy.
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.policy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.xFrameOptions] = "DENY"
        if response.headers[.cacheControl] == nil {
            // Pages show scores and bids: never kept in a shared cache or the back-forward cache.
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
