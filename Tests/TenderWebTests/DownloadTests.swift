import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TenderTestSupport
import TenderWeb
import TenderWorkflow

/// The award record (OCDS) and the assessment summaries, for commissioners and auditors, with
/// the command line's refusals and, once given, exactly what the command line writes.
@Suite struct DownloadTests {
    static let t = "/tenders/TND-2026-014"
    static let buyer = "Northshire County Council"
    static func commissioner() throws -> ActingPerson { try ActingPerson("c-jo", standing: .commissioner) }

    /// Every item the panel diverged on is agreed at its median, as the moderation meeting would.
    static func moderate(_ fixture: WebFixture) async throws {
        let acting = try commissioner()
        let panel = try #require(try await fixture.tender.snapshot().panel?.panel)
        for entry in try await fixture.tender.moderationList(for: acting).needingDiscussion {
            let item = entry.moderated.item
            let values = entry.moderated.scores.values
            let eligible = panel.members.map(\.id).filter { !panel.isConflicted(member: $0, submission: item.submission) }
            _ = try await fixture.tender.agree(
                submission: item.submission, criterion: item.criterion, value: values[values.count / 2],
                rationale: "The panel agreed after discussing the evidence.", attendees: eligible, by: acting)
        }
    }

    /// The OCDS text without the moment it was made (the release's date and the id made from it).
    static func undated(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})"#, with: "DATE", options: .regularExpression)
            .replacingOccurrences(of: #"-\d{14}"#, with: "-STAMP", options: .regularExpression)
            .replacingOccurrences(of: #"Produced [^\n]*"#, with: "Produced WHEN", options: .regularExpression)
    }

    @Test func beforeModerationThereIsNoAwardRecordAndNoSummary() async throws {
        let fixture = try await WebFixture(scored: true)
        try await fixture.test { client in
            let jo = try await fixture.signedIn("c-jo", client)
            let page = try await jo.get(Self.t + "/downloads")
            #expect(page.status == .ok && page.body.contains("There are no summaries yet: 10 items still need an agreed score from the moderation meeting."))
            #expect(page.body.contains("once the tender is finalised"))
            let ocds = try await jo.get(Self.t + "/ocds.json?buyer-name=Northshire+County+Council")
            #expect(ocds.status == .conflict && ocds.body.contains("no moderated score yet"))
            let summary = try await jo.get(Self.t + "/summaries/BID-001")
            #expect(summary.status == .conflict && summary.body.contains("no moderated score yet"))
        }
    }

    @Test func summariesAreDraftUntilFinalisedAndTheAwardRecordIsTheCommandLines() async throws {
        let fixture = try await WebFixture(scored: true)
        try await Self.moderate(fixture)
        try await fixture.test { client in
            let jo = try await fixture.signedIn("c-jo", client)
            let page = try await jo.get(Self.t + "/downloads")
            #expect(page.body.contains("every summary is marked DRAFT") && page.body.contains(Self.t + "/summaries/BID-001?format=md"))
            let draft = try await jo.get(Self.t + "/summaries/BID-001")
            #expect(draft.status == .ok && draft.body.contains("DRAFT"))
            #expect(draft.headers[.contentDisposition] == "attachment; filename=\"BID-001-assessment-summary.html\"")
            let early = try await jo.get(Self.t + "/ocds.json?buyer-name=Northshire+County+Council")
            #expect(early.status == .conflict && early.body.contains("is not finalised yet. Finalise it first."))

            _ = try await fixture.tender.finalise(reason: "Moderation complete.", by: try Self.commissioner())
            let morgan = try await fixture.signedIn("a-morgan", client)
            let noName = try await morgan.get(Self.t + "/ocds.json")
            #expect(noName.status == .badRequest && noName.body.contains("names the contracting authority"))
            let ocds = try await morgan.get(Self.t + "/ocds.json?buyer-name=Northshire+County+Council")
            #expect(ocds.status == .ok && ocds.headers[.contentDisposition] == "attachment; filename=\"TND-2026-014-ocds.json\"")
            let cli = try AccessibilityTests.run(
                try PanelFlowTests.binary(),
                ["rank", "--format", "ocds", "--buyer-name", Self.buyer, "--store", fixture.store.storePath, "--as", "a-morgan"], timeout: 120)
            #expect(cli.status == 0, "\(cli.stderr)")
            #expect(Self.undated(ocds.body) == Self.undated(cli.stdout))
            let final = try await morgan.get(Self.t + "/summaries/BID-001?format=md")
            #expect(final.status == .ok && !final.body.contains("DRAFT"))
            #expect(final.headers[.contentType] == "text/markdown; charset=utf-8")
            let folder = fixture.store.folder.file("summaries")
            let written = try AccessibilityTests.run(
                try PanelFlowTests.binary(), ["summaries", "--output", folder, "--store", fixture.store.storePath, "--as", "a-morgan"],
                timeout: 120)
            #expect(written.status == 0, "\(written.stderr)")
            let fromCLI = try String(contentsOfFile: folder + "/BID-001-assessment-summary.md", encoding: .utf8)
            #expect(Self.undated(final.body) == Self.undated(fromCLI))
        }
    }

    @Test func aMemberGetsNoDownloads() async throws {
        let fixture = try await WebFixture(scored: true)
        try await Self.moderate(fixture)
        try await fixture.test { client in
            let ruth = try await fixture.signedIn("p-ruth", client)
            for path in ["/downloads", "/ocds.json?buyer-name=X", "/summaries/BID-001"] {
                let page = try await ruth.get(Self.t + path)
                #expect(page.status == .forbidden && page.body.contains("The records are for commissioners and auditors"))
            }
        }
    }
}
