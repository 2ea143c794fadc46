import Foundation
import Hummingbird
import TenderModel
import TenderStore
import TenderWorkflow

/// The easy read view of scoring: one question per page, short sentences, the scale shown with
/// symbols as well as words, and a save that moves on to the next question. For members who
/// find the full page too much at once; the rules are the same (``Tender/saveScores(submission:entries:only:by:reason:)``).
struct EasyReadController {
    let app: WebApp

    static func register(on routes: TenderRoutes) {
        routes.get("submissions/{submission}/easy-read/{criterion}") { Self(app: $0).page }
        routes.post("submissions/{submission}/easy-read/{criterion}") { Self(app: $0).save }
    }

    private func member(_ context: WebContext) throws -> ActingPerson {
        let person = try app.person(context)
        guard person.isMember else {
            throw StoreError(.forbidden, "Only panel members use this page. You are signed in as \(person.name), who is not on this panel.")
        }
        return try person.asMember()
    }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        let person = try member(context)
        let bid = try await app.tender.scoringBid(try context.parameters.require("submission"), for: person)
        return try app.render(try view(bid, criterion: try context.parameters.require("criterion"), input: nil, problems: []), context)
    }

    @Sendable func save(_ request: Request, context: WebContext) async throws -> Response {
        let person = try member(context)
        let submission = try context.parameters.require("submission")
        let criterion = try context.parameters.require("criterion")
        let bid = try await app.tender.scoringBid(submission, for: person)
        let entry = ScoreEntry(
            criterion: criterion, value: context.form["score-\(criterion)"].flatMap { Int($0) },
            rationale: context.form["rationale-\(criterion)"] ?? "")
        do {
            try await app.tender.saveScores(submission: submission, entries: [entry], only: criterion, by: person, reason: context.form["reason"])
        } catch {
            guard (error.code == .invalidInput || error.code == .reasonRequired) && !error.diagnostics.isEmpty else { throw error }
            return try app.render(try view(bid, criterion: criterion, input: context.form, problems: error.diagnostics), context)
        }
        let ids = bid.criteria.criteria.map(\.id)
        if let index = ids.firstIndex(of: criterion), index + 1 < ids.count {
            return WebApp.seeOther(app.base + "/submissions/\(submission)/easy-read/\(ids[index + 1])")
        }
        return WebApp.seeOther(app.base + "/?saved=" + submission)
    }

    private func view(_ bid: ScoringBid, criterion id: String, input: FormData?, problems: [Diagnostic]) throws -> Page {
        let criteria = bid.criteria.criteria
        guard let index = criteria.firstIndex(where: { $0.id == id }) else {
            throw StoreError(.tenderNotFound, "There is no question '\(id)' in this tender.")
        }
        let criterion = criteria[index]
        let scale = bid.criteria.scale
        let errors = ErrorSummary(problems)
        var page = Page(
            template: "easy-read", title: "Question \(index + 1) of \(criteria.count): \(criterion.title)",
            status: problems.isEmpty ? .ok : .badRequest, hasErrors: !problems.isEmpty)
        let saved = bid.saved[id]
        let chosen = input.map { $0["score-\(id)"].flatMap { Int($0) } } ?? saved?.value
        page.view["errors"] = errors.list
        page.view["base"] = app.base
        page.view["id"] = id
        page.view["submission"] = bid.submission.id
        page.view["bidder"] = bid.submission.bidder.name
        page.view["question"] = criterion.question
        page.view["guidance"] = criterion.guidance
        page.view["answer"] = shown(bid.submission.response(to: id).map { ["paragraphs": $0.paragraphs] })
        page.view["handedIn"] = bid.handedIn
        page.view["reason"] = input?["reason"] ?? ""
        page.view["rationale"] = input?["rationale-\(id)"] ?? saved?.rationale ?? ""
        page.view["scoreError"] = shown(errors.message(for: "score-\(id)"))
        page.view["rationaleError"] = shown(errors.message(for: "rationale-\(id)"))
        page.view["reasonError"] = shown(errors.message(for: "reason"))
        page.view["isLast"] = index + 1 == criteria.count
        page.view["levels"] = scale.levels.enumerated().map { position, level -> [String: Any] in
            let filled = level.value - scale.min
            return [
                "value": level.value, "label": level.label, "descriptor": level.descriptor,
                "symbols": String(repeating: "●", count: filled) + String(repeating: "○", count: scale.max - scale.min - filled),
                "inputId": position == 0 ? "score-\(id)" : "score-\(id)-\(level.value)", "name": "score-\(id)",
                "checked": chosen == level.value,
            ]
        }
        return page
    }
}
