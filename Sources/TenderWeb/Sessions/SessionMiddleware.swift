import Foundation
import Hummingbird
import TenderStore
import TenderWorkflow

/// Finds who is signed in from the `ts-session` cookie. A session unused for longer than the
/// timeout is ended here, and the person is told why on the sign-in page.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "ts-session"
    let people: Everyone
    let settings: WebSettings

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value {
            let key = RandomToken.sha256(token)
            let now = settings.clock()
            if let session = try await settings.storage.session(tokenSHA256: key) {
                if now.timeIntervalSince(session.lastSeenAt) > settings.sessionTimeout {
                    try await settings.storage.endSession(tokenSHA256: key)
                    if request.uri.path != "/sign-in" {
                        var response = Response.redirect(to: "/sign-in?timed-out=1", type: .normal)
                        response.setCookie(Self.clearing(secure: context.isSecure))
                        return response
                    }
                } else {
                    // Recorded at most once a minute: a busy page costs no write per request.
                    if now.timeIntervalSince(session.lastSeenAt) >= 60 {
                        try await settings.storage.touchSession(tokenSHA256: key, at: now)
                    }
                    context.person = try await people.person(session.person, at: now)
                    context.sessionKey = key
                }
            }
        }
        return try await next(request, context)
    }

    static func cookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func clearing(secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
