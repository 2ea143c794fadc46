import Foundation
import Testing
import TenderTestSupport

/// `submissions import` of a folder holding a bulk `<submissions>` file beside single bids: each
/// file is read once and told apart by its bytes; a bulk file larger than the limit for one
/// document is still recognised from its first bytes and streamed.
@Suite struct BulkImportCommandTests {
    /// A folder with BID-001 to BID-003 in one bulk file and BID-004 to BID-007 as single files.
    static func mixedFolder(in tender: CLITender) throws -> String {
        let folder = tender.folder.appendingPathComponent("received")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let bodies = try (1...3).map { number in
            try String(contentsOfFile: tender.sample("bids/BID-00\(number).xml"), encoding: .utf8)
                .replacingOccurrences(of: declaration, with: "")
        }
        let bulk = declaration + "<submissions xmlns=\"urn:tenderscore:submission:1\">\n" + bodies.joined(separator: "\n")
            + "\n</submissions>\n"
        try Data(bulk.utf8).write(to: folder.appendingPathComponent("bulk.xml"))
        for number in 4...7 {
            try FileManager.default.copyItem(
                atPath: tender.sample("bids/BID-00\(number).xml"),
                toPath: folder.appendingPathComponent("BID-00\(number).xml").path)
        }
        return folder.path
    }

    static func setUp() throws -> CLITender {
        let tender = try CLITender()
        try tender.expectSuccess(["init", "--tender", "TND-2026-014", "--criteria", "Criteria/coproduction-commissioning.xml"])
        try tender.expectSuccess(["panel", "import", tender.sample("panel.xml")])
        return tender
    }

    @Test(arguments: [[], ["--max-document-bytes", "12000"]])
    func bulkFileAndSingleBidsTogether(limit: [String]) throws {
        let tender = try Self.setUp()
        let folder = try Self.mixedFolder(in: tender)
        let outcome = try tender.expectSuccess(["submissions", "import"] + limit + [folder])
        let received = outcome.stdout.split(separator: "\n").filter { $0.contains(" received BID-") }
        #expect(received.count == 7, "\(outcome.stdout)")
        for number in 1...3 {
            #expect(received.contains { $0.contains("received BID-00\(number) ") && $0.contains("bulk.xml") }, "\(outcome.stdout)")
        }
        for number in 4...7 {
            #expect(received.contains { $0.contains("received BID-00\(number) ") && $0.contains("BID-00\(number).xml") })
        }
        #expect(try tender.head().hasPrefix("Intact: 9 events"))
    }

    /// A single bid over the limit is refused as before, in words, and nothing is stored.
    @Test func singleBidOverTheLimitIsStillRefused() throws {
        let tender = try Self.setUp()
        let before = try tender.head()
        let outcome = try tender.run(["submissions", "import", "--max-document-bytes", "6000", tender.sample("bids")])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("Nothing was imported"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("BID-001.xml"), "\(outcome.stderr)")
        #expect(try tender.head() == before)
    }
}
