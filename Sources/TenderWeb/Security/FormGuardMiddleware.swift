import HTTPTypes
import Hummingbird

/// Guards every form against forgery, in two ways:
/// - a state-changing request whose `Origin` (or, without one, `Referer`) is another site is
///   refused, whatever it carries;
/// - every form carries an anti-forgery token that must equal the `ts-form` cookie (a cookie
///   another site can neither read nor, being SameSite=Strict, make the browser send).
///
/// GET requests are given the cookie when they lack it, so that every page's forms can carry it.
struct FormGuardMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "ts-form"
    static let fieldName = "csrf"
    let secureCookies: Bool
    /// The most a form with files may send (``WebSettings/maxUploadBytes``).
    let maxUploadBytes: Int

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.isSecure = secureCookies || request.headers[.xForwardedProto]?.lowercased() == "https"
        let existing = request.cookies[Self.cookieName]?.value
        context.formToken = existing ?? RandomToken.make()
        if request.method == .post {
            if let problem = Self.crossSiteProblem(request) {
                return try ErrorPage.response(status: .forbidden, title: "This form came from another site", message: problem, context: context)
            }
            let boundary: [UInt8]?
            do throws(MultipartError) {
                boundary = try MultipartReader.boundary(ofContentType: request.headers[.contentType] ?? "")
            } catch {
                return try Self.unreadable(error, context: context)
            }
            let limit = boundary == nil ? context.maxUploadSize : maxUploadBytes
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: limit)
            } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                return try ErrorPage.response(
                    status: .contentTooLarge, title: "What you sent is too large",
                    message:
                        "This service takes at most \(Self.megabytes(limit)) in one go. Send fewer files at a time, or smaller ones. Nothing was stored.",
                    context: context)
            }
            if let boundary {
                do throws(MultipartError) {
                    (context.form, context.files) = try MultipartReader(boundary: boundary).read(Array(buffer: body))
                } catch {
                    return try Self.unreadable(error, context: context)
                }
            } else {
                context.form = FormData(urlEncoded: String(buffer: body))
            }
            guard let existing, let sent = context.form[Self.fieldName], RandomToken.equal(existing, sent) else {
                return try ErrorPage.response(
                    status: .forbidden, title: "Your form could not be sent",
                    message:
                        "The page you sent the form from was too old, or it did not come from this site. Go back, reload the page and try again. Nothing was changed.",
                    context: context)
            }
        }
        var response = try await next(request, context)
        if existing == nil {
            response.setCookie(
                Cookie(name: Self.cookieName, value: context.formToken, path: "/", secure: context.isSecure, httpOnly: true, sameSite: .strict))
        }
        return response
    }

    static func unreadable(_ error: MultipartError, context: WebContext) throws -> Response {
        try ErrorPage.response(
            status: .badRequest, title: "Your upload could not be read",
            message: "The upload could not be read: \(error.description). Go back and send the files again. Nothing was stored.",
            context: context)
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes / 1024) KB"
    }

    /// Why the request is refused as coming from another site, or nil. The site is the request's
    /// own `Host`; an `Origin` of `null` (a sandboxed or privacy-stripped page) is another site.
    static func crossSiteProblem(_ request: Request) -> String? {
        guard let host = request.head.authority else {
            return request.headers[.origin] == nil ? nil : "We could not tell which site the form was sent to, so it was refused. Nothing was changed."
        }
        let refusal = "The form was sent from another site, so it was refused. Nothing was changed. If you did not mean to send it, you need do nothing."
        if let origin = request.headers[.origin] {
            return authority(of: origin) == host.lowercased() ? nil : refusal
        }
        if let referer = request.headers[.referer] {
            return authority(of: referer) == host.lowercased() ? nil : refusal
        }
        return nil
    }

    /// `host:port` of an absolute URL, lowercased.
    static func authority(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return rest[..<end].lowercased()
    }
}
