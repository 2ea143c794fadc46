import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TenderWeb

/// Every route against every role, signed out, and another tender's ids: the server decides
/// who may do what, whatever the browser sends.
///
/// The tender is as the panel found it on the first day: bids in, nobody has scored. The member
/// is Ruth Adeyemi (conflicted with BID-005 in the panel document), who has made her
/// declaration; the commissioner, Jo Clarke, is not on the panel; the auditor is Morgan Ellis.
@Suite struct RouteAuthorisationTests {
    enum Role: String, CaseIterable, Sendable {
        case signedOut, member, commissioner, auditor
    }

    struct Route: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var form: [(String, String)] = []
        /// The status for each role; a missing role means 403.
        var expected: [Role: HTTPResponse.Status]
        /// What each role's 403 page says.
        var refusals: [Role: String] = [:]

        var description: String { "\(method) \(path)" }
    }

    static let t = "/tenders/TND-2026-014"
    static let notPanel = "Only panel members use this page"
    static let notCommissioner = "Only a commissioner can do this"
    static let records = "The records are for commissioners and auditors"
    static let independence = "still to score"
    static let conflicted = "You declared a conflict of interest with BID-005"
    static let staffNotPanel: [Role: String] = [.commissioner: notPanel, .auditor: notPanel]
    static let onlyCommissioner: [Role: String] = [.member: notCommissioner, .auditor: notCommissioner]
    static let onlyRecords: [Role: String] = [.member: records]

    static let routes: [Route] = [
        Route(method: .get, path: t + "/", expected: [.member: .ok, .commissioner: .ok, .auditor: .ok]),
        Route(method: .get, path: t + "/declaration", expected: [.member: .ok], refusals: staffNotPanel),
        Route(
            method: .post, path: t + "/declaration", expected: [:],
            refusals: staffNotPanel.merging([.member: "You made your declaration already"]) { $1 }),
        Route(method: .get, path: t + "/submissions/BID-001/score", expected: [.member: .ok], refusals: staffNotPanel),
        Route(method: .post, path: t + "/submissions/BID-001/score", expected: [.member: .badRequest], refusals: staffNotPanel),
        Route(
            method: .get, path: t + "/submissions/BID-005/score", expected: [:],
            refusals: staffNotPanel.merging([.member: conflicted]) { $1 }),
        Route(
            method: .post, path: t + "/submissions/BID-005/score", form: [("score-local-assets", "3")], expected: [:],
            refusals: staffNotPanel.merging([.member: conflicted]) { $1 }),
        Route(method: .get, path: t + "/submissions/BID-999/score", expected: [.member: .notFound], refusals: staffNotPanel),
        Route(method: .get, path: t + "/submissions/BID-001/easy-read/local-assets", expected: [.member: .ok], refusals: staffNotPanel),
        Route(
            method: .post, path: t + "/submissions/BID-001/easy-read/local-assets", expected: [.member: .badRequest],
            refusals: staffNotPanel),
        Route(method: .get, path: t + "/submissions/BID-001/easy-read/no-such", expected: [.member: .notFound], refusals: staffNotPanel),
        Route(
            method: .get, path: t + "/submissions/BID-005/easy-read/local-assets", expected: [:],
            refusals: staffNotPanel.merging([.member: conflicted]) { $1 }),
        Route(
            method: .post, path: t + "/submissions/BID-005/easy-read/local-assets", form: [("score-local-assets", "3")],
            expected: [:], refusals: staffNotPanel.merging([.member: conflicted]) { $1 }),
        Route(method: .get, path: t + "/hand-in", expected: [.member: .ok], refusals: staffNotPanel),
        Route(method: .post, path: t + "/hand-in", expected: [.member: .conflict], refusals: staffNotPanel),
        Route(
            method: .get, path: t + "/moderation", expected: [.commissioner: .ok],
            refusals: [.member: independence, .auditor: "Moderation is for the panel and the commissioners"]),
        Route(
            method: .get, path: t + "/moderation/BID-001/local-assets", expected: [.commissioner: .conflict],
            refusals: [.member: independence, .auditor: "Moderation is for the panel and the commissioners"]),
        Route(
            method: .post, path: t + "/moderation/BID-001/local-assets", form: [("score", "3"), ("rationale", "Agreed")],
            expected: [.commissioner: .conflict], refusals: onlyCommissioner),
        Route(method: .get, path: t + "/finalise", expected: [.commissioner: .ok], refusals: onlyCommissioner),
        Route(
            method: .post, path: t + "/finalise", form: [("reason", "Done")], expected: [.commissioner: .conflict],
            refusals: onlyCommissioner),
        Route(
            method: .get, path: t + "/ranking.json", expected: [.commissioner: .conflict, .auditor: .conflict],
            refusals: [.member: independence]),
        Route(
            method: .get, path: t + "/ranking.json?provisional=1", expected: [.commissioner: .ok, .auditor: .ok],
            refusals: [.member: independence]),
        Route(
            method: .get, path: t + "/ranking.csv?provisional=1", expected: [.commissioner: .ok, .auditor: .ok],
            refusals: [.member: independence]),
        Route(
            method: .get, path: t + "/report.html?provisional=1", expected: [.commissioner: .ok, .auditor: .ok],
            refusals: [.member: independence]),
        Route(method: .get, path: t + "/history", expected: [.commissioner: .ok, .auditor: .ok], refusals: onlyRecords),
        Route(method: .get, path: t + "/verify", expected: [.commissioner: .ok, .auditor: .ok], refusals: onlyRecords),
        Route(method: .get, path: t + "/people", expected: [.commissioner: .ok, .auditor: .ok], refusals: onlyRecords),
        Route(
            method: .post, path: t + "/people/invitations", form: [("person", "p-tom")], expected: [.commissioner: .ok],
            refusals: onlyCommissioner),
        Route(method: .get, path: t + "/uploads/panel", expected: [.commissioner: .ok], refusals: onlyCommissioner),
        Route(method: .post, path: t + "/uploads/panel", expected: [.commissioner: .badRequest], refusals: onlyCommissioner),
        Route(method: .get, path: t + "/uploads/bids", expected: [.commissioner: .ok], refusals: onlyCommissioner),
        Route(method: .post, path: t + "/uploads/bids", expected: [.commissioner: .badRequest], refusals: onlyCommissioner),
        Route(method: .get, path: t + "/downloads", expected: [.commissioner: .ok, .auditor: .ok], refusals: onlyRecords),
        Route(
            method: .get, path: t + "/ocds.json?buyer-name=Northshire+County+Council",
            expected: [.commissioner: .conflict, .auditor: .conflict], refusals: onlyRecords),
        Route(
            method: .get, path: t + "/summaries/BID-001", expected: [.commissioner: .conflict, .auditor: .conflict],
            refusals: onlyRecords),
        // The site's own pages, whichever tender: the list of tenders and setting one up.
        Route(method: .get, path: "/tenders/", expected: [.member: .ok, .commissioner: .ok, .auditor: .ok]),
        Route(method: .get, path: "/tenders-new", expected: [.commissioner: .ok], refusals: onlyCommissioner),
        Route(
            method: .post, path: "/tenders-new", form: [("tender", "TND-2026-020")], expected: [.commissioner: .badRequest],
            refusals: onlyCommissioner),
    ]

    @Test func everyRouteAgainstEveryRole() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            var browsers: [Role: Browser] = [.signedOut: Browser(client)]
            browsers[.member] = try await fixture.signedIn("p-ruth", client)
            browsers[.commissioner] = try await fixture.signedIn("c-jo", client)
            browsers[.auditor] = try await fixture.signedIn("a-morgan", client)
            let declared = try await browsers[.member]!.post(
                Self.t + "/declaration", (1...7).filter { $0 != 5 }.map { ("conflict-BID-00\($0)", "no") })
            #expect(declared.status == .seeOther)
            for route in Self.routes {
                for role in Role.allCases {
                    let browser = try #require(browsers[role])
                    let page =
                        route.method == .get ? try await browser.get(route.path) : try await browser.post(route.path, route.form)
                    if role == .signedOut {
                        #expect(page.status == .seeOther && page.location == "/sign-in", "\(route) signed out: \(page.status)")
                        continue
                    }
                    let expected = route.expected[role] ?? .forbidden
                    #expect(page.status == expected, "\(route) as \(role): \(page.status) \(page.body.prefix(200))")
                    if expected == .forbidden {
                        let refusal = try #require(route.refusals[role], "\(route) as \(role) has no expected refusal")
                        #expect(page.body.contains(refusal), "\(route) as \(role) does not say \"\(refusal)\"")
                    }
                }
            }
        }
    }

    @Test func anotherTendersIdsAreNotFound() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let browsers = [
                try await fixture.signedIn("p-ruth", client), try await fixture.signedIn("c-jo", client),
                try await fixture.signedIn("a-morgan", client),
            ]
            for route in Self.routes where route.path.contains("TND-2026-014") {
                let path = route.path.replacingOccurrences(of: "TND-2026-014", with: "TND-2025-001")
                for browser in browsers {
                    let page = route.method == .get ? try await browser.get(path) : try await browser.post(path, route.form)
                    #expect(page.status == .notFound, "\(route.method) \(path): \(page.status)")
                    #expect(page.body.contains("There is no tender TND-2025-001 here."))
                }
            }
        }
    }
}
