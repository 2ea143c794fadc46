import Foundation
import Testing
@testable import TenderExport

/// Until the tender is finalised, every page people read says DRAFT in its heading and in a
/// banner that does not rely on colour.
@Suite struct DraftMarkingTests {
    static func unfinalised() throws -> TenderReport {
        var report = try SampleTender.finalReport()
        report.isFinalised = false
        return report
    }

    @Test func reportIsMarkedDraft() throws {
        let html = try DecisionReport.render(try Self.unfinalised())
        #expect(html.contains("<title>DRAFT: "))
        #expect(html.contains("<h1>DRAFT: "))
        #expect(html.contains("<p class=\"draft-banner\" role=\"note\"><strong>DRAFT</strong>"))
        let final = try DecisionReport.render(try SampleTender.finalReport())
        #expect(!final.contains("DRAFT"))
    }

    @Test func summariesAreMarkedDraft() throws {
        for summary in try AssessmentSummary.all(for: try Self.unfinalised()) {
            #expect(summary.html.contains("<h1>DRAFT: "))
            #expect(summary.html.contains("<strong>DRAFT</strong>"))
            #expect(summary.markdown.hasPrefix("# DRAFT: "))
            #expect(summary.markdown.contains("**DRAFT**"))
        }
        for summary in try AssessmentSummary.all(for: try SampleTender.finalReport()) {
            #expect(!summary.markdown.contains("DRAFT"))
        }
    }

    @Test func rankingTableIsMarkedDraft() throws {
        let text = RankingTable.render(try Self.unfinalised())
        #expect(text.hasPrefix("DRAFT: "))
        #expect(!RankingTable.render(try SampleTender.finalReport()).contains("DRAFT"))
    }
}
