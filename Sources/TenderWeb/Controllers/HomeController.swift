import Foundation
import Hummingbird
import TenderStore
import TenderWorkflow

/// `GET /tenders/TENDER/`: each person's own page. A panel member sees their task list; a
/// commissioner sees who has declared and handed in (never their scores) and what to do next;
/// an auditor sees the records they may read.
struct HomeController {
    let app: WebApp

    static func register(on routes: TenderRoutes) {
        routes.get("") { Self(app: $0).home }
    }

    @Sendable func home(_ request: Request, context: WebContext) async throws -> Response {
        let person = try app.person(context)
        let snapshot = try await app.tender.snapshot()
        var page = Page(template: "home", title: snapshot.summary.title)
        page.view["base"] = app.base
        page.view["tenderID"] = app.tender.id
        page.view["finalised"] = snapshot.summary.finalisation.map { ["reason": $0.reason, "sequence": $0.sequence] } ?? false
        let query = request.uri.queryParameters
        if let saved = query["saved"] {
            page.view["notice"] = "Your scores for \(saved) are saved."
        } else if query["declared"] != nil {
            page.view["notice"] = "Your declaration is recorded. You can now read and score the bids."
        } else if query["set-up"] != nil {
            page.view["notice"] = "The tender is set up. Upload the panel and the bids next."
        } else if query["handed-in"] != nil {
            page.view["notice"] = "You have handed in your scores. Thank you."
        }
        if person.isMember {
            let tasks = try await app.tender.tasks(for: try person.asMember())
            let open = tasks.declared && !tasks.finalised
            page.view["member"] = [
                "declared": tasks.declared,
                "handedIn": tasks.handedIn,
                "scoredBids": tasks.scoredBids,
                "totalBids": tasks.bids.count,
                "bids": tasks.bids.map { bid -> [String: Any] in
                    [
                        "id": bid.submission, "bidder": bid.bidder, "open": open,
                        "status": bid.isComplete ? "Completed" : bid.scored == 0 ? "Not started" : "In progress",
                        "completed": bid.isComplete,
                        "progress": "\(bid.scored) of \(bid.criteria) questions scored",
                    ]
                },
                "conflicted": tasks.conflicted,
                "hasConflicts": !tasks.conflicted.isEmpty,
                "canHandIn": tasks.declared && !tasks.handedIn && tasks.bids.allSatisfy(\.isComplete),
            ]
        }
        if person.isCommissioner {
            var commissioner: [String: Any] = [
                "open": snapshot.summary.finalisation == nil, "bidCount": snapshot.submissions.count,
                "hasPanel": snapshot.panel != nil,
            ]
            if snapshot.panel != nil {
                let progress = try await app.tender.panelProgress(for: try person.asStaff())
                commissioner["members"] = progress.members.map { member -> [String: Any] in
                    [
                        "name": member.member.name, "role": member.member.role.rawValue.replacingOccurrences(of: "-", with: " "),
                        "declared": member.declared ? "Yes" : "Not yet",
                        "scored": "\(member.scored) of \(member.toScore) questions",
                        "handedIn": member.handedIn ? "Yes" : "Not yet",
                    ]
                }
            }
            page.view["commissioner"] = commissioner
        }
        if person.isAuditor {
            page.view["auditor"] = true
        }
        page.view["records"] = person.isCommissioner || person.isAuditor
        return try app.render(page, context)
    }
}
