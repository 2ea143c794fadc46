import Foundation
import Testing
@testable import TenderExport

/// A bidder name ending in U+202E (right-to-left override) reversed the next sentence on the page.
@Suite struct BidiIsolationTests {
    static let evil = "Evil Ltd\u{202E}"
    static let controls: [Unicode.Scalar] = ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]

    static func report() throws -> TenderReport {
        try CustomTender.report([
            .init(id: "BID-1", name: evil, price: 1000, score: 5, answer: "We care.\u{2067} Unclosed"),
            .init(id: "BID-2", name: "Good Ltd", price: 1100),
        ])
    }

    @Test func htmlIsolatesBidderNames() throws {
        let report = try Self.report()
        let html = try DecisionReport.render(report)
        #expect(!html.unicodeScalars.contains("\u{202E}"))
        #expect(html.contains("<bdi>Evil Ltd</bdi>"))
        // Every mention of the bidder's name in the page body sits inside an isolate.
        let body = html.components(separatedBy: "<body>").last ?? ""
        let bare = body.replacingOccurrences(of: "<bdi>Evil Ltd</bdi>", with: "")
            .replacingOccurrences(of: "\u{2068}Evil Ltd\u{2069}", with: "")
        #expect(!bare.contains("Evil Ltd"))
        for summary in try AssessmentSummary.all(for: report) {
            #expect(!summary.html.unicodeScalars.contains("\u{202E}"))
            let summaryBody = summary.html.components(separatedBy: "<body>").last ?? ""
            #expect(
                !summaryBody.replacingOccurrences(of: "<bdi>Evil Ltd</bdi>", with: "")
                    .replacingOccurrences(of: "\u{2068}Evil Ltd\u{2069}", with: "").contains("Evil Ltd"))
        }
        let pack = try CustomTender.pack(report)
        for file in pack.files where file.name.hasSuffix(".html") {
            #expect(!file.contents.unicodeScalars.contains("\u{202E}"), "\(file.name)")
            // The unclosed right-to-left isolate in the answer is closed inside the answer.
            #expect(!file.contents.unicodeScalars.contains("\u{2067}") || file.contents.contains("\u{2067} Unclosed\u{2069}"))
        }
    }

    @Test func plainTextOutputsCarryNoUnbalancedControls() throws {
        let report = try Self.report()
        var outputs = [RankingTable.render(report), RankingCSV.render(report)]
        outputs += try AssessmentSummary.all(for: report).map(\.markdown)
        for text in outputs {
            #expect(!text.unicodeScalars.contains("\u{202E}"))
            #expect(text.contains("Evil Ltd"))
        }
    }

    /// `<bdi>` in the body; the isolate characters where markup cannot go.
    @Test func isolatesFitWhereTheyStand() {
        let name = BidiText.isolate("Evil\u{202E}")
        let page = "<title>\(name)</title><p title=\"\(name)\">\(name)</p><svg><text>\(name)</text></svg><p>\(name)</p>"
        #expect(
            BidiText.html(page)
                == "<title>\u{2068}Evil\u{2069}</title><p title=\"\u{2068}Evil\u{2069}\"><bdi>Evil</bdi></p>"
                + "<svg><text>\u{2068}Evil\u{2069}</text></svg><p><bdi>Evil</bdi></p>")
        // A bidder cannot forge the marks.
        #expect(BidiText.isolate("a\u{E001}<b>") == "\u{E000}a<b>\u{E001}")
    }

    @Test func balancedControlsAreKeptAndUnbalancedOnesRemoved() {
        #expect(BidiText.balanced("Evil Ltd\u{202E}") == "Evil Ltd")
        #expect(BidiText.balanced("a\u{202C}b") == "ab")
        #expect(BidiText.balanced("\u{2067}שלום\u{2069} Ltd") == "\u{2067}שלום\u{2069} Ltd")
        #expect(BidiText.balanced("x\u{2067}y") == "xy")
        #expect(BidiText.balanced("\u{202B}a\u{2068}b\u{202C}\u{2069}") == "a\u{2068}b\u{2069}")
    }
}
