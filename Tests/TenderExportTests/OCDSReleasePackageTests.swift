import Foundation
import Testing
@testable import TenderExport

@Suite struct OCDSReleasePackageTests {
    static let options = OCDSOptions(
        ocidPrefix: "ocds-xxxxxx", buyer: OCDSOrganisation(id: "GB-GOR-E99999999", name: "Westfield Council"),
        publisherName: "Westfield Council", packageURI: "https://data.westfield.example/ocds/TND-2026-014/award.json")

    @Test func releasePackageMatchesGolden() throws {
        try Golden.check(
            try OCDSReleasePackage.render(try SampleTender.finalReport(), options: Self.options), "ocds-release-package.json")
    }

    @Test func mapsTheAwardAndTheBids() throws {
        let text = try OCDSReleasePackage.render(try SampleTender.finalReport(), options: Self.options)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "1.1")
        #expect(root["extensions"] as? [String] == [OCDSOptions.bidExtension])
        let release = try #require((root["releases"] as? [[String: Any]])?.first)
        #expect(release["ocid"] as? String == "ocds-xxxxxx-TND-2026-014")
        #expect(release["tag"] as? [String] == ["award"])
        let tender = try #require(release["tender"] as? [String: Any])
        #expect(tender["awardCriteria"] as? String == "ratedCriteria")
        #expect(tender["numberOfTenderers"] as? Int == 7)
        let awards = try #require(release["awards"] as? [[String: Any]])
        #expect(awards.count == 1)
        #expect(awards.first?["status"] as? String == "pending")
        #expect((awards.first?["suppliers"] as? [[String: String]])?.first?["name"] == "Westfield Voices Co-operative Ltd")
        let parties = try #require(release["parties"] as? [[String: Any]])
        let suppliers = parties.filter { ($0["roles"] as? [String])?.contains("supplier") == true }
        #expect(suppliers.count == 1)
        let details = try #require((release["bids"] as? [String: Any])?["details"] as? [[String: Any]])
        #expect(details.count == 7)
        let failed = try #require(details.first { $0["id"] as? String == "BID-006" })
        #expect(failed["status"] as? String == "disqualified")
        let winner = try #require(details.first { $0["id"] as? String == "BID-001" })
        #expect(winner["status"] as? String == "valid")
        #expect((winner["tenderscore"] as? [String: Any])?["rank"] as? Int == 1)
    }

    @Test func provisionalRankingIsRefused() throws {
        let report = try SampleTender.provisionalReport()
        let error = try #require(throws: ExportError.self) { try OCDSReleasePackage.render(report, options: Self.options) }
        #expect(error.code == .provisionalRanking)
        #expect(error.message == "an OCDS award release needs a final ranking; 7 answers still have no moderated score")
    }

    @Test func tiedFirstPlaceIsRefused() throws {
        let report = try SyntheticTender.report()
        let error = try #require(throws: ExportError.self) { try OCDSReleasePackage.render(report, options: Self.options) }
        #expect(error.code == .tiedFirstPlace)
    }

    /// libcoveocds, offline against the OCDS 1.1.5 release archive, finds no validation errors.
    @Test(
        .enabled(
            if: ExternalTools.libcoveocds != nil && ExternalTools.standardZip != nil,
            "libcoveocds not found: set TENDERSCORE_LIBCOVEOCDS (pip install libcoveocds), or the OCDS 1.1.5 zip is missing"))
    func passesLibcoveocds() throws {
        let tool = try #require(ExternalTools.libcoveocds)
        let zip = try #require(ExternalTools.standardZip)
        let text = try OCDSReleasePackage.render(try SampleTender.finalReport(), options: Self.options)
        let file = try ExternalTools.temporaryFile("release-package.json", contents: text)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let output = try ExternalTools.run(tool, ["--standard-zip", zip, file.path])
        #expect(output.status == 0, "libcoveocds failed: \(output.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let errors = try #require(result["validation_errors"] as? [Any])
        #expect(errors.isEmpty, "validation errors: \(errors)")
        #expect(result["version_used"] as? String == "1.1")
    }
}
