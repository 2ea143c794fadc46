import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TenderStore
import TenderWeb
import TenderWorkflow

/// Invitations, sign-in, sessions, and the guards every response and every form carries.
@Suite struct SignInAndSecurityTests {
    static let t = "/tenders/TND-2026-014"

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            for path in ["/sign-in", "/no-such-page", Self.t + "/"] {
                let page = try await Browser(client).get(path)
                let csp = try #require(page.headers[HTTPField.Name("Content-Security-Policy")!])
                #expect(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
                #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            }
            let missing = try await Browser(client).get("/no-such-page")
            #expect(missing.status == .notFound && missing.body.contains("If you typed the web address, check it is correct."))
        }
    }

    @Test func cookiesAreHttpOnlyStrictAndSecureOverHTTPS() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let plain = try await Browser(client).get("/sign-in")
            let cookie = try #require(plain.setCookies.first { $0.hasPrefix("ts-form=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
            let proxied = try await Browser(client).get("/sign-in", headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(try #require(proxied.setCookies.first { $0.hasPrefix("ts-form=") }).contains("Secure"))
            let browser = try await fixture.signedIn("p-amira", client)
            _ = browser
        }
    }

    @Test func aFormFromAnotherSiteOrWithoutItsTokenIsRefused() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let browser = try await fixture.signedIn("p-amira", client)
            let crossSite = try await browser.post(
                Self.t + "/declaration", (1...7).map { ("conflict-BID-00\($0)", "no") }, origin: "https://evil.example")
            #expect(crossSite.status == .forbidden)
            #expect(crossSite.body.contains("The form was sent from another site, so it was refused. Nothing was changed."))
            let referer = try await browser.post(
                Self.t + "/declaration", [], origin: nil, headers: [HTTPField.Name("Referer")!: "https://evil.example/page"])
            #expect(referer.status == .forbidden)
            let noToken = try await browser.post(Self.t + "/declaration", (1...7).map { ("conflict-BID-00\($0)", "no") }, csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(noToken.body.contains("The page you sent the form from was too old, or it did not come from this site."))
            let wrongToken = try await browser.post(Self.t + "/declaration", [("csrf", "forged")], csrf: false)
            #expect(wrongToken.status == .forbidden)
            #expect(try await fixture.tender.snapshot().declarations.isEmpty)
        }
    }

    @Test func signingInWithAWrongPasswordSaysSoAndRepeatedFailuresSlowDown() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            _ = try await fixture.signedIn("p-tom", client)
            let browser = Browser(client)
            let empty = try await browser.post("/sign-in", [("person", ""), ("password", "")])
            #expect(empty.status == .badRequest && empty.body.contains("Enter your name or your id") && empty.body.contains("Enter your password"))
            for _ in 1...3 {
                let wrong = try await browser.post("/sign-in", [("person", "Tom Okafor"), ("password", "not it at all")])
                #expect(wrong.status == .unauthorized)
                #expect(wrong.body.contains("The name or the password is not right. Check them and try again."))
            }
            let slowed = try await browser.post("/sign-in", [("person", "tom okafor"), ("password", WebFixture.password)])
            #expect(slowed.status == .tooManyRequests)
            #expect(slowed.body.contains("There have been several wrong passwords for this name. Wait 2 seconds, then try again."))
            let byID = try await browser.post("/sign-in", [("person", "p-tom"), ("password", WebFixture.password)])
            #expect(byID.status == .tooManyRequests, "the same person typed by id is slowed down too")
            fixture.clock.advance(3)
            let right = try await browser.post("/sign-in", [("person", "tom okafor"), ("password", WebFixture.password)])
            #expect(right.status == .seeOther && right.location == Self.t + "/" && browser.hasSession)
            let unknown = try await Browser(client).post("/sign-in", [("person", "Nobody"), ("password", "whatever it is")])
            #expect(unknown.body.contains("The name or the password is not right."))
        }
    }

    @Test func anInvitationWorksOnceAndExpiresAfterSevenDays() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let path = try await fixture.invitation("p-grace")
            let browser = Browser(client)
            let form = try await browser.get(path)
            #expect(form.status == .ok && form.body.contains("Welcome, Grace Mensah.") && form.body.contains("autocomplete=\"new-password\""))
            let short = try await browser.post(path, [("password", "short"), ("confirm", "other")])
            #expect(short.status == .badRequest)
            #expect(short.body.contains("Your password must be at least 10 characters long"))
            #expect(short.body.contains("The two passwords are not the same. Type the same password twice"))
            let set = try await browser.post(path, [("password", WebFixture.password), ("confirm", WebFixture.password)])
            #expect(set.status == .seeOther && browser.hasSession)
            let again = try await Browser(client).get(path)
            #expect(again.status == .conflict && again.body.contains("This invitation link has already been used."))
            let unknown = try await Browser(client).get("/invitations/not-a-token")
            #expect(unknown.status == .notFound && unknown.body.contains("This invitation link is not one we know."))
            let later = try await fixture.invitation("p-grace")
            fixture.clock.advance(7 * 24 * 60 * 60 + 1)
            let expired = try await Browser(client).get(later)
            #expect(expired.status == .conflict && expired.body.contains("This invitation link has expired."))
            let facts = try await fixture.storage.accountEvents().filter { $0.person == "p-grace" }.map(\.kind)
            #expect(facts == [.personInvited, .passwordSet, .personInvited])
        }
    }

    @Test func aSessionEndsAfterInactivityAndOnSignOut() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let browser = try await fixture.signedIn("p-amira", client)
            let home = try await browser.get(Self.t + "/")
            #expect(home.status == .ok && home.body.contains("we sign you out after 30 minutes without activity"))
            fixture.clock.advance(29 * 60)
            #expect(try await browser.get(Self.t + "/").status == .ok)
            fixture.clock.advance(31 * 60)
            let timedOut = try await browser.get(Self.t + "/")
            #expect(timedOut.status == .seeOther && timedOut.location == "/sign-in?timed-out=1")
            #expect(try await browser.get("/sign-in?timed-out=1").body.contains("You were signed out because you did nothing for 30 minutes."))
            #expect(try await browser.get(Self.t + "/").location == "/sign-in")

            let second = try await fixture.signedIn("p-tom", client)
            let out = try await second.post("/sign-out")
            #expect(out.status == .seeOther && out.location == "/sign-in?signed-out=1" && !second.hasSession)
            #expect(try await second.get(Self.t + "/").location == "/sign-in")
        }
    }

    @Test func anAuditorChangesNothingEvenByPostingForms() async throws {
        let fixture = try await WebFixture(scored: true)
        try await fixture.test { client in
            let auditor = try await fixture.signedIn("a-morgan", client)
            let before = try await fixture.tender.snapshot().eventCount
            for path in ["/finalise", "/moderation/BID-001/local-assets", "/hand-in", "/declaration"] {
                let page = try await auditor.post(Self.t + path, [("reason", "x"), ("score", "3"), ("rationale", "x")])
                #expect(page.status == .forbidden, "\(path)")
            }
            #expect(try await fixture.tender.snapshot().eventCount == before)
            let verify = try await auditor.get(Self.t + "/verify")
            let head = try await fixture.tender.verify().head ?? "?"
            #expect(verify.body.contains("The history is intact") && verify.body.contains(head))
            let history = try await auditor.get(Self.t + "/history?member=p-amira&kind=score.given")
            #expect(history.status == .ok && history.body.contains("p-amira scored BID-001") && !history.body.contains("p-tom scored"))
        }
    }

    @Test func aCommissionerMakesAnInvitationLinkThatWorks() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let commissioner = try await fixture.signedIn("c-jo", client)
            let people = try await commissioner.get(Self.t + "/people")
            #expect(people.body.contains("<th scope=\"row\">Grace Mensah</th><td>p-grace</td>"))
            let made = try await commissioner.post(Self.t + "/people/invitations", [("person", "p-grace")])
            #expect(made.status == .ok)
            let link = try #require(made.body.range(of: "http://localhost/invitations/[A-Za-z0-9_-]+", options: .regularExpression))
            let path = String(made.body[link]).replacingOccurrences(of: "http://localhost", with: "")
            let page = try await Browser(client).get(path)
            #expect(page.status == .ok && page.body.contains("Welcome, Grace Mensah."))
            let unknown = try await commissioner.post(Self.t + "/people/invitations", [("person", "p-nobody")])
            #expect(unknown.status == .badRequest && unknown.body.contains("p-nobody is neither on the panel nor added"))
            let facts = try await fixture.storage.accountEvents().filter { $0.kind == .personInvited }.map(\.actor)
            #expect(facts.contains("c-jo"))
        }
    }

    /// The decision report and the summaries carry their style inside them (they are kept and
    /// emailed): served, they are styled by a policy naming those exact bytes, and nothing else.
    @Test func aKeptDocumentIsStyledByItsOwnStyleAndNoOther() async throws {
        let fixture = try await WebFixture(scored: true)
        try await fixture.test { client in
            let commissioner = try await fixture.signedIn("c-jo", client)
            let report = try await commissioner.get(Self.t + "/report.html?provisional=1")
            #expect(report.status == .ok)
            let policy = try #require(report.headers[.contentSecurityPolicy])
            let style = try #require(report.body.range(of: "(?s)(?<=<style>).*?(?=</style>)", options: .regularExpression))
            let digest = Data(SHA256.hash(data: Data(report.body[style].utf8))).base64EncodedString()
            #expect(policy.contains("style-src 'sha256-\(digest)';"), "\(policy)")
            #expect(!policy.contains("unsafe-inline") && !policy.contains("script-src") && policy.contains("default-src 'none'"))
            // The app's own pages keep the policy that allows no inline style at all.
            let home = try await commissioner.get(Self.t + "/")
            #expect(home.headers[.contentSecurityPolicy]?.contains("style-src 'self';") == true)
        }
    }
}
