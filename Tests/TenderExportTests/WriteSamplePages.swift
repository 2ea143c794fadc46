import Foundation
import Testing
@testable import TenderExport

/// Writes the sample's pages (and p-amira's pack, in `pack/`) to `TENDERSCORE_PAGES_DIR` for a
/// person to look at (screenshots at 390 px); does nothing otherwise.
@Suite struct WriteSamplePages {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TENDERSCORE_PAGES_DIR"] != nil))
    func writePages() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["TENDERSCORE_PAGES_DIR"] ?? "/tmp")
        let report = try SampleTender.finalReport()
        try Data(try DecisionReport.render(report).utf8).write(to: folder.appendingPathComponent("report.html"))
        for summary in try AssessmentSummary.all(for: report) where ["BID-003", "BID-006"].contains(summary.submission) {
            try Data(summary.html.utf8).write(to: folder.appendingPathComponent("\(summary.submission).html"))
        }
        let pack = try EvaluationPackTests.pack("p-amira", anonymise: false)
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("pack"))
        try pack.write(to: folder.appendingPathComponent("pack"))
        var draft = report
        draft.isFinalised = false
        try Data(try DecisionReport.render(draft).utf8).write(to: folder.appendingPathComponent("report-draft.html"))
    }
}
