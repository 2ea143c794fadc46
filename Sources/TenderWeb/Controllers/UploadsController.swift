import Foundation
import Hummingbird
import TenderForms
import TenderModel
import TenderStore
import TenderWorkflow

/// A commissioner's uploads: the panel document and the bids (XML, and the Word or OpenDocument
/// response forms `tenderscore submissions import` takes), through exactly the use cases the
/// command line calls (``Tender/importPanel(_:by:reason:)``,
/// ``Tender/importSubmissions(_:bulk:forms:by:replacementReason:)``), so the same checks apply
/// and one bad file stores nothing. Problems come back on the form, each with its file, line
/// and column as the command line prints them.
struct UploadsController {
    let app: WebApp

    static func register(on routes: TenderRoutes) {
        routes.get("uploads/panel") { Self(app: $0).panelPage }
        routes.post("uploads/panel") { Self(app: $0).uploadPanel }
        routes.get("uploads/bids") { Self(app: $0).bidsPage }
        routes.post("uploads/bids") { Self(app: $0).uploadBids }
    }

    enum Kind: String {
        case panel, bids

        var title: String { self == .panel ? "Upload the panel" : "Upload bids" }
    }

    private func commissioner(_ context: WebContext) throws -> ActingPerson {
        try app.person(context).asCommissioner()
    }

    @Sendable func panelPage(_ request: Request, context: WebContext) async throws -> Response {
        _ = try commissioner(context)
        return try app.render(try await view(.panel, input: FormData(), problems: []), context)
    }

    @Sendable func bidsPage(_ request: Request, context: WebContext) async throws -> Response {
        _ = try commissioner(context)
        return try app.render(try await view(.bids, input: FormData(), problems: []), context)
    }

    @Sendable func uploadPanel(_ request: Request, context: WebContext) async throws -> Response {
        let person = try commissioner(context)
        let files = context.files.filter { $0.field == "panel" }
        guard files.count == 1, let file = files.first else {
            let message = files.isEmpty ? "Choose the panel file" : "Choose one panel file"
            return try app.render(try await view(.panel, input: context.form, problems: [("panel", message)]), context)
        }
        let reason = context.form["reason"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let report: ImportReport
        do throws(StoreError) {
            report = try await app.tender.importPanel(DocumentFile(file: file.fileName, bytes: file.bytes), by: person, reason: reason)
        } catch {
            return try await refused(error, .panel, context: context)
        }
        return try app.render(done(.panel, report), context)
    }

    @Sendable func uploadBids(_ request: Request, context: WebContext) async throws -> Response {
        let person = try commissioner(context)
        let files = context.files.filter { $0.field == "bids" }
        guard !files.isEmpty else {
            return try app.render(try await view(.bids, input: context.form, problems: [("bids", "Choose one or more bid files")]), context)
        }
        let replace = context.form["replace"] == "yes"
        let reason = (context.form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if replace && reason.isEmpty {
            return try app.render(
                try await view(.bids, input: context.form, problems: [("reason", "Say why the bids are replaced")]), context)
        }
        // As `submissions import` sorts them: a .xml file is a bid's XML, any other file a
        // response form (the form reader refuses what is not one, naming the file). With one
        // form (.docx, .odt), the other files are its appendices, as `--appendix` gives them.
        // A form's bid id is its file name without the extension; it arrived now.
        let xml = files.filter { Self.isXML($0.fileName) }
        let formFiles = files.filter { !Self.isXML($0.fileName) && ReceivedForm.isForm($0.fileName) }
        let others = files.filter { !Self.isXML($0.fileName) && !ReceivedForm.isForm($0.fileName) }
        let appendices = formFiles.count == 1 ? others : []
        let documents = xml.map { DocumentFile(file: $0.fileName, bytes: $0.bytes) }
        var forms: [ReceivedForm] = []
        var problems: [Diagnostic] = []
        let now = app.settings.clock()
        for file in formFiles + (formFiles.count == 1 ? [] : others) {
            do throws(FormError) {
                forms.append(
                    try ReceivedForm(
                        path: file.fileName, form: ReceivedFile(fileName: file.fileName, bytes: Data(file.bytes)),
                        appendices: appendices.map { (path: $0.fileName, file: ReceivedFile(fileName: $0.fileName, bytes: Data($0.bytes))) },
                        submissionID: (file.fileName as NSString).deletingPathExtension, submitted: now))
            } catch {
                problems.append(.error(at: .wholeFile(error.file), error.message))
            }
        }
        if !problems.isEmpty {
            let count = problems.count
            return try await refused(
                StoreError(.invalidDocuments, "Nothing was imported: \(count) file\(count == 1 ? "" : "s") refused.", diagnostics: problems),
                .bids, context: context)
        }
        let report: ImportReport
        do throws(StoreError) {
            report = try await app.tender.importSubmissions(
                documents, forms: forms, by: person, replacementReason: replace ? reason : nil)
        } catch {
            return try await refused(error, .bids, context: context)
        }
        return try app.render(done(.bids, report), context)
    }

    static func isXML(_ fileName: String) -> Bool {
        (fileName as NSString).pathExtension.lowercased() == "xml"
    }

    /// The form again with every problem listed: the workflow's message, then each problem in
    /// each file as `file:line:column: error: message`. A refusal of the person is a 403 page.
    private func refused(_ error: StoreError, _ kind: Kind, context: WebContext) async throws -> Response {
        if error.code == .forbidden { throw error }
        let field = error.code == .reasonRequired ? "reason" : kind.rawValue
        var problems: [(field: String, message: String)] = [(field, error.message)]
        problems += error.diagnostics.map { (kind.rawValue, $0.description) }
        var page = try await view(kind, input: context.form, problems: problems)
        switch error.code {
        case .invalidInput, .invalidDocuments: page.status = .badRequest
        default: page.status = .conflict
        }
        return try app.render(page, context)
    }

    private func view(_ kind: Kind, input: FormData, problems: [(field: String, message: String)]) async throws -> Page {
        let snapshot = try await app.tender.snapshot()
        var page = Page(template: "upload-\(kind.rawValue)", title: kind.title, hasErrors: !problems.isEmpty)
        if !problems.isEmpty { page.status = .badRequest }
        page.view["base"] = app.base
        page.view["tenderID"] = app.tender.id
        page.view["errors"] = problems.map { ["field": $0.field, "message": $0.message] }
        page.view["reason"] = input["reason"] ?? ""
        page.view["replace"] = input["replace"] == "yes"
        page.view["hasPanel"] = snapshot.panel != nil
        page.view["bidCount"] = snapshot.submissions.count
        for field in ["panel", "bids", "reason"] {
            // One message beside each field (the first); the summary at the top lists them all.
            page.view[field + "Error"] = shown(problems.first { $0.field == field }?.message)
        }
        return page
    }

    /// What was recorded, as the command line says it.
    private func done(_ kind: Kind, _ report: ImportReport) -> Page {
        var page = Page(template: "uploaded", title: kind == .panel ? "The panel is uploaded" : "The bids are uploaded")
        page.view["base"] = app.base
        page.view["events"] = report.events.map { ["sequence": $0.sequence, "summary": $0.summary] }
        let count = report.events.count
        page.view["recorded"] = "Recorded \(count) change\(count == 1 ? "" : "s") in the history."
        page.view["nothing"] = report.events.isEmpty
        page.view["unchanged"] = report.unchanged
        page.view["hasUnchanged"] = report.unchanged > 0
        page.view["head"] = report.head
        page.view["warnings"] = report.warnings.map(\.description)
        page.view["hasWarnings"] = !report.warnings.isEmpty
        page.view["panel"] = kind == .panel
        return page
    }
}
