import Foundation
import Hummingbird
import TenderStore
import TenderWorkflow

/// Downloads and the record: the ranking in the formats the command line writes (byte for
/// byte the same), the history with filters, verification with the head hash, and the record
/// of accounts. Read only: an auditor changes nothing here or anywhere.
struct RecordsController {
    let app: WebApp

    static func register(on routes: TenderRoutes) {
        routes.get("ranking.json") { app in { request, context in try await Self(app: app).ranking(request, context, .json) } }
        routes.get("ranking.csv") { app in { request, context in try await Self(app: app).ranking(request, context, .csv) } }
        routes.get("report.html") { app in { request, context in try await Self(app: app).ranking(request, context, .html) } }
        routes.get("history") { Self(app: $0).history }
        routes.get("verify") { Self(app: $0).verify }
        routes.get("people") { Self(app: $0).people }
        routes.post("people/invitations") { Self(app: $0).invite }
    }

    /// Commissioners and auditors read the records; a panel member reads the ranking only as
    /// the workflow allows (after scoring independently).
    private func acting(_ context: WebContext, membersToo: Bool) throws -> ActingPerson {
        let person = try app.person(context)
        if person.isCommissioner || person.isAuditor { return try person.asStaff() }
        if membersToo, person.isMember { return try person.asMember() }
        throw StoreError(.forbidden, "The records are for commissioners and auditors. You are signed in as \(person.name).")
    }

    func ranking(_ request: Request, _ context: WebContext, _ format: OutputFormat) async throws -> Response {
        let person = try acting(context, membersToo: true)
        let view = try await app.tender.view(for: person, doing: "see the ranking", format.rankingScope)
        let provisional = request.uri.queryParameters["provisional"] != nil
        let text = try format.render(try view.report(provisional: provisional))
        let type: String
        switch format {
        case .json: type = "application/json; charset=utf-8"
        case .csv: type = "text/csv; charset=utf-8"
        default: type = "text/html; charset=utf-8"
        }
        // Exactly what `rank --format FORMAT` prints, its final line break included.
        let body = text.hasSuffix("\n") ? text : text + "\n"
        var headers: HTTPFields = [.contentType: type]
        if format == .html {
            headers[.contentSecurityPolicy] = DocumentPolicy.policy(for: body)
        } else {
            headers[.contentDisposition] = "attachment; filename=\"\(app.tender.id)-ranking.\(format == .json ? "json" : "csv")\""
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    @Sendable func history(_ request: Request, context: WebContext) async throws -> Response {
        let person = try acting(context, membersToo: false)
        let query = request.uri.queryParameters
        let submission = query["submission"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let member = query["member"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let kind = query["kind"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let events = try await app.tender.history(for: person, submission: submission, member: member)
            .filter { event in kind.map { event.kind.rawValue == $0 } ?? true }
        let snapshot = try await app.tender.snapshot()
        var page = Page(template: "history", title: "History of the tender")
        page.view["base"] = app.base
        page.view["events"] = events.map { event -> [String: Any] in
            [
                "sequence": event.sequence, "time": event.timestamp, "actor": event.actor, "kind": event.kind.rawValue,
                "summary": event.summary, "reason": event.reason ?? false,
            ]
        }
        page.view["count"] = events.count
        page.view["submissions"] = snapshot.submissions.map { ["id": $0.submission.id, "selected": $0.submission.id == submission] }
        page.view["members"] = (snapshot.panel?.panel.members ?? []).map { ["id": $0.id, "name": $0.name, "selected": $0.id == member] }
        page.view["kinds"] = EventKind.known.map { ["id": $0.rawValue, "selected": $0.rawValue == kind] }
        return try app.render(page, context)
    }

    @Sendable func verify(_ request: Request, context: WebContext) async throws -> Response {
        _ = try acting(context, membersToo: false)
        let result = try await app.tender.verify()
        var page = Page(template: "verify", title: result.isIntact ? "The history is intact" : "The history does not verify")
        page.view["base"] = app.base
        page.view["intact"] = result.isIntact
        page.view["events"] = result.eventCount
        page.view["head"] = result.head ?? "none"
        page.view["problems"] = result.problems.map(\.description)
        return try app.render(page, context)
    }

    @Sendable func people(_ request: Request, context: WebContext) async throws -> Response {
        _ = try acting(context, membersToo: false)
        let person = try app.person(context)
        let events = try await app.accounts.accountEvents()
        var page = Page(template: "people", title: "People and sign-in records")
        page.view["base"] = app.base
        page.view["canInvite"] = person.isCommissioner
        page.view["people"] = try await administration.list().map { listed -> [String: Any] in
            [
                "id": listed.id, "name": listed.name, "roles": listed.roles.joined(separator: ", "),
                "password": listed.hasPassword ? "Yes" : "Not yet",
            ]
        }
        page.view["events"] = events.map { event -> [String: Any] in
            ["time": ISO8601DateFormatter().string(from: event.recordedAt), "actor": event.actor, "person": event.person, "detail": event.detail]
        }
        return try app.render(page, context)
    }

    private var administration: PeopleAdministration {
        PeopleAdministration(tender: app.tender, accounts: app.accounts, clock: app.settings.clock)
    }

    /// A commissioner makes an invitation link for someone; it is shown once, on this page.
    @Sendable func invite(_ request: Request, context: WebContext) async throws -> Response {
        let commissioner = try app.person(context).asCommissioner()
        let invited = context.form["person"] ?? ""
        let host = request.head.authority ?? "127.0.0.1"
        let link = try await administration.invite(
            invited, baseURL: (context.isSecure ? "https://" : "http://") + host, by: commissioner)
        var page = Page(template: "invitation-made", title: "Invitation link made")
        page.view["base"] = app.base
        page.view["link"] = link
        page.view["name"] = try await app.people.person(invited)?.name ?? invited
        return try app.render(page, context)
    }
}
