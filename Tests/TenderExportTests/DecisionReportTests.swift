import Foundation
import Testing
@testable import TenderExport

@Suite struct DecisionReportTests {
    @Test func finalReportMatchesGolden() throws {
        try Golden.check(try DecisionReport.render(try SampleTender.finalReport()), "decision-report.html")
    }

    @Test func provisionalReportMatchesGolden() throws {
        let html = try DecisionReport.render(try SampleTender.provisionalReport())
        #expect(html.contains("<strong>Provisional</strong>"))
        try Golden.check(html, "decision-report-provisional.html")
    }

    @Test func isSelfContainedAndAccessibleByConstruction() throws {
        let html = try DecisionReport.render(try SampleTender.finalReport())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"en-GB\">"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\""))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"))
        let charts = html.components(separatedBy: "role=\"img\"").count - 1
        #expect(charts == 8)  // totals, scores, and one spread chart per criterion (6)
        #expect(html.components(separatedBy: "<title id=").count - 1 == charts)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == charts)
        #expect(html.contains("<caption>"))
        #expect(html.contains("<th scope=\"col\">"))
        #expect(html.contains("@media print"))
        // Headings never skip a level.
        var last = 1
        for match in html.matches(of: /<h([1-6])/) {
            let level = Int(match.1) ?? 0
            #expect(level <= last + 1, "heading h\(level) after h\(last)")
            last = level
        }
    }

    @Test func bidderTextIsEscaped() throws {
        let html = try DecisionReport.render(try SyntheticTender.report())
        #expect(html.contains("=HYPERLINK(&quot;https://evil.example&quot;,&quot;click&quot;)"))
        #expect(!html.contains("\"https://evil.example\""))
        #expect(html.contains("tied for first place"))
    }

    /// Loads the page in headless Chromium: it must load, and its DOM must hold the ranking.
    @Test(.enabled(if: ExternalTools.chromium != nil, "chromium not installed (CI installs it): skipping the browser check"))
    func loadsInHeadlessChromium() throws {
        let chromium = try #require(ExternalTools.chromium)
        let html = try DecisionReport.render(try SampleTender.finalReport())
        let file = try ExternalTools.temporaryFile("decision-report.html", contents: html)
        let folder = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,2000"]
        let screenshot = folder.appendingPathComponent("report.png").path
        let shot = try ExternalTools.run(chromium, common + ["--screenshot=\(screenshot)", file.absoluteString])
        #expect(shot.status == 0, "chromium --screenshot failed: \(shot.stderr)")
        #expect(FileManager.default.fileExists(atPath: screenshot))
        let dump = try ExternalTools.run(chromium, common + ["--dump-dom", file.absoluteString])
        #expect(dump.status == 0, "chromium --dump-dom failed: \(dump.stderr)")
        #expect(dump.stdout.contains("<th scope=\"row\" class=\"id\">BID-001</th><td data-label=\"Bidder\"><bdi>Westfield Voices Co-operative Ltd</bdi></td>"))
        #expect(dump.stdout.contains("id=\"ranking-heading\""))
    }
}
