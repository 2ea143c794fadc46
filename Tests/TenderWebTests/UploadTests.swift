import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TenderTestSupport
import TenderWeb
import TenderWorkflow

/// A commissioner's uploads go through the use cases the command line uses: the same checks,
/// each problem with its file, line and column, and nothing stored on any error.
@Suite struct UploadTests {
    static let t = "/tenders/TND-2026-014"

    static func file(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// The tender's history as it stands: a refused upload leaves it exactly so.
    static func head(_ fixture: WebFixture) async throws -> (Int64, String) {
        let snapshot = try await fixture.tender.snapshot()
        return (snapshot.eventCount, snapshot.head)
    }

    @Test func aBidSentAsAResponseFormWithItsAppendixIsRecorded() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let jo = try await fixture.signedIn("c-jo", client)
            let page = try await jo.get(Self.t + "/uploads/bids")
            #expect(page.status == .ok && page.body.contains("7 bids are recorded so far"))
            let folder = SampleTender.samplesFolder + "/forms/BID-008/"
            let uploaded = try await jo.upload(
                Self.t + "/uploads/bids",
                files: [
                    ("bids", "BID-008.docx", try Self.file(folder + "BID-008.docx")),
                    ("bids", "appendix-a-northfield-asset-map.pdf", try Self.file(folder + "appendix-a-northfield-asset-map.pdf")),
                ])
            #expect(uploaded.status == .ok && uploaded.body.contains("The bids are uploaded"), "\(uploaded.body.prefix(1500))")
            #expect(uploaded.body.contains("Recorded 1 change in the history.") && uploaded.body.contains("The history’s head"))
            let bid = try #require(try await fixture.tender.receivedFiles(ofSubmission: "BID-008", for: try ActingPerson("c-jo", standing: .commissioner)))
            #expect(bid.original.bytes == (try Self.file(folder + "BID-008.docx")))
            #expect(bid.appendices.map(\.file) == ["appendix-a-northfield-asset-map.pdf"])
            let events = try await fixture.tender.history(for: try ActingPerson("a-morgan", standing: .auditor), submission: "BID-008")
            #expect(events.count == 1 && events.first?.actor == "c-jo")
        }
    }

    @Test func aBadBidStoresNothingAndListsEachProblemWithItsLine() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let jo = try await fixture.signedIn("c-jo", client)
            let before = try await Self.head(fixture)
            let broken = Array("<?xml version=\"1.0\"?>\n<submission>\n  <bidder>\n</submission>\n".utf8)
            let folder = SampleTender.samplesFolder + "/forms/BID-009/"
            let page = try await jo.upload(
                Self.t + "/uploads/bids",
                files: [("bids", "BID-010.xml", broken), ("bids", "BID-009.odt", try Self.file(folder + "BID-009.odt"))])
            #expect(page.status == .badRequest && page.body.contains("<title>Error: Upload bids"))
            #expect(page.body.range(of: ##"<a href="#bids">BID-010\.xml:\d+:\d+: error: "##, options: .regularExpression) != nil, "\(page.body)")
            #expect(try await Self.head(fixture) == before)
            // A bid already on record is refused unless it is declared a replacement, with a reason.
            let again = try await jo.upload(Self.t + "/uploads/bids", files: [("bids", "BID-001.xml", try Self.file(SampleTender.bids[0]))])
            #expect(again.status == .badRequest || again.status == .conflict, "\(again.status)")
            #expect(again.body.contains("BID-001"))
            let noReason = try await jo.upload(
                Self.t + "/uploads/bids", [("replace", "yes")], files: [("bids", "BID-001.xml", try Self.file(SampleTender.bids[0]))])
            #expect(noReason.status == .badRequest && noReason.body.contains("<a href=\"#reason\">Say why the bids are replaced</a>"))
            #expect(noReason.body.contains("value=\"yes\" checked"))
            let none = try await jo.upload(Self.t + "/uploads/bids", files: [])
            #expect(none.status == .badRequest && none.body.contains("<a href=\"#bids\">Choose one or more bid files</a>"))
            #expect(try await Self.head(fixture) == before)
        }
    }

    @Test func aBadPanelStoresNothingAndAReplacementNeedsAReason() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let jo = try await fixture.signedIn("c-jo", client)
            let before = try await Self.head(fixture)
            let form = try await jo.get(Self.t + "/uploads/panel")
            #expect(form.status == .ok && form.body.contains("Why is the panel being replaced?"))
            let text = try String(contentsOfFile: SampleTender.panel, encoding: .utf8)
            let otherTender = Array(text.replacingOccurrences(of: "tender=\"TND-2026-014\"", with: "tender=\"TND-2025-001\"").utf8)
            let page = try await jo.upload(Self.t + "/uploads/panel", [("reason", "A new member")], files: [("panel", "panel.xml", otherTender)])
            #expect(page.status == .badRequest && page.body.contains("<title>Error: Upload the panel"), "\(page.status)")
            #expect(page.body.range(of: #"panel\.xml:\d+(:\d+)?: error: "#, options: .regularExpression) != nil, "\(page.body)")
            #expect(page.body.contains("A new member</textarea>"))
            let added = Array(
                text.replacingOccurrences(
                    of: "  <conflict ", with: "  <member id=\"p-lena\" role=\"practitioner\">Lena Whyte</member>\n  <conflict "
                ).utf8)
            let noReason = try await jo.upload(Self.t + "/uploads/panel", files: [("panel", "panel.xml", added)])
            #expect(noReason.status == .conflict || noReason.status == .badRequest, "\(noReason.status)")
            #expect(noReason.body.contains("href=\"#reason\""), "\(noReason.body.prefix(3000))")
            #expect(try await Self.head(fixture) == before)
        }
    }

    @Test func anUploadFromAnotherSiteOrWithoutItsTokenIsRefused() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let jo = try await fixture.signedIn("c-jo", client)
            let before = try await Self.head(fixture)
            let folder = SampleTender.samplesFolder + "/forms/BID-008/"
            let files = [("bids", "BID-008.docx", try Self.file(folder + "BID-008.docx"))]
            let forged = try await jo.upload(Self.t + "/uploads/bids", files: files, origin: "https://evil.example")
            #expect(forged.status == .forbidden && forged.body.contains("The form was sent from another site, so it was refused."))
            let tokenless = try await jo.upload(Self.t + "/uploads/bids", files: files, csrf: false)
            #expect(tokenless.status == .forbidden && tokenless.body.contains("Your form could not be sent"))
            #expect(try await Self.head(fixture) == before)
        }
    }

    @Test func onlyACommissionerUploads() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            for person in ["p-ruth", "a-morgan"] {
                let browser = try await fixture.signedIn(person, client)
                for path in ["/uploads/bids", "/uploads/panel"] {
                    let page = try await browser.upload(Self.t + path, files: [("bids", "BID-001.xml", try Self.file(SampleTender.bids[0]))])
                    #expect(page.status == .forbidden && page.body.contains("Only a commissioner can do this"))
                }
            }
        }
    }
}
