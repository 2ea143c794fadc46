import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TenderModel
import TenderTestSupport
import TenderWeb
import TenderWorkflow

/// The whole sample tender through the forms: every member declares, scores every bid and
/// hands in; the commissioner moderates and finalises; `ranking.json` is exactly what
/// `rank --format json` prints for the same scores.
@Suite struct PanelFlowTests {
    static let t = "/tenders/TND-2026-014"

    /// On every store: the web app's writes and the command line read the same history.
    @Test(arguments: WebStore.available)
    func theSampleTenderScoredInTheBrowserRanksAsTheCommandLineDoes(_ backend: WebStore) async throws {
        let fixture = try await WebFixture(on: backend)
        let snapshot = try await fixture.tender.snapshot(.responses)
        let panel = try #require(snapshot.panel?.panel)
        try await fixture.test { client in
            for (offset, member) in panel.members.enumerated() {
                let browser = try await fixture.signedIn(member.id, client)
                let bids = snapshot.submissions.map(\.submission.id).filter { !panel.isConflicted(member: member.id, submission: $0) }
                let home = try await browser.get(Self.t + "/")
                #expect(home.body.contains("Declare any conflict of interest"))
                #expect(!home.body.contains("BID-001"), "no bid is shown before the declaration")
                let declared = try await browser.post(Self.t + "/declaration", bids.map { ("conflict-\($0)", "no") })
                #expect(declared.status == .seeOther)
                let sheet = Sheets.sheet(
                    member: member, offset: offset, panel: panel, submissions: snapshot.submissions.map(\.submission),
                    criteria: snapshot.criteria)
                for bid in bids {
                    let page = try await browser.get(Self.t + "/submissions/\(bid)/score")
                    #expect(page.status == .ok)
                    let price = snapshot.submissions.first { $0.submission.id == bid }?.submission.price?.amount
                    let plain = price.map { "\(NSDecimalNumber(decimal: $0).intValue)" } ?? "no price"
                    #expect(!page.body.contains(plain), "the price of \(bid) (\(plain)) is never shown while scoring")
                    let fields = sheet.scores.filter { $0.submission == bid }.flatMap { score in
                        [("score-\(score.criterion)", String(score.value)), ("rationale-\(score.criterion)", score.rationale)]
                    }
                    let saved = try await browser.post(Self.t + "/submissions/\(bid)/score", fields)
                    #expect(saved.status == .seeOther, "\(member.id) \(bid): \(saved.body.prefix(400))")
                }
                let check = try await browser.get(Self.t + "/hand-in")
                #expect(check.body.contains("Hand in my scores"))
                #expect(try await browser.post(Self.t + "/hand-in").status == .seeOther)
            }
            let commissioner = try await fixture.signedIn("c-jo", client)
            let list = try await fixture.tender.moderationList(for: try ActingPerson("c-jo", standing: .commissioner))
            #expect(!list.needingDiscussion.isEmpty)
            for entry in list.needingDiscussion {
                let item = entry.moderated.item
                let path = Self.t + "/moderation/\(item.submission)/\(item.criterion)"
                let page = try await commissioner.get(path)
                for (member, value) in entry.moderated.scores.scores {
                    #expect(page.body.contains(panel.member(member)?.name ?? member) && page.body.contains("<td>\(value) "))
                }
                let median = entry.moderated.scores.values[entry.moderated.scores.values.count / 2]
                let eligible = panel.members.map(\.id).filter { !panel.isConflicted(member: $0, submission: item.submission) }
                let agreed = try await commissioner.post(
                    path,
                    [
                        ("score", String(median)), ("rationale", "The panel agreed after discussing the evidence."),
                        ("for-bidder", "Your answer on this question was weighed against the published guidance."),
                    ]
                        + eligible.map { ("attendees", $0) } + [("dissent", eligible[0])])
                #expect(agreed.status == .seeOther, "\(path): \(agreed.body.prefix(400))")
            }
            // The explanation written for each bidder is kept beside the panel's note.
            let view = try await fixture.tender.view(for: try ActingPerson("c-jo", standing: .commissioner), doing: nil, .responses)
            #expect(!view.consensus.isEmpty)
            #expect(view.consensus.allSatisfy {
                $0.bidderExplanation == "Your answer on this question was weighed against the published guidance."
            })
            let finalised = try await commissioner.post(Self.t + "/finalise", [("reason", "Moderation complete; the panel agreed the ranking.")])
            #expect(finalised.status == .ok && finalised.body.contains("The tender is finalised"))

            let ranking = try await commissioner.get(Self.t + "/ranking.json")
            #expect(ranking.status == .ok)
            // The command line, run as a person runs it, on the same store.
            let cli = try AccessibilityTests.run(
                try Self.binary(), ["rank", "--format", "json", "--store", fixture.storeSpec, "--as", "c-jo"], timeout: 120)
            #expect(cli.status == 0, "\(cli.stderr)")
            #expect(ranking.body == cli.stdout)
            #expect(try await fixture.tender.verify().isIntact)
            // Every change is under the signed-in person.
            let actors = Set(try await fixture.tender.history(for: try ActingPerson("a-morgan", standing: .auditor)).map(\.actor))
            #expect(actors.isSuperset(of: Set(panel.members.map(\.id) + ["c-jo"])))
        }
    }

    @Test func theScoringPageListsEveryProblemAndKeepsWhatWasTyped() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let browser = try await fixture.signedIn("p-amira", client)
            _ = try await browser.post(Self.t + "/declaration", (1...7).map { ("conflict-BID-00\($0)", "no") })
            let page = try await browser.post(
                Self.t + "/submissions/BID-001/score", [("score-local-assets", "4"), ("rationale-local-assets", "Names the time bank")])
            #expect(page.status == .badRequest)
            #expect(page.body.contains("<title>Error: "))
            #expect(page.body.contains("There is a problem"))
            #expect(page.body.contains("<a href=\"#score-local-insights\">Choose a score for"))
            #expect(page.body.contains("<a href=\"#rationale-local-insights\">Say why you gave your score for"))
            #expect(!page.body.contains("href=\"#score-local-assets\""))
            #expect(page.body.contains("Names the time bank</textarea>"))
            #expect(page.body.contains("value=\"4\" aria-describedby=\"score-local-assets-4-hint\" checked"))
        }
    }

    @Test func aDeclarationWithProblemsIsShownAgainWithEachProblem() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let browser = try await fixture.signedIn("p-ruth", client)
            let page = try await browser.post(Self.t + "/declaration", [("conflict-BID-001", "yes"), ("details-BID-001", "")])
            #expect(page.status == .badRequest)
            #expect(page.body.contains("<a href=\"#details-BID-001\">Say what your conflict of interest with BID-001 is.</a>"))
            #expect(page.body.contains("<a href=\"#conflict-BID-002\">Say whether you have a conflict of interest with BID-002.</a>"))
            #expect(page.body.contains("Already recorded as a conflict of interest"))
            #expect(page.body.contains("value=\"yes\" checked"))
        }
    }

    @Test func theEasyReadViewAsksOneQuestionAtATimeAndMovesOn() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let browser = try await fixture.signedIn("p-tom", client)
            _ = try await browser.post(Self.t + "/declaration", (1...7).map { ("conflict-BID-00\($0)", "no") })
            let path = Self.t + "/submissions/BID-002/easy-read/local-assets"
            let page = try await browser.get(path)
            #expect(page.body.contains("<h1>Question 1 of 6: Recognise local assets</h1>"))
            #expect(page.body.contains("●●●○○"))
            let empty = try await browser.post(path, [("rationale-local-assets", "")])
            #expect(empty.status == .badRequest)
            #expect(empty.body.contains("<a href=\"#score-local-assets\">Choose a score for Recognise local assets.</a>"))
            let saved = try await browser.post(path, [("score-local-assets", "4"), ("rationale-local-assets", "Names the time bank.")])
            #expect(saved.status == .seeOther && saved.location == Self.t + "/submissions/BID-002/easy-read/local-insights")
            let score = try await fixture.tender.scores().first { $0.panelist == "p-tom" && $0.submission == "BID-002" }
            #expect(score?.value == 4 && score?.criterion == "local-assets")
            let last = try await browser.post(
                Self.t + "/submissions/BID-002/easy-read/principles", [("score-principles", "3"), ("rationale-principles", "Some.")])
            #expect(last.location == Self.t + "/?saved=BID-002")
        }
    }

    /// `swift test` builds the `tenderscore` executable beside the test bundle.
    static func binary() throws -> String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("tenderscore").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = SampleTender.root.appendingPathComponent(".build/debug/tenderscore").path
        try #require(FileManager.default.isExecutableFile(atPath: fallback), "tenderscore was not built")
        return fallback
    }
}
