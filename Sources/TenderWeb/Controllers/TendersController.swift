import Foundation
import Hummingbird
import TenderModel
import TenderStore
import TenderWorkflow

/// The tenders of the store: `GET /tenders/` lists those the person has a part in (every one
/// for a commissioner or auditor, the panels they sit on for a member), and a commissioner sets
/// up a new one at `/tenders-new` with the same use case as `tenderscore init`
/// (``Tender/create(in:tender:criteria:title:budget:by:documentOptions:clock:)``): the same
/// checks, and the framework uploaded is fixed from that moment.
struct TendersController {
    let site: WebSite

    func register(on router: Router<WebContext>) {
        router.get("/tenders", use: list)
        router.get("/tenders-new", use: setUpPage)
        router.post("/tenders-new", use: setUp)
    }

    @Sendable func list(_ request: Request, context: WebContext) async throws -> Response {
        let person = try site.signedIn(context)
        var rows: [[String: Any]] = []
        for app in try await site.catalog.all() {
            let snapshot = try await app.tender.snapshot()
            let onPanel = snapshot.panel?.panel.member(person.id) != nil
            guard person.isCommissioner || person.isAuditor || onPanel else { continue }
            rows.append([
                "id": app.tender.id, "title": snapshot.summary.title,
                "status": snapshot.summary.isFinalised ? "Finalised" : snapshot.panel == nil ? "Panel not recorded yet" : "Open",
                "bids": snapshot.submissions.count,
            ])
        }
        var page = Page(template: "tenders", title: "Your tenders")
        page.view["tenders"] = rows
        page.view["none"] = rows.isEmpty
        page.view["canSetUp"] = person.isCommissioner
        return try site.render(page, context)
    }

    private func commissioner(_ context: WebContext) throws -> ActingPerson {
        try site.signedIn(context).asCommissioner()
    }

    @Sendable func setUpPage(_ request: Request, context: WebContext) async throws -> Response {
        _ = try commissioner(context)
        return try site.render(setUpView(input: FormData(), problems: []), context)
    }

    @Sendable func setUp(_ request: Request, context: WebContext) async throws -> Response {
        let person = try commissioner(context)
        let form = context.form
        let id = (form["tender"] ?? "").trimmingCharacters(in: .whitespaces)
        let title = (form["title"] ?? "").trimmingCharacters(in: .whitespaces)
        let budgetText = (form["budget"] ?? "").trimmingCharacters(in: .whitespaces)
        var problems: [(field: String, message: String)] = []
        if id.isEmpty { problems.append(("tender", "Enter the tender’s id, as the bids name it")) }
        let budget = budgetText.isEmpty ? nil : BudgetAmount.parse(budgetText)
        if !budgetText.isEmpty && budget == nil {
            problems.append(("budget", "Enter the budget as an amount such as 1250000.00 (digits and at most one decimal point)"))
        }
        let criteria = context.files.filter { $0.field == "criteria" }
        if criteria.count != 1 {
            problems.append(("criteria", criteria.isEmpty ? "Choose the criteria framework file" : "Choose one criteria framework file"))
        }
        if !id.isEmpty, try await site.catalog.ids().contains(id) {
            problems.append(("tender", "There is a tender \(id) already. Open it from the list of tenders, or give the new one another id."))
        }
        guard problems.isEmpty, let file = criteria.first else {
            return try site.render(setUpView(input: form, problems: problems), context)
        }
        do throws(StoreError) {
            _ = try await Tender.create(
                in: site.settings.storage, tender: id, criteria: DocumentFile(file: file.fileName, bytes: file.bytes),
                title: title.isEmpty ? nil : title, budget: budget, by: person, clock: site.settings.clock)
        } catch {
            let message: String
            switch error.code {
            case .alreadyExists:
                // A SQLite store file holds one tender (see SQLiteStorage.create).
                message = "This store holds one tender already, and cannot hold another. Run each further tender in a store of its own (`tenderscore init` with a new store file), or use a PostgreSQL store, which holds many. Nothing was set up."
            default:
                message = error.message
            }
            var all = [(field: error.code == .invalidDocuments ? "criteria" : "tender", message: message)]
            all += error.diagnostics.map { (field: "criteria", message: $0.description) }
            return try site.render(setUpView(input: form, problems: all, status: error.code == .alreadyExists ? .conflict : .badRequest), context)
        }
        return WebApp.seeOther("/tenders/\(id)/?set-up=1")
    }

    private func setUpView(input: FormData, problems: [(field: String, message: String)], status: HTTPResponse.Status? = nil) -> Page {
        var page = Page(template: "tender-new", title: "Set up a tender", hasErrors: !problems.isEmpty)
        if !problems.isEmpty { page.status = status ?? .badRequest }
        page.view["errors"] = problems.map { ["field": $0.field, "message": $0.message] }
        for field in ["tender", "title", "budget"] {
            page.view[field] = input[field] ?? ""
        }
        for field in ["tender", "budget", "criteria"] {
            // One message beside each field (the first); the summary at the top lists them all.
            page.view[field + "Error"] = shown(problems.first { $0.field == field }?.message)
        }
        return page
    }
}
