import Foundation
import TenderTestSupport
import Testing

/// What goes out of a tender: drafts are marked or refused, what the bidder reads is written for
/// them, and what is sent is on the record.
@Suite("publishing safely")
struct PublishingTests {
    /// The sample tender scored and moderated, with an explanation written for BID-005's bidder.
    static func moderated() throws -> CLITender {
        let tender = try CLITender.withScores()
        try tender.agreeSampleModeration()
        return tender
    }

    @Test("no award record before finalise; summaries before it say DRAFT on every page")
    func draftsAreMarkedOrRefused() throws {
        let tender = try Self.moderated()
        let ocds = try tender.run(["rank", "--format", "ocds", "--buyer-name", "Westfield Council"])
        #expect(ocds.status == 1)
        #expect(ocds.stderr.contains("the OCDS award record announces an award, and tender TND-2026-014 is not finalised yet"))
        let folder = tender.folder.appendingPathComponent("drafts").path
        try tender.expectSuccess(["summaries", "--output", folder])
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(text.contains("DRAFT"), "\(name)")
        }
    }

    @Test("the bidder reads the explanation written for them, never the panel's note or another bid's text")
    func explanationForTheBidder() throws {
        let tender = try CLITender.withScores()
        let agreed = try tender.expectSuccess([
            "moderate", "agree", "BID-005", "working-together", "1",
            "--rationale", "INTERNAL: the panel doubted the national programme reaches Westfield at all.",
            "--for-bidder", "Your answer describes feedback channels but not what people in Westfield would decide.",
            "--attendees", "p-amira,p-tom,p-grace,p-dev",
        ])
        #expect(agreed.stderr.isEmpty)
        let named = try tender.run([
            "moderate", "agree", "BID-007", "working-together", "3",
            "--rationale", "Committees are consulted; people do not decide.",
            "--for-bidder", "Unlike Westfield Voices Co-operative Ltd, your committees only advise.",
            "--attendees", "p-amira,p-tom,p-grace,p-dev,p-ruth",
        ])
        #expect(named.status == 0)
        #expect(named.stderr.contains("warning: the explanation for the bidder names Westfield Voices Co-operative Ltd, another bidder of this tender (BID-001)"))
        try tender.agreeSampleModerationExcept(["BID-005", "BID-007"])
        try tender.expectSuccess(["finalise", "--reason", "Panel sign-off"])
        let folder = tender.folder.appendingPathComponent("summaries").path
        try tender.expectSuccess(["summaries", "--output", folder])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let beacon = try String(contentsOfFile: folder + "/BID-005-assessment-summary.html", encoding: .utf8)
        #expect(beacon.contains("what people in Westfield would decide"))
        for name in files {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(!text.contains("INTERNAL: the panel doubted"), "\(name) carries the panel's internal note")
            if !name.hasPrefix("BID-005") {
                #expect(!text.contains("what people in Westfield would decide"), "\(name) carries BID-005's explanation")
            }
        }
    }

    @Test("publishing is refused before finalise and recorded after it, byte for byte, with the recipient")
    func publicationIsOnTheRecord() throws {
        let tender = try Self.moderated()
        let early = try tender.write("early.html", "<p>draft</p>")
        let refused = try tender.run(["publish", early, "--to", "Beacon National Care Ltd", "--what", "assessment summary"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("The tender is not finalised, so nothing can be published yet"))
        try tender.expectSuccess([
            "finalise", "--reason", "Panel sign-off", "--condition", "An open-book clause on the first year's costs",
        ])
        let folder = tender.folder.appendingPathComponent("summaries").path
        try tender.expectSuccess(["summaries", "--output", folder])
        let summary = folder + "/BID-005-assessment-summary.html"
        let published = try tender.expectSuccess([
            "publish", summary, "--to", "Beacon National Care Ltd", "--what", "assessment summary",
        ])
        #expect(published.stdout.contains("Recorded 1 publication to Beacon National Care Ltd."))
        let log = try tender.expectSuccess(["audit", "log"])
        #expect(log.stdout.contains("published: published the assessment summary \(summary) (SHA-256 "))
        #expect(log.stdout.contains("to Beacon National Care Ltd"))
        try tender.expectSuccess(["audit", "verify"])

        let report = tender.folder.appendingPathComponent("report.html").path
        try tender.expectSuccess(["rank", "--format", "html", "--output", report])
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("An open-book clause on the first year&#39;s costs") || html.contains("An open-book clause on the first year's costs"))
        #expect(html.contains("Panel sign-off"))
        #expect(!html.contains("DRAFT"))
    }

    @Test("a budget given at set-up is set against the recommended price in the report")
    func budget() throws {
        let tender = try CLITender()
        try tender.expectSuccess([
            "init", "--tender", "TND-2026-014", "--criteria", "Criteria/coproduction-commissioning.xml", "--budget", "1300000.00",
        ])
        let bad = try CLITender().run(["init", "--tender", "TND-1", "--criteria", "Criteria/coproduction-commissioning.xml", "--budget", "lots"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--budget takes an amount such as 1250000.00"))
        try tender.expectSuccess(["panel", "import", tender.sample("panel.xml")])
        try tender.expectSuccess(["submissions", "import", tender.sample("bids")])
        for member in ["p-amira.xml", "p-tom.xml", "p-grace.xml", "p-dev.csv", "p-ruth.csv"] {
            try tender.expectSuccess(["scores", "import", tender.sample("scoresheets/" + member)])
        }
        try tender.agreeSampleModeration()
        let report = tender.folder.appendingPathComponent("report.html").path
        try tender.expectSuccess(["rank", "--format", "html", "--output", report])
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("£1,300,000.00"))
    }
}

@Suite("the sending date on the record")
struct SendingDateTests {
    @Test("the decision report states when the assessment summaries were sent")
    func summariesSentDate() throws {
        let tender = try PublishingTests.moderated()
        try tender.expectSuccess(["finalise", "--reason", "Panel sign-off"])
        let before = tender.folder.appendingPathComponent("before.html").path
        try tender.expectSuccess(["rank", "--format", "html", "--output", before])
        #expect(try String(contentsOfFile: before, encoding: .utf8).contains("Not yet: no assessment summary has been recorded as sent"))
        let folder = tender.folder.appendingPathComponent("summaries").path
        try tender.expectSuccess(["summaries", "--output", folder])
        try tender.expectSuccess([
            "publish", folder + "/BID-003-assessment-summary.html", "--to", "Open Door Enterprises CIC", "--what", "assessment summary",
        ])
        let after = tender.folder.appendingPathComponent("after.html").path
        try tender.expectSuccess(["rank", "--format", "html", "--output", after])
        let html = try String(contentsOfFile: after, encoding: .utf8)
        #expect(html.contains("Assessment summaries sent"))
        #expect(!html.contains("Not yet: no assessment summary has been recorded as sent"))
    }
}
