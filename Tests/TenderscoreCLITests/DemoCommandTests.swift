import Foundation
import TenderTestSupport
import Testing

@Suite("tenderscore demo")
struct DemoCommandTests {
    @Test("the demo runs the sample tender from the package folder")
    func demoFromPackageRoot() throws {
        let result = try CLI.run(["demo"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("14 documents read, 14 valid, 0 invalid"))
        #expect(result.stdout.contains("Recorded 7 events"))
        #expect(result.stdout.contains("Agreed BID-005 working-together: 1"))
        #expect(result.stdout.contains("Tender TND-2026-014 is final."))
        #expect(result.stdout.contains("Intact: 221 events"))
        #expect(result.stdout.contains("1     BID-001  Westfield Voices Co-operative Ltd"))
        #expect(result.stdout.contains("Wrote 14 files to"))
    }

    @Test("the demo finds Samples/ from the binary when run elsewhere")
    func demoFromElsewhere() throws {
        let result = try CLI.run(["demo"], in: try CLI.temporaryDirectory())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("14 documents read"))
    }
}
