import Foundation
import Hummingbird
import TenderExport
import TenderStore
import TenderWorkflow

/// The downloads of commissioners and auditors beside the ranking: the OCDS award record
/// (`rank --format ocds`) and one assessment summary per bidder (`tenderscore summaries`),
/// with the command line's refusals: no award record before the tender is finalised, no
/// summary before every item has an agreed score; a summary of a tender not yet finalised says
/// DRAFT on every page. A panel member gets none of these.
struct DownloadsController {
    let app: WebApp

    static func register(on routes: TenderRoutes) {
        routes.get("downloads") { Self(app: $0).page }
        routes.get("ocds.json") { Self(app: $0).ocds }
        routes.get("summaries/{submission}") { Self(app: $0).summary }
    }

    private func reader(_ context: WebContext) throws -> ActingPerson {
        let person = try app.person(context)
        guard person.isCommissioner || person.isAuditor else {
            throw StoreError(.forbidden, "The records are for commissioners and auditors. You are signed in as \(person.name).")
        }
        return try person.asStaff()
    }

    /// The downloads page: the ranking's formats, the OCDS form, and each bidder's summary (or
    /// why there are none yet).
    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        let person = try reader(context)
        let snapshot = try await app.tender.snapshot()
        var page = Page(template: "downloads", title: "Downloads")
        page.view["base"] = app.base
        page.view["finalised"] = snapshot.summary.isFinalised
        page.view["tenderID"] = app.tender.id
        // Until every item has an agreed score there is no final ranking, so no summary: said
        // in a sentence here (the summary link itself gives the full list, as the command line does).
        let pending = try await app.tender.view(for: person, doing: "see the assessment summaries", .outputs)
            .evaluation.pendingItems.count
        if pending > 0 {
            page.view["noSummaries"] =
                "\(pending) item\(pending == 1 ? " still needs" : "s still need") an agreed score from the moderation meeting."
        } else {
            do {
                let list = try await summaries(for: person)
                page.view["summaries"] = list.map { summary -> [String: Any] in
                    ["id": summary.submission, "bidder": summary.bidder, "outcome": Self.words(summary.outcome)]
                }
                page.view["draft"] = !snapshot.summary.isFinalised
            } catch {
                guard let refusal = error as? StoreError, refusal.code != .forbidden else { throw error }
                page.view["noSummaries"] = refusal.message
            }
        }
        return try app.render(page, context)
    }

    /// `GET ocds.json?buyer-name=…[&buyer-id=…][&ocid-prefix=…]`: exactly what
    /// `rank --format ocds --buyer-name … [--buyer-id …] [--ocid-prefix …]` prints.
    @Sendable func ocds(_ request: Request, context: WebContext) async throws -> Response {
        let person = try reader(context)
        // Read as a browser sends a GET form (a space as `+`), which `queryParameters` leaves as it is.
        let query = FormData(urlEncoded: request.uri.query ?? "")
        let name = (query["buyer-name"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            throw StoreError(.invalidInput, "The OCDS award record names the contracting authority: enter its name on the downloads page.")
        }
        let view = try await app.tender.view(for: person, doing: "see the ranking", OutputFormat.ocds.rankingScope)
        let report = try view.report(provisional: false)
        // An award record announces the award: never from a tender that is not final.
        guard view.summary.isFinalised else {
            throw StoreError(
                .notReady,
                "The OCDS award record announces an award, and tender \(view.summary.id) is not finalised yet. Finalise it first.")
        }
        let options = OCDSOptions.award(
            tender: view.summary.id, buyerName: name, buyerID: query["buyer-id"]?.trimmingCharacters(in: .whitespaces),
            ocidPrefix: query["ocid-prefix"]?.trimmingCharacters(in: .whitespaces))
        let text = try OutputFormat.ocds.render(report, ocds: options)
        return download(text.hasSuffix("\n") ? text : text + "\n", type: "application/json; charset=utf-8", name: "\(app.tender.id)-ocds.json")
    }

    /// `GET summaries/SUBMISSION[?format=md]`: one bidder's summary as `tenderscore summaries`
    /// writes it (`.html`, or `.md`), as a download.
    @Sendable func summary(_ request: Request, context: WebContext) async throws -> Response {
        let person = try reader(context)
        let submission = try context.parameters.require("submission")
        guard let summary = try await summaries(for: person).first(where: { $0.submission == submission }) else {
            throw StoreError(.tenderNotFound, "There is no bid \(submission) in tender \(app.tender.id).")
        }
        if request.uri.queryParameters["format"] == "md" {
            return download(summary.markdown, type: "text/markdown; charset=utf-8", name: summary.fileBaseName + ".md")
        }
        return download(summary.html, type: "text/html; charset=utf-8", name: summary.fileBaseName + ".html")
    }

    private func summaries(for person: ActingPerson) async throws -> [AssessmentSummary] {
        let view = try await app.tender.view(for: person, doing: "see the assessment summaries", .outputs)
        let report = try view.report(provisional: false)
        do throws(ExportError) {
            return try AssessmentSummary.all(for: report)
        } catch {
            throw StoreError(.notReady, error.description)
        }
    }

    private func download(_ text: String, type: String, name: String) -> Response {
        var headers: HTTPFields = [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""]
        if type.hasPrefix("text/html") { headers[.contentSecurityPolicy] = DocumentPolicy.policy(for: text) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func words(_ outcome: AssessmentSummary.Outcome) -> String {
        switch outcome {
        case .successful: return "Successful"
        case .unsuccessful: return "Unsuccessful"
        case .notRanked: return "Not ranked (below a minimum score, or no usable price)"
        }
    }
}
