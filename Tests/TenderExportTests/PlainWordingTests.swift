import Foundation
import Testing
@testable import TenderExport

/// Every output people read is written in plain words: no "bid(s)" placeholder plurals, no raw
/// ids in sentences (criterion ids in quotes, member ids, a bid id repeated after itself), no
/// sensitivity jargon.
@Suite struct PlainWordingTests {
    /// Every human-readable output of the sample, final and provisional, as visible text.
    static func outputs() throws -> [(name: String, text: String)] {
        let final = try SampleTender.finalReport()
        let provisional = try SampleTender.provisionalReport()
        var outputs: [(String, String)] = [
            ("report", visible(try DecisionReport.render(final))),
            ("provisional report", visible(try DecisionReport.render(provisional))),
            ("table", RankingTable.render(final)),
            ("provisional table", RankingTable.render(provisional)),
        ]
        for summary in try AssessmentSummary.all(for: final) {
            outputs.append(("\(summary.submission) summary html", visible(summary.html)))
            outputs.append(("\(summary.submission) summary md", summary.markdown))
        }
        return outputs
    }

    /// The evaluation pack quotes bids, whose own words ("innovation", "principles") may equal a
    /// criterion id, and names the member's scoresheet file: only TenderScore's own wording is
    /// checked there.
    @Test func packSaysImportWarningsInWords() throws {
        for file in try EvaluationPackTests.pack("p-amira", anonymise: false).files where file.name.hasSuffix(".html") {
            let text = Self.visible(file.contents)
            #expect(!text.contains("(s)"), "\(file.name) has a (s) plural")
            #expect(text.firstMatch(of: /'[a-z]+(-[a-z]+)*'/) == nil, "\(file.name) quotes an id")
            #expect(text.firstMatch(of: /(BID-\d+): \1/) == nil, "\(file.name) repeats a bid id after itself")
        }
        let page = try #require(try EvaluationPackTests.pack("p-amira", anonymise: false).files.first { $0.name == "BID-004.html" })
        #expect(page.contents.contains("This bid gave no answer to “Innovate”."))
    }

    /// The text a reader sees: no tags, no `<style>`, entities for quotes decoded.
    static func visible(_ html: String) -> String {
        html.replacing(/<style>[\s\S]*?<\/style>/, with: "").replacing(/<[^>]+>/, with: "")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func noPlaceholderPluralsOrRawIDs() throws {
        let criterionIDs = ["local-assets", "local-insights", "working-together", "innovation", "long-term", "principles"]
        let memberIDs = ["p-amira", "p-tom", "p-grace", "p-dev", "p-ruth"]
        for (name, text) in try Self.outputs() {
            #expect(!text.contains("(s)"), "\(name) has a (s) plural")
            for id in criterionIDs {
                #expect(!text.contains("'\(id)'"), "\(name) quotes the id \(id)")
                #expect(!text.contains("\(id):"), "\(name) uses the id \(id) as a label")
                // "long-term" is also an English word, in the title "Take a long-term view".
                if id != "long-term" { #expect(!text.contains(" \(id) "), "\(name) has the id \(id) in a sentence") }
            }
            for id in memberIDs { #expect(!text.contains(id), "\(name) shows the member id \(id)") }
            #expect(text.firstMatch(of: /(BID-\d+): \1/) == nil, "\(name) repeats a bid id after itself")
            #expect(!text.contains("draw level") && !text.contains("draws level"), "\(name) uses sensitivity jargon")
            #expect(!text.contains("(relative-difference)") && !text.contains("(lowest-price)"), "\(name) shows a formula id")
            #expect(!text.contains("if it rose by"), "\(name) uses sensitivity jargon")
        }
    }
}
