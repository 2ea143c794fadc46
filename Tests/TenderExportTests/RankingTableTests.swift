import Foundation
import Testing
@testable import TenderExport

@Suite struct RankingTableTests {
    @Test func finalRankingMatchesGolden() throws {
        try Golden.check(RankingTable.render(try SampleTender.finalReport()), "ranking.txt")
    }

    @Test func provisionalRankingMatchesGolden() throws {
        let text = RankingTable.render(try SampleTender.provisionalReport())
        #expect(text.contains("PROVISIONAL"))
        try Golden.check(text, "ranking-provisional.txt")
    }

    @Test func tiesAreMarkedAndExplained() throws {
        let text = RankingTable.render(try SyntheticTender.report())
        #expect(text.contains("\n1=    BID-A"))
        #expect(text.contains("\n1=    BID-B"))
        #expect(text.contains("1= tie: BID-A and BID-B have the same total and the same quality."))
        #expect(text.contains("Not ranked (failed):"))
    }

    @Test func colourOnlyMakesTheHeaderBold() throws {
        let report = try SampleTender.finalReport()
        let plain = RankingTable.render(report)
        let coloured = RankingTable.render(report, colour: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.components(separatedBy: "\u{1B}[1m").count == 2)
        #expect(coloured.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "") == plain)
    }
}
