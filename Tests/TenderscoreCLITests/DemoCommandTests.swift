import Foundation
import TenderTestSupport
import Testing

@Suite("tenderscore demo")
struct DemoCommandTests {
    @Test("the demo runs the sample tender from the package folder")
    func demoFromPackageRoot() throws {
        let result = try CLI.run(["demo"])
        #expect(result.status == 0, "\(result.stderr)")
        // 14 documents, and each member's second sheet for the two bids sent as forms.
        #expect(result.stdout.contains("19 documents read, 19 valid, 0 invalid"))
        #expect(result.stdout.contains("Recorded 7 events"))
        // BID-008 (.docx) and BID-009 (.odt) after the seven XML bids, each with its appendix.
        #expect(result.stdout.contains("#10 received BID-008 from Northfield Circle of Friends ("))
        #expect(result.stdout.contains("#11 received BID-009 from Kestrel Support Partnership Ltd ("))
        #expect(result.stdout.contains(", with 1 appendix)\nRecorded 2 events"))
        #expect(result.stdout.contains("Agreed BID-005 working-together: 1"))
        #expect(result.stdout.contains("Tender TND-2026-014 is final."))
        // 221 before the forms, plus 2 bids received and 60 scores of them (5 members × 2 bids × 6
        // criteria; none diverges, so no moderation decision is added).
        #expect(result.stdout.contains("Intact: 283 events"))
        #expect(result.stdout.contains("1     BID-001  Westfield Voices Co-operative Ltd"))
        #expect(result.stdout.contains("2     BID-008  Northfield Circle of Friends"))
        // One summary per bidder, HTML and text: nine bidders now.
        #expect(result.stdout.contains("Wrote 18 files to"))
    }

    @Test("the demo finds Samples/ from the binary when run elsewhere")
    func demoFromElsewhere() throws {
        let result = try CLI.run(["demo"], in: try CLI.temporaryDirectory())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("19 documents read"))
    }
}

@Suite("the demo's evaluation pack")
struct DemoPackTests {
    @Test("evidence a bid sent beside its form is copied into the pack, byte for byte, and linked")
    func evidenceInThePack() throws {
        let folder = try CLI.temporaryDirectory()
        let result = try CLI.run(["demo", "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let pack = folder.appendingPathComponent("outputs/pack-p-amira")
        let copied = FileManager.default.contents(atPath: pack.appendingPathComponent("BID-008-evidence-1.pdf").path)
        let sent = FileManager.default.contents(
            atPath: CLI.packageRoot.appendingPathComponent("Samples/forms/BID-008/appendix-a-northfield-asset-map.pdf").path)
        #expect(copied != nil && copied == sent)
        let page = try String(contentsOf: pack.appendingPathComponent("BID-008.html"), encoding: .utf8)
        #expect(page.contains(#"href="BID-008-evidence-1.pdf""#))
    }
}
