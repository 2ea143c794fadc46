import Foundation
import Testing
import TenderScoring
@testable import TenderExport

@Suite struct RankingJSONTests {
    @Test func finalRankingMatchesGolden() throws {
        try Golden.check(RankingJSON.render(try SampleTender.finalReport()), "ranking.json")
    }

    @Test func provisionalRankingMatchesGolden() throws {
        try Golden.check(RankingJSON.render(try SampleTender.provisionalReport()), "ranking-provisional.json")
    }

    /// Hand-worked from Samples/: BID-001's moderated scores 4, 5, 5, 4, 3 (consensus), 4 on
    /// weights 12, 10, 14, 10, 10, 14 over a 0–5 scale give 9.6 + 10 + 14 + 8 + 6 + 11.2 = 58.8.
    /// The lowest ranked price is BID-005's £1,028,750 (BID-006 at £984,900 fails a threshold and
    /// is not used), so BID-001's price marks are 30 × 1,028,750 ÷ 1,265,000 = 24.3972…
    @Test func numbersParseBackToTheHandWorkedValues() throws {
        let text = RankingJSON.render(try SampleTender.finalReport())
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let root = try #require(parsed as? [String: Any])
        #expect(root["tender"] as? String == "TND-2026-014")
        #expect(root["criteria"] as? String == "coproduction-commissioning")
        #expect(root["final"] as? Bool == true)
        #expect(root["provisional"] == nil)
        let ranking = try #require(root["ranking"] as? [[String: Any]])
        #expect(ranking.map { $0["submission"] as? String } == ["BID-001", "BID-003", "BID-002", "BID-005", "BID-007", "BID-004"])
        let first = try #require(ranking.first)
        #expect(first["rank"] as? Int == 1)
        #expect(first["tie"] as? Bool == false)
        #expect(first["quality"] as? Double == 58.8)
        let price = try #require(first["price"] as? Double)
        #expect(abs(price - 30.0 * 1_028_750 / 1_265_000) < 1e-12)
        let total = try #require(first["total"] as? Double)
        #expect(abs(total - (58.8 + 30.0 * 1_028_750 / 1_265_000)) < 1e-12)
        let criteria = try #require(first["criteria"] as? [[String: Any]])
        let longTerm = try #require(criteria.first { $0["criterion"] as? String == "long-term" })
        #expect(longTerm["moderated"] as? Int == 3)
        #expect(longTerm["method"] as? String == "consensus")
        #expect(longTerm["weighted"] as? Int == 6)
        let scores = try #require(longTerm["scores"] as? [String: Int])
        #expect(scores == ["p-amira": 3, "p-dev": 1, "p-grace": 2, "p-ruth": 2, "p-tom": 3])
        // BID-005: Ruth's conflict leaves her out; the median of 4, 5, 5, 4 is 4.5.
        let beacon = try #require(ranking.first { $0["submission"] as? String == "BID-005" })
        let beaconLong = try #require((beacon["criteria"] as? [[String: Any]])?.first { $0["criterion"] as? String == "long-term" })
        #expect(beaconLong["moderated"] as? Double == 4.5)
        #expect((beaconLong["scores"] as? [String: Int])?["p-ruth"] == nil)
        #expect(beacon["price"] as? Int == 30)
        let failed = try #require(root["failed"] as? [[String: Any]])
        #expect(failed.count == 1)
        #expect(failed.first?["submission"] as? String == "BID-006")
        #expect(failed.first?["reasons"] as? [String] == ["principles: 1 is below the threshold 2"])
        // Full precision in the text itself, not a float's 17 digits.
        #expect(text.contains("\"price\": 24.3972332015810276679841897233201581027"))
    }

    @Test func keysFollowTheSpecOrder() throws {
        let text = RankingJSON.render(try SampleTender.finalReport())
        let keys = ["\"tender\"", "\"criteria\"", "\"final\"", "\"ranking\"", "\"failed\""]
        let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        let entryKeys = ["\"rank\"", "\"tie\"", "\"submission\"", "\"bidder\"", "\"quality\"", "\"price\"", "\"total\""]
        let entryPositions = entryKeys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(entryPositions == entryPositions.sorted())
    }

    @Test func provisionalRankingSaysSoAndNullsPendingScores() throws {
        let text = RankingJSON.render(try SampleTender.provisionalReport())
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["final"] as? Bool == false)
        #expect(root["provisional"] as? Bool == true)
        let missing = try #require(root["missing"] as? [[String: String]])
        #expect(missing.count == 7)
        #expect(missing.first == ["submission": "BID-001", "criterion": "long-term"])
        let ranking = try #require(root["ranking"] as? [[String: Any]])
        let first = try #require(ranking.first)
        let longTerm = try #require((first["criteria"] as? [[String: Any]])?.first { $0["criterion"] as? String == "long-term" })
        #expect(longTerm["moderated"] is NSNull)
        #expect(longTerm["weighted"] is NSNull)
        #expect(longTerm["method"] as? String == "none")
    }

    @Test func stringsAreEscaped() throws {
        let text = RankingJSON.render(try SyntheticTender.report())
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let failed = try #require(root["failed"] as? [[String: Any]])
        #expect((failed.first?["reasons"] as? [String])?.first?.contains("GBP\n=1+1") == true)
        let ranking = try #require(root["ranking"] as? [[String: Any]])
        #expect(ranking.map { $0["bidder"] as? String }.contains("=HYPERLINK(\"https://evil.example\",\"click\")"))
    }
}
