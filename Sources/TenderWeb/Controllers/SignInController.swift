import Foundation
import Hummingbird
import HummingbirdBcrypt
import TenderStore

/// Invitations, signing in and out.
///
/// WCAG 2.2 "accessible authentication": no puzzle, no memory test beyond the password; pasting
/// and password managers work (`autocomplete` attributes, nothing blocks paste).
struct SignInController {
    let app: WebSite
    /// Compared against when the person is unknown, so that a wrong name takes as long as a
    /// wrong password (the same cost) and does not tell which it was.
    let decoyHash: String

    init(app: WebSite) {
        self.app = app
        decoyHash = Bcrypt.hash(RandomToken.make(), cost: app.settings.bcryptCost)
    }

    func register(on router: Router<WebContext>) {
        router.get("/") { _, context -> Response in
            guard context.person != nil else { return WebApp.seeOther("/sign-in") }
            return WebApp.seeOther(try await app.landing())
        }
        router.get("/sign-in", use: signInPage)
        router.post("/sign-in", use: signIn)
        router.post("/sign-out", use: signOut)
        router.get("/invitations/{token}", use: invitationPage)
        router.post("/invitations/{token}", use: acceptInvitation)
    }

    @Sendable func signInPage(_ request: Request, context: WebContext) async throws -> Response {
        var page = Page(template: "sign-in", title: "Sign in")
        if request.uri.queryParameters["timed-out"] != nil {
            page.view["notice"] = "You were signed out because you did nothing for \(Int(app.settings.sessionTimeout / 60)) minutes. Sign in again to carry on. Anything you saved is kept."
        } else if request.uri.queryParameters["signed-out"] != nil {
            page.view["notice"] = "You have signed out."
        }
        return try app.render(page, context)
    }

    @Sendable func signIn(_ request: Request, context: WebContext) async throws -> Response {
        let typed = context.form["person"] ?? ""
        let password = context.form["password"] ?? ""
        var errors: [[String: String]] = []
        if typed.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(["field": "person", "message": "Enter your name or your id"])
        }
        if password.isEmpty {
            errors.append(["field": "password", "message": "Enter your password"])
        }
        if !errors.isEmpty { return try signInProblem(errors, typed: typed, context: context) }
        let now = app.settings.clock()
        let id = try await app.everyone.resolve(typed)
        // Failures count against the person however their name is typed (id or full name).
        let key = id ?? typed.trimmingCharacters(in: .whitespaces).lowercased()
        if let wait = await app.throttle.wait(for: key, now: now) {
            var page = Page(template: "sign-in", title: "Sign in", status: .tooManyRequests, hasErrors: true)
            page.view["errors"] = [[
                "field": "password",
                "message": "There have been several wrong passwords for this name. Wait \(Int(wait.rounded(.up))) seconds, then try again.",
            ]]
            page.view["person"] = typed
            var response = try app.render(page, context)
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)))
            return response
        }
        let hash = try await id.asyncMap { try await app.accounts.passwordHash(person: $0) } ?? nil
        let decoy = decoyHash
        let matches = await Task.detached { Bcrypt.verify(password, hash: hash ?? decoy) }.value
        guard let id, hash != nil, matches else {
            await app.throttle.failed(key, now: now)
            return try signInProblem(
                [["field": "person", "message": "The name or the password is not right. Check them and try again."]], typed: typed,
                context: context, status: .unauthorized)
        }
        await app.throttle.succeeded(key)
        return try await startSession(for: id, context: context)
    }

    func startSession(for person: String, context: WebContext) async throws -> Response {
        let token = RandomToken.make()
        try await app.accounts.startSession(tokenSHA256: RandomToken.sha256(token), person: person, at: app.settings.clock())
        var response = WebApp.seeOther(try await app.landing())
        response.setCookie(SessionMiddleware.cookie(token, secure: context.isSecure))
        return response
    }

    private func signInProblem(
        _ errors: [[String: String]], typed: String, context: WebContext, status: HTTPResponse.Status = .badRequest
    ) throws -> Response {
        var page = Page(template: "sign-in", title: "Sign in", status: status, hasErrors: true)
        page.view["errors"] = errors
        page.view["person"] = typed
        page.view["personError"] = errors.first { $0["field"] == "person" }?["message"] ?? false
        page.view["passwordError"] = errors.first { $0["field"] == "password" }?["message"] ?? false
        return try app.render(page, context)
    }

    @Sendable func signOut(_ request: Request, context: WebContext) async throws -> Response {
        if let key = context.sessionKey { try await app.accounts.endSession(tokenSHA256: key) }
        var response = WebApp.seeOther("/sign-in?signed-out=1")
        response.setCookie(SessionMiddleware.clearing(secure: context.isSecure))
        return response
    }

    // MARK: Invitations

    /// The invitation, or a page saying in plain words why it cannot be used.
    private func usableInvitation(_ context: WebContext) async throws -> Result<Invitation, StoreError> {
        let token = try context.parameters.require("token")
        guard let invitation = try await app.accounts.invitation(tokenSHA256: RandomToken.sha256(token)) else {
            return .failure(StoreError(.tenderNotFound, "This invitation link is not one we know. Check you copied the whole link, or ask the commissioner for a new one."))
        }
        if invitation.usedAt != nil {
            return .failure(StoreError(.notReady, "This invitation link has already been used. Sign in with the password you set, or ask the commissioner for a new link."))
        }
        if invitation.expiresAt <= app.settings.clock() {
            return .failure(StoreError(.notReady, "This invitation link has expired. Ask the commissioner for a new one."))
        }
        return .success(invitation)
    }

    @Sendable func invitationPage(_ request: Request, context: WebContext) async throws -> Response {
        let invitation = try await usableInvitation(context).get()
        return try app.render(try await invitationForm(invitation, errors: [], context: context), context)
    }

    private func invitationForm(_ invitation: Invitation, errors: [[String: String]], context: WebContext) async throws -> Page {
        let person = try await app.everyone.person(invitation.person)
        var page = Page(template: "invitation", title: "Set your password", status: errors.isEmpty ? .ok : .badRequest, hasErrors: !errors.isEmpty)
        page.view["name"] = person?.name ?? invitation.person
        page.view["id"] = invitation.person
        page.view["errors"] = errors
        page.view["passwordError"] = errors.first { $0["field"] == "password" }?["message"] ?? false
        page.view["confirmError"] = errors.first { $0["field"] == "confirm" }?["message"] ?? false
        return page
    }

    @Sendable func acceptInvitation(_ request: Request, context: WebContext) async throws -> Response {
        let invitation = try await usableInvitation(context).get()
        let password = context.form["password"] ?? ""
        let confirm = context.form["confirm"] ?? ""
        var errors: [[String: String]] = []
        if password.count < 10 {
            errors.append(["field": "password", "message": "Your password must be at least 10 characters long"])
        } else if password.utf8.count > 72 {
            errors.append(["field": "password", "message": "Your password must be no longer than 72 letters and numbers"])
        }
        if confirm != password {
            errors.append(["field": "confirm", "message": "The two passwords are not the same. Type the same password twice"])
        }
        guard errors.isEmpty else {
            return try app.render(try await invitationForm(invitation, errors: errors, context: context), context)
        }
        let cost = app.settings.bcryptCost
        let hash = await Task.detached { Bcrypt.hash(password, cost: cost) }.value
        let person = try await app.accounts.redeemInvitation(
            tokenSHA256: invitation.tokenSHA256, passwordHash: hash, at: app.settings.clock())
        return try await startSession(for: person, context: context)
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): return try await transform(value)
        case .none: return nil
        }
    }
}
