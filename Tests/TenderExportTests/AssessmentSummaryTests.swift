import Foundation
import Testing
@testable import TenderExport

@Suite struct AssessmentSummaryTests {
    /// BID-001 wins, BID-003 ranks second, BID-006 fails the principles threshold, BID-004 was
    /// imported with a warning (no response to one criterion).
    @Test(arguments: ["BID-001", "BID-003", "BID-004", "BID-006"])
    func summaryMatchesGolden(_ submission: String) throws {
        let summary = try AssessmentSummary.make(for: submission, report: try SampleTender.finalReport())
        try Golden.check(summary.html, "summaries/\(summary.fileBaseName).html")
        try Golden.check(summary.markdown, "summaries/\(summary.fileBaseName).md")
    }

    @Test func outcomesAreSaidPlainly() throws {
        let report = try SampleTender.finalReport()
        let summaries = try AssessmentSummary.all(for: report)
        #expect(summaries.count == 7)
        let byID = Dictionary(uniqueKeysWithValues: summaries.map { ($0.submission, $0) })
        #expect(byID["BID-001"]?.outcome == .successful)
        #expect(byID["BID-003"]?.outcome == .unsuccessful)
        #expect(byID["BID-006"]?.outcome == .notRanked)
        let failed = try #require(byID["BID-006"])
        #expect(failed.markdown.contains("it was not ranked, because it did not reach the minimum score"))
        #expect(failed.markdown.contains("Equality, diversity, accessibility and reciprocity: scored 1, below the minimum of 2"))
        let loser = try #require(byID["BID-003"])
        #expect(loser.markdown.contains("## Your bid compared with the winning bid"))
        #expect(loser.markdown.contains("## The winning bid: Westfield Voices Co-operative Ltd"))
        // Rationales are attributed by role, never by name.
        for summary in summaries {
            for name in ["Amira Khan", "Tom Okafor", "Grace Mensah", "Dev Patel", "Ruth Adeyemi"] {
                #expect(!summary.markdown.contains(name))
                #expect(!summary.html.contains(name))
            }
        }
        // The winner's price is never disclosed to others, only its price marks.
        #expect(!loser.markdown.contains("1,265,000"))
    }

    @Test func provisionalRankingIsRefused() throws {
        let report = try SampleTender.provisionalReport()
        let error = try #require(throws: ExportError.self) { try AssessmentSummary.all(for: report) }
        #expect(error.code == .provisionalRanking)
        #expect(
            error.message
                == "assessment summaries are written for the award decision; the ranking is provisional "
                + "(7 answers still without a moderated score)")
    }

    @Test func writesHTMLAndMarkdownFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("summaries-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try AssessmentSummary.write(try AssessmentSummary.all(for: try SampleTender.finalReport()), to: folder)
        #expect(written.count == 14)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("BID-006-assessment-summary.md").path))
    }
}
