import CSV
import Foundation
import Testing
@testable import TenderExport

@Suite struct RankingCSVTests {
    @Test func finalRankingMatchesGolden() throws {
        try Golden.check(RankingCSV.render(try SampleTender.finalReport()), "ranking.csv")
    }

    @Test func provisionalRankingMatchesGolden() throws {
        try Golden.check(RankingCSV.render(try SampleTender.provisionalReport()), "ranking-provisional.csv")
    }

    @Test func readsBackWithTheHeaderAndTwoDecimals() throws {
        let rows = try Self.read(RankingCSV.render(try SampleTender.finalReport()))
        #expect(
            rows.first == [
                "rank", "tie", "submission", "bidder", "quality", "price", "total", "local-assets", "local-insights",
                "working-together", "innovation", "long-term", "principles", "status", "reasons",
            ])
        #expect(rows.count == 8)
        #expect(rows[1] == [
            "1", "no", "BID-001", "Westfield Voices Co-operative Ltd", "58.80", "24.40", "83.20", "4.00", "5.00", "5.00",
            "4.00", "3.00", "4.00", "ranked", "",
        ])
        let failed = try #require(rows.last)
        #expect(failed[2] == "BID-006")
        #expect(failed[13] == "failed")
        #expect(failed[14] == "principles: 1 is below the threshold 2")
    }

    /// A bidder named like a formula is neutralised with a leading `'`; a reason with a line
    /// break and a name with quotes and commas survive the round trip through a CSV reader.
    @Test func formulaCellsAreNeutralisedAndFieldsRoundTrip() throws {
        let text = RankingCSV.render(try SyntheticTender.report())
        let rows = try Self.read(text)
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[2], $0) })
        #expect(byID["BID-A"]?[3] == "'=HYPERLINK(\"https://evil.example\",\"click\")")
        #expect(byID["BID-B"]?[3] == "Plain, \"Quoted\" Ltd")
        #expect(byID["BID-C"]?[3] == "'@Mention Ltd")
        let reason = try #require(byID["BID-C"]?.last)
        #expect(reason == "the price is in GBP\n=1+1, but the framework's currency is GBP")
        #expect(byID["BID-A"]?[0] == "1")
        #expect(byID["BID-A"]?[1] == "yes")
        #expect(byID["BID-B"]?[1] == "yes")
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func provisionalRowsSaySo() throws {
        let rows = try Self.read(RankingCSV.render(try SampleTender.provisionalReport()))
        let first = try #require(rows.dropFirst().first)
        #expect(first[13] == "provisional")
        #expect(first[14] == "awaiting a moderated score: long-term")
        #expect(first[11] == "")
    }

    static func read(_ text: String) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if let error = reader.error { throw error }
        return rows
    }
}
