import CSV
import Foundation
import Testing
@testable import TenderExport

@Suite struct EvaluationPackTests {
    static func pack(_ panelist: String, anonymise: Bool) throws -> EvaluationPack {
        let docs = try SampleTender.documents()
        return try EvaluationPack(
            tender: docs.panel.tender, title: SampleTender.title, criteria: docs.criteria, submissions: docs.submissions,
            panel: docs.panel, panelist: panelist, anonymise: anonymise, importWarnings: docs.importWarnings,
            generatedAt: SampleTender.generatedAt)
    }

    @Test func anonymisedBidPageMatchesGolden() throws {
        let pack = try Self.pack("p-amira", anonymise: true)
        let page = try #require(pack.files.first { $0.name == "BID-005.html" })
        try Golden.check(page.contents, "pack/p-amira-anonymised-BID-005.html")
        let index = try #require(pack.files.first { $0.name == "index.html" })
        try Golden.check(index.contents, "pack/p-amira-anonymised-index.html")
    }

    @Test func conflictedBidsAndPricesAreLeftOut() throws {
        let pack = try Self.pack("p-ruth", anonymise: false)
        let names = pack.files.map(\.name)
        #expect(!names.contains("BID-005.html"))
        #expect(names.contains("BID-004.html"))
        #expect(names.contains("scoresheet-p-ruth.csv"))
        let index = try #require(pack.files.first { $0.name == "index.html" })
        #expect(index.contents.contains("Left out because you declared a conflict of interest"))
        for file in pack.files {
            #expect(!file.contents.contains("1,176,400"))
            #expect(!file.contents.contains("1176400"))
        }
    }

    /// The sheet held only ids (`p-amira,BID-001,local-assets,,`): now each row also names the
    /// bidder (its label when anonymised) and the question, after the five columns import reads.
    @Test(arguments: [false, true])
    func blankScoresheetHasOneRowPerItem(anonymise: Bool) throws {
        let pack = try Self.pack("p-ruth", anonymise: anonymise)
        let sheet = try #require(pack.files.first { $0.name == "scoresheet-p-ruth.csv" })
        let reader = try CSVReader(string: sheet.contents, hasHeaderRow: true)
        #expect(reader.headerRow == ["panelist", "submission", "criterion", "score", "rationale", "bidder", "question"])
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.count == 6 * 6)
        #expect(rows.allSatisfy { $0.count == 7 && $0[0] == "p-ruth" && $0[3].isEmpty && $0[4].isEmpty })
        #expect(!rows.contains { $0[1] == "BID-005" })
        let first = try #require(rows.first)
        #expect(Array(first[1...2]) == ["BID-001", "local-assets"])
        #expect(first[5] == (anonymise ? "Bidder A" : "Westfield Voices Co-operative Ltd"))
        #expect(first[6] == "Recognise local assets")
        #expect(!sheet.contents.unicodeScalars.contains { $0 == BidiText.start || $0 == BidiText.end })
    }

    @Test func anonymisingReplacesNamesConsistently() throws {
        let amira = try Self.pack("p-amira", anonymise: true)
        let ruth = try Self.pack("p-ruth", anonymise: true)
        let bidders = [
            "Westfield Voices Co-operative Ltd", "Westfield Neighbourhood Trust", "Open Door Enterprises CIC",
            "Carewise Support Ltd", "Beacon National Care Ltd", "Swift Community Care Ltd", "Westfield Support Services Ltd",
        ]
        for file in amira.files + ruth.files {
            for bidder in bidders { #expect(!file.contents.contains(bidder), "\(file.name) names \(bidder)") }
        }
        let amiraPage = try #require(amira.files.first { $0.name == "BID-003.html" })
        let ruthPage = try #require(ruth.files.first { $0.name == "BID-003.html" })
        #expect(amiraPage.contents.contains("<title>BID-003: \u{2068}Bidder C\u{2069}</title>"))
        #expect(ruthPage.contents.contains("<title>BID-003: \u{2068}Bidder C\u{2069}</title>"))
        #expect(EvaluationPack.label(index: 0) == "Bidder A")
        #expect(EvaluationPack.label(index: 26) == "Bidder AA")
    }

    /// BID-005's long-term answer has 666 words against a limit of 500: the marker falls after
    /// the 500th word, and the rest is still shown.
    @Test func wordLimitMarkerFallsAfterTheLimit() throws {
        let pack = try Self.pack("p-amira", anonymise: false)
        let page = try #require(pack.files.first { $0.name == "BID-005.html" })
        let markers = page.contents.components(separatedBy: "Word limit (500) reached here").count - 1
        #expect(markers == 1)
        let docs = try SampleTender.documents()
        let answer = try #require(docs.submissions.first { $0.id == "BID-005" }?.response(to: "long-term"))
        let text = AnswerText(paragraphs: answer.paragraphs, limit: 500, replacing: [])
        #expect(text.isOverLimit)
        var before = 0
        for view in text.views {
            before += ((view["text"] as? String) ?? "").split(whereSeparator: \.isWhitespace).count
            if view["limitHere"] != nil { break }
        }
        #expect(before == 500)
        let within = AnswerText(paragraphs: ["one two three"], limit: 3, replacing: [])
        #expect(!within.isOverLimit)
    }

    @Test func unknownPanelistIsRefused() throws {
        let error = try #require(throws: ExportError.self) { try Self.pack("p-nobody", anonymise: false) }
        #expect(error.code == .unknownMember)
    }
}
