import Foundation
import Testing

@testable import TenderExport

/// Parts of a page rendered on their own (``HTMLTemplates/render(_:template:fragments:)``) are
/// put only where a template marks them, never where a bidder's text imitates the mark. (That
/// the parts make the same page as before is the golden decision report's and summaries' check.)
@Suite struct FragmentTests {
    /// A bid that names itself with a fragment's marker: the decision report and the bidder's
    /// summary show the words, escaped, and the report holds each bid's scores once.
    @Test func aMarkerInABiddersTextStaysText() throws {
        let marker = "<!--fragment:bid-details--><!--fragment:summary-winner-->"
        let report = try CustomTender.report([
            .init(id: "BID-1", name: "Marker Ltd \(marker)", price: 1000, score: 5, answer: marker),
            .init(id: "BID-2", name: "Good Ltd", price: 1100),
        ])
        let html = try DecisionReport.render(report)
        #expect(!html.contains("<!--fragment:"))
        #expect(html.contains("&lt;!--fragment:bid-details--&gt;"))
        #expect(html.components(separatedBy: "<h3 id=\"bid-BID-1\">").count == 2)
        #expect(html.components(separatedBy: "<h3 id=\"bid-BID-2\">").count == 2)
        for summary in try AssessmentSummary.all(for: report) {
            #expect(!summary.html.contains("<!--fragment:"))
            #expect(summary.html.contains("&lt;!--fragment:summary-winner--&gt;"))
        }
    }

    @Test func aMarkerWithoutItsFragmentIsRefused() throws {
        #expect {
            try HTMLTemplates.render(["bidDetails": [HTMLTemplates.View]()], template: "decision-report", fragments: [:])
        } throws: { error in
            (error as? ExportError)?.message
                == "the template decision-report.mustache places a fragment failed-bids that was not rendered"
        }
    }
}
