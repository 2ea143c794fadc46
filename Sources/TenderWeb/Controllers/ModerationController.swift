import Foundation
import Hummingbird
import TenderModel
import TenderScoring
import TenderStore
import TenderWorkflow

/// The moderation meeting: the list of items to discuss, each item with every score and
/// rationale side by side, the form a commissioner records the agreed score on, and
/// finalising. Panel members may read the list once the workflow lets them (after scoring
/// independently), never an item of a bid they are conflicted with; only commissioners record.
struct ModerationController {
    let app: WebApp

    static func register(on routes: TenderRoutes) {
        routes.get("moderation") { Self(app: $0).list }
        routes.get("moderation/{submission}/{criterion}") { Self(app: $0).itemPage }
        routes.post("moderation/{submission}/{criterion}") { Self(app: $0).agree }
        routes.get("finalise") { Self(app: $0).finalisePage }
        routes.post("finalise") { Self(app: $0).finalise }
    }

    /// Commissioners act as commissioners; members as themselves; auditors do not moderate.
    private func reader(_ context: WebContext) throws -> (SignedInPerson, ActingPerson) {
        let person = try app.person(context)
        if person.isCommissioner { return (person, try person.asStaff()) }
        if person.isMember { return (person, try person.asMember()) }
        throw StoreError(.forbidden, "Moderation is for the panel and the commissioners. Auditors read it in the history.")
    }

    private func commissioner(_ context: WebContext) throws -> ActingPerson {
        try app.person(context).asCommissioner()
    }

    @Sendable func list(_ request: Request, context: WebContext) async throws -> Response {
        let (person, acting) = try reader(context)
        let list = try await app.tender.moderationList(for: acting)
        var page = Page(template: "moderation", title: "Moderation")
        page.view["base"] = app.base
        page.view["isCommissioner"] = person.isCommissioner
        page.view["entries"] = list.needingDiscussion.map { entry -> [String: Any] in
            let item = entry.moderated.item
            return [
                "submission": item.submission, "criterion": item.criterion,
                "title": list.view.criteria.criterion(item.criterion)?.title ?? item.criterion,
                "bidder": list.view.submissions.first { $0.id == item.submission }?.bidder.name ?? item.submission,
                "reasons": entry.reasons.joined(separator: "; "),
                "agreed": entry.consensus.map { "Agreed: \($0.value)" } ?? "Not agreed yet",
                "done": entry.consensus != nil,
            ]
        }
        // Said only when some are waiting: a mustache section shows for 0 too.
        page.view["waiting"] = list.waiting.isEmpty ? false : list.waiting.count
        page.view["pending"] = list.view.evaluation.pendingItems.count
        return try app.render(page, context)
    }

    /// The item as `acting` may see it: a listed item, or for a commissioner any item whose
    /// scores are all in.
    private func item(_ context: WebContext, person: SignedInPerson, acting: ActingPerson) async throws
        -> (ModerationList, ModeratedScore, [String])
    {
        let submission = try context.parameters.require("submission")
        let criterion = try context.parameters.require("criterion")
        let list = try await app.tender.moderationList(for: acting)
        let key = ItemKey(submission: submission, criterion: criterion)
        if let entry = list.needingDiscussion.first(where: { $0.moderated.item == key }) {
            return (list, entry.moderated, entry.reasons)
        }
        if person.isCommissioner, let moderated = list.view.evaluation.items.first(where: { $0.item == key }) {
            let awaiting = moderated.scores.awaiting
            if !awaiting.isEmpty {
                throw StoreError(.notReady, "Moderation of \(submission) on \(criterion) is not open yet: waiting for scores from \(awaiting.joined(separator: ", ")).")
            }
            return (list, moderated, [])
        }
        throw StoreError(.tenderNotFound, "There is no item \(submission) / \(criterion) for you to moderate.")
    }

    @Sendable func itemPage(_ request: Request, context: WebContext) async throws -> Response {
        let (person, acting) = try reader(context)
        let (list, moderated, reasons) = try await item(context, person: person, acting: acting)
        return try app.render(itemView(list, moderated, reasons, person: person, input: nil, problem: nil), context)
    }

    @Sendable func agree(_ request: Request, context: WebContext) async throws -> Response {
        let acting = try commissioner(context)
        let person = try app.person(context)
        let (list, moderated, reasons) = try await item(context, person: person, acting: acting)
        let form = context.form
        guard let value = form["score"].flatMap({ Int($0) }) else {
            return try app.render(
                itemView(list, moderated, reasons, person: person, input: form, problem: ("score", "Choose the score the panel agreed.")), context)
        }
        do {
            try await app.tender.agree(
                submission: moderated.item.submission, criterion: moderated.item.criterion, value: value,
                rationale: form["rationale"] ?? "", bidderExplanation: form["for-bidder"], attendees: form.all("attendees"),
                dissenters: form.all("dissent"), by: acting, reason: form["reason"])
        } catch {
            guard [.invalidInput, .reasonRequired].contains(error.code) else { throw error }
            let field = error.code == .reasonRequired ? "reason" : (form["rationale"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? "rationale" : "score"
            return try app.render(itemView(list, moderated, reasons, person: person, input: form, problem: (field, error.message)), context)
        }
        return WebApp.seeOther(app.base + "/moderation")
    }

    private func itemView(
        _ list: ModerationList, _ moderated: ModeratedScore, _ reasons: [String], person: SignedInPerson, input: FormData?,
        problem: (field: String, message: String)?
    ) -> Page {
        let view = list.view
        let key = moderated.item
        let criterion = view.criteria.criterion(key.criterion)
        let bidder = view.submissions.first { $0.id == key.submission }?.bidder.name ?? key.submission
        var page = Page(
            template: "moderation-item", title: "\(key.submission): \(criterion?.title ?? key.criterion)",
            status: problem == nil ? .ok : .badRequest, hasErrors: problem != nil)
        page.view["base"] = app.base
        page.view["bidder"] = bidder
        page.view["reasons"] = reasons
        page.view["errors"] = problem.map { [["field": $0.field, "message": $0.message]] } ?? []
        for field in ["score", "rationale", "reason"] {
            page.view[field + "Error"] = shown(problem.flatMap { $0.field == field ? $0.message : nil })
        }
        let rationales = Dictionary(
            view.scores.filter { $0.item == key }.map { ($0.panelist, $0.rationale) }, uniquingKeysWith: { first, _ in first })
        page.view["scores"] = moderated.scores.scores.sorted { $0.key < $1.key }.map { member, value -> [String: Any] in
            let panelMember = view.panel.member(member)
            return [
                "name": panelMember?.name ?? member, "role": panelMember?.role.rawValue.replacingOccurrences(of: "-", with: " ") ?? "",
                "livedExperience": panelMember?.role.bringsLivedExperience ?? false,
                "score": value, "label": view.criteria.scale.level(value)?.label ?? "", "rationale": rationales[member] ?? "",
            ]
        }
        page.view["conflicted"] = moderated.scores.conflicted.map { view.panel.member($0)?.name ?? $0 }
        let consensus = moderated.consensus
        page.view["agreed"] = consensus.map { ["value": $0.value, "rationale": $0.rationale, "by": $0.recordedBy] } ?? false
        let canRecord = person.isCommissioner && !view.summary.isFinalised
        page.view["canRecord"] = canRecord
        let chosen = input?["score"].flatMap { Int($0) } ?? consensus?.value
        page.view["levels"] = view.criteria.scale.levels.enumerated().map { position, level -> [String: Any] in
            [
                "value": level.value, "label": level.label, "descriptor": level.descriptor, "checked": chosen == level.value,
                "inputId": position == 0 ? "score" : "score-\(level.value)",
            ]
        }
        let attendees = input.map { Set($0.all("attendees")) } ?? Set(consensus?.attendees ?? [])
        let dissent = input.map { Set($0.all("dissent")) } ?? Set(consensus?.dissenters ?? [])
        let eligible = view.panel.members.filter { !view.panel.isConflicted(member: $0.id, submission: key.submission) }
        page.view["members"] = eligible.enumerated().map { position, member -> [String: Any] in
            [
                "id": member.id, "name": member.name, "attending": attendees.contains(member.id),
                "dissenting": dissent.contains(member.id), "attendeeId": position == 0 ? "attendees" : "attendees-\(member.id)",
                "dissentId": position == 0 ? "dissent" : "dissent-\(member.id)",
            ]
        }
        page.view["rationale"] = input?["rationale"] ?? consensus?.rationale ?? ""
        page.view["forBidder"] = input?["for-bidder"] ?? consensus?.bidderExplanation ?? ""
        page.view["reason"] = input?["reason"] ?? ""
        page.view["needsReason"] = consensus != nil
        return page
    }

    @Sendable func finalisePage(_ request: Request, context: WebContext) async throws -> Response {
        _ = try commissioner(context)
        return try app.render(try await finaliseView(problem: nil, reason: ""), context)
    }

    private func finaliseView(problem: String?, reason: String) async throws -> Page {
        let snapshot = try await app.tender.snapshot()
        var page = Page(
            template: "finalise", title: "Finalise the tender", status: problem == nil ? .ok : .badRequest, hasErrors: problem != nil)
        page.view["base"] = app.base
        page.view["errors"] = problem.map { [["field": "reason", "message": $0]] } ?? []
        page.view["reasonError"] = problem ?? false
        page.view["reason"] = reason
        page.view["finalised"] = snapshot.summary.finalisation.map { ["reason": $0.reason, "sequence": $0.sequence] } ?? false
        return page
    }

    @Sendable func finalise(_ request: Request, context: WebContext) async throws -> Response {
        let acting = try commissioner(context)
        let reason = context.form["reason"] ?? ""
        let head: String
        do {
            head = try await app.tender.finalise(reason: reason, by: acting)
        } catch {
            guard error.code == .reasonRequired || error.code == .invalidInput else { throw error }
            return try app.render(try await finaliseView(problem: "Say why the tender is being finalised: it goes in the award record.", reason: reason), context)
        }
        var page = Page(template: "finalised", title: "The tender is finalised")
        page.view["head"] = head
        page.view["base"] = app.base
        return try app.render(page, context)
    }
}
