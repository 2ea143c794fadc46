import Foundation
import Hummingbird
import TenderModel
import TenderStore
import TenderWorkflow

/// A panel member's pages: the conflict declaration, the scoring page of each bid, and the
/// check-your-answers page before hand-in. Every page asks the workflow, which refuses anyone
/// not on the panel, any bid before the declaration, and any bid the member is conflicted with.
struct MemberController {
    let app: WebApp

    static func register(on routes: TenderRoutes) {
        routes.get("declaration") { Self(app: $0).declarationPage }
        routes.post("declaration") { Self(app: $0).declare }
        routes.get("submissions/{submission}/score") { Self(app: $0).scoringPage }
        routes.post("submissions/{submission}/score") { Self(app: $0).saveScores }
        routes.get("hand-in") { Self(app: $0).checkAnswers }
        routes.post("hand-in") { Self(app: $0).handIn }
    }

    /// The person acting as a panel member; refused to everyone else before any work is done.
    private func member(_ context: WebContext) throws -> ActingPerson {
        let person = try app.person(context)
        guard person.isMember else {
            throw StoreError(.forbidden, "Only panel members use this page. You are signed in as \(person.name), who is not on this panel.")
        }
        return try person.asMember()
    }

    // MARK: Declaration

    @Sendable func declarationPage(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await app.tender.declarationForm(for: try member(context))
        return try app.render(declarationView(form, input: nil, problems: []), context)
    }

    @Sendable func declare(_ request: Request, context: WebContext) async throws -> Response {
        let person = try member(context)
        let form = try await app.tender.declarationForm(for: person)
        let answers = form.bids.filter { $0.fromPanelDocument == nil }.map { bid in
            let choice = context.form["conflict-\(bid.submission)"]
            return ConflictAnswer(
                submission: bid.submission, conflict: choice == "yes" ? true : choice == "no" ? false : nil,
                details: context.form["details-\(bid.submission)"] ?? "")
        }
        do {
            try await app.tender.declareConflicts(answers, by: person)
        } catch {
            guard error.code == .invalidInput && !error.diagnostics.isEmpty else { throw error }
            return try app.render(declarationView(form, input: context.form, problems: error.diagnostics), context)
        }
        return WebApp.seeOther(app.base + "/?declared=1")
    }

    private func declarationView(_ form: DeclarationForm, input: FormData?, problems: [Diagnostic]) -> Page {
        var page = Page(
            template: "declaration", title: "Declare any conflict of interest", status: problems.isEmpty ? .ok : .badRequest,
            hasErrors: !problems.isEmpty)
        let errors = ErrorSummary(problems)
        page.view["errors"] = errors.list
        page.view["declared"] = form.declared
        page.view["base"] = app.base
        page.view["bids"] = form.bids.map { bid -> [String: Any] in
            let choice = input?["conflict-\(bid.submission)"]
            return [
                "id": bid.submission, "bidder": bid.bidder,
                "fromDocument": bid.fromPanelDocument.map { ["details": $0] } ?? false,
                "declared": bid.declared.map { ["conflict": $0.conflict, "details": $0.details] } ?? false,
                "yes": choice == "yes", "no": choice == "no",
                "details": input?["details-\(bid.submission)"] ?? "",
                "conflictError": errors.message(for: "conflict-\(bid.submission)") ?? false,
                "detailsError": errors.message(for: "details-\(bid.submission)") ?? false,
            ]
        }
        return page
    }

    // MARK: Scoring

    @Sendable func scoringPage(_ request: Request, context: WebContext) async throws -> Response {
        let person = try member(context)
        let submission = try context.parameters.require("submission")
        let bid = try await app.tender.scoringBid(submission, for: person)
        return try app.render(scoringView(bid, input: nil, problems: []), context)
    }

    @Sendable func saveScores(_ request: Request, context: WebContext) async throws -> Response {
        let person = try member(context)
        let submission = try context.parameters.require("submission")
        let entries = app.criteria.criteria.map { criterion in
            ScoreEntry(
                criterion: criterion.id, value: context.form["score-\(criterion.id)"].flatMap { Int($0) },
                rationale: context.form["rationale-\(criterion.id)"] ?? "")
        }
        do {
            try await app.tender.saveScores(submission: submission, entries: entries, by: person, reason: context.form["reason"])
        } catch {
            guard (error.code == .invalidInput || error.code == .reasonRequired) && !error.diagnostics.isEmpty else { throw error }
            let bid = try await app.tender.scoringBid(submission, for: person)
            return try app.render(scoringView(bid, input: context.form, problems: error.diagnostics), context)
        }
        return WebApp.seeOther(app.base + "/?saved=" + submission)
    }

    private func scoringView(_ bid: ScoringBid, input: FormData?, problems: [Diagnostic]) -> Page {
        let submission = bid.submission
        var page = Page(
            template: "score", title: "Score \(submission.id): \(submission.bidder.name)", status: problems.isEmpty ? .ok : .badRequest,
            hasErrors: !problems.isEmpty)
        let errors = ErrorSummary(problems)
        page.view["errors"] = errors.list
        page.view["base"] = app.base
        page.view["id"] = submission.id
        page.view["handedIn"] = bid.handedIn
        page.view["wide"] = true
        page.view["firstCriterion"] = bid.criteria.criteria.first?.id ?? ""
        page.view["reason"] = input?["reason"] ?? ""
        page.view["reasonError"] = errors.message(for: "reason") ?? false
        let scale = bid.criteria.scale
        page.view["scaleMin"] = scale.min
        page.view["scaleMax"] = scale.max
        page.view["criteria"] = bid.criteria.criteria.enumerated().map { index, criterion -> [String: Any] in
            let saved = bid.saved[criterion.id]
            let chosen = input.map { $0["score-\(criterion.id)"].flatMap { Int($0) } } ?? saved?.value
            let response = submission.response(to: criterion.id)
            let words = response?.wordCount ?? 0
            return [
                "number": index + 1, "id": criterion.id, "title": criterion.title, "question": criterion.question,
                "guidance": criterion.guidance,
                "answer": response.map { ["paragraphs": $0.paragraphs, "words": words] } ?? false,
                "overLimit": criterion.maxWords.flatMap { words > $0 ? ["limit": $0, "words": words] : nil } ?? false,
                "maxWords": criterion.maxWords ?? false,
                "evidence": response?.evidence.map { ["title": $0.title, "href": $0.href ?? ""] } ?? [],
                "levels": scale.levels.enumerated().map { position, level -> [String: Any] in
                    [
                        "value": level.value, "label": level.label, "descriptor": level.descriptor,
                        "inputId": position == 0 ? "score-\(criterion.id)" : "score-\(criterion.id)-\(level.value)",
                        "checked": chosen == level.value, "name": "score-\(criterion.id)",
                    ]
                },
                "rationale": input?["rationale-\(criterion.id)"] ?? saved?.rationale ?? "",
                "scoreError": errors.message(for: "score-\(criterion.id)") ?? false,
                "rationaleError": errors.message(for: "rationale-\(criterion.id)") ?? false,
            ]
        }
        return page
    }

    // MARK: Hand-in

    @Sendable func checkAnswers(_ request: Request, context: WebContext) async throws -> Response {
        let person = try member(context)
        let tasks = try await app.tender.tasks(for: person)
        var bids: [[String: Any]] = []
        for task in tasks.bids {
            let bid = try await app.tender.scoringBid(task.submission, for: person)
            bids.append([
                "id": task.submission, "bidder": task.bidder,
                "rows": bid.criteria.criteria.map { criterion -> [String: Any] in
                    let score = bid.saved[criterion.id]
                    return [
                        "title": criterion.title, "score": score.map { "\($0.value) – \(bid.criteria.scale.level($0.value)?.label ?? "")" } ?? "Not scored yet",
                        "rationale": score?.rationale ?? "", "missing": score == nil,
                    ]
                },
            ])
        }
        var page = Page(template: "hand-in", title: tasks.handedIn ? "You have handed in your scores" : "Check your scores before you hand them in")
        page.view["bids"] = bids
        page.view["base"] = app.base
        page.view["handedIn"] = tasks.handedIn
        page.view["declared"] = tasks.declared
        page.view["complete"] = tasks.declared && tasks.bids.allSatisfy(\.isComplete)
        page.view["remaining"] = tasks.bids.reduce(0) { $0 + $1.criteria - $1.scored }
        return try app.render(page, context)
    }

    @Sendable func handIn(_ request: Request, context: WebContext) async throws -> Response {
        let person = try member(context)
        try await app.tender.handIn(by: person)
        return WebApp.seeOther(app.base + "/?handed-in=1")
    }
}
