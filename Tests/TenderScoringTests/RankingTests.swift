import Foundation
import TenderModel
import TenderScoring
import Testing

@Suite("Ranking")
struct RankingTests {
    let lowestPrice40 = PriceWeighting(weight: 40, formula: .lowestPrice)

    // Weighted quality = weight × (moderated − min) ÷ (max − min). Scale 1–5 (range 4), weight
    // 20, moderated 4: 20 × 3 ÷ 4 = 15. Weight 30, moderated 1 (the minimum): 0.
    @Test("weighted quality is measured from the bottom of the scale")
    func weightedQuality() throws {
        let criteria = Fixture.criteria([("a", 20, nil), ("b", 30, nil), ("c", 50, nil)], scale: Fixture.scale(1, 5))
        let ranking = try Fixture.evaluation(criteria, [("BID-1", nil, ["a": 4, "b": 1, "c": 5])]).ranking()
        let entry = try #require(ranking.entry(for: "BID-1"))
        #expect(entry.score(for: "a")?.weighted == 15)
        #expect(entry.score(for: "b")?.weighted == 0)
        #expect(entry.score(for: "c")?.weighted == 50)
        #expect(entry.quality == 65)
        #expect(entry.total == 65)  // quality-only: total is quality
        #expect(entry.price == nil)
    }

    // CHEAP at £5,000 fails the threshold 2 on "principles" (moderated 1), so it is listed, not
    // ranked, and the lowest price is £10,000 from A. Criteria: principles 30 (threshold 2) and
    // delivery 30, price 40, scale 0–5.
    // A: £10,000, 3 and 3 → 18 + 18 + 40 × 10,000 ÷ 10,000 = 76.
    // B: £20,000, 5 and 5 → 30 + 30 + 40 × 10,000 ÷ 20,000 = 80.
    // (Had CHEAP set the lowest price, A would get 20 and B 10 price marks.)
    @Test("a cheapest bid failing a threshold is listed, and does not set the lowest price")
    func thresholdFailureOfCheapest() throws {
        let criteria = Fixture.criteria([("principles", 30, 2), ("delivery", 30, nil)], price: lowestPrice40)
        let ranking = try Fixture.evaluation(
            criteria,
            [
                ("A", 10_000, ["principles": 3, "delivery": 3]), ("B", 20_000, ["principles": 5, "delivery": 5]),
                ("CHEAP", 5_000, ["principles": 1, "delivery": 5]),
            ]
        ).ranking()
        #expect(ranking.lowestPrice == 10_000)
        #expect(ranking.ranked.map(\.submission) == ["B", "A"])
        #expect(ranking.entry(for: "A")?.total == 76)
        #expect(ranking.entry(for: "B")?.total == 80)
        #expect(ranking.failed.map(\.submission) == ["CHEAP"])
        #expect(ranking.failed.first?.reasonTexts == ["principles: 1 is below the threshold 2"])
        #expect(ranking.entry(for: "CHEAP") == nil)
    }

    // A threshold compares the moderated score, halves included: a median of 1.5 fails threshold 2.
    @Test("a half-point median below a threshold fails")
    func halfPointFails() throws {
        let criteria = Fixture.criteria([("c", 100, 2)])
        let evaluation = try Evaluation(
            criteria: criteria, submissions: [Fixture.bid("B", price: nil)],
            panel: Fixture.panel([("x", .carer), ("y", .finance)]),
            scores: [Fixture.score("x", "B", "c", 1), Fixture.score("y", "B", "c", 2)])
        #expect(try evaluation.ranking().failed.first?.reasonTexts == ["c: 1.5 is below the threshold 2"])
    }

    // Two weights of 10 and 20 on a 0–3 scale make thirds, which Decimal cannot hold exactly.
    // X scores (2, 1): 10 × 2 ÷ 3 + 20 × 1 ÷ 3 = 6.66…67 + 6.66…67 = 13.33…34 (38 digits).
    // Y scores (0, 2): 0 + 20 × 2 ÷ 3 = 13.33…33. Both are exactly 40/3: an exact tie.
    // Z scores (1, 1): 10/3 + 20/3 = 10 ranks 3rd (standard competition ranking 1, 1, 3).
    @Test("equal bids reached by different arithmetic tie exactly")
    func exactTie() throws {
        let criteria = Fixture.criteria([("a", 10, nil), ("b", 20, nil), ("rest", 70, nil)], scale: Fixture.scale(0, 3))
        let ranking = try Fixture.evaluation(
            criteria,
            [("X", nil, ["a": 2, "b": 1, "rest": 0]), ("Y", nil, ["a": 0, "b": 2, "rest": 0]), ("Z", nil, ["a": 1, "b": 1, "rest": 0])]
        ).ranking()
        let x = try #require(ranking.entry(for: "X"))
        let y = try #require(ranking.entry(for: "Y"))
        #expect(x.total != y.total)  // the residue is really there …
        #expect(ScorePrecision.comparable(x.total) == ScorePrecision.comparable(y.total))  // … and absorbed
        #expect(ranking.ranked.map(\.rank) == [1, 1, 3])
        #expect(x.isTied && y.isTied)
        #expect(ranking.entry(for: "Z")?.isTied == false)
        #expect(ranking.leaders == ["X", "Y"])
    }

    // Identical bids (same price, same scores) tie; the third is ranked 3rd, not 2nd.
    @Test("identical bids tie with an equal rank")
    func identicalTie() throws {
        let criteria = Fixture.criteria([("q", 60, nil)], price: lowestPrice40)
        let ranking = try Fixture.evaluation(
            criteria, [("P", 100, ["q": 3]), ("Q", 100, ["q": 3]), ("R", 200, ["q": 3])]
        ).ranking()
        #expect(ranking.ranked.map(\.submission) == ["P", "Q", "R"])
        #expect(ranking.ranked.map(\.rank) == [1, 1, 3])
        #expect(ranking.ranked.map(\.isTied) == [true, true, false])
    }

    @Test("equal totals are separated by quality, and say so")
    func tieBrokenByQuality() throws {
        // Price 50 (lowest-price), quality 50 on scale 0–5.
        // A: q 4 → 40, £200 → 50 × 100 ÷ 200 = 25; total 65.
        // B: q 3 → 30, £100 → 50; total 80.
        // D: q 2 → 20, £100 → 50; total 70.   E: q 5 → 50, £250 → 20; total 70. D and E are level
        // on total; E has the higher quality, so E ranks above D, and neither is a tie.
        let criteria = Fixture.criteria([("q", 50, nil)], price: PriceWeighting(weight: 50, formula: .lowestPrice))
        let ranking = try Fixture.evaluation(
            criteria, [("A", 200, ["q": 4]), ("B", 100, ["q": 3]), ("D", 100, ["q": 2]), ("E", 250, ["q": 5])]
        ).ranking()
        #expect(ranking.ranked.map(\.submission) == ["B", "E", "D", "A"])
        #expect(ranking.ranked.map(\.rank) == [1, 2, 3, 4])
        #expect(ranking.entry(for: "D")?.total == 70)
        #expect(ranking.entry(for: "E")?.total == 70)
        #expect(ranking.ranked.map(\.isTied) == [false, false, false, false])
        #expect(ranking.ranked.map(\.separatedByQuality) == [false, true, true, false])
    }

    // Price 40 (lowest-price), quality 60 on a 0–10 scale, so a score of 5 is "q50".
    // Without C: lowest £100. A: 60 × 5/10 = 30 + 40 × 100/100 = 40 → 70.
    //                         B: 60 × 6/10 = 36 + 40 × 100/120 = 33.33 → 69.33. A wins.
    // With C (£50, q10): lowest £50. A: 30 + 40 × 50/100 = 20 → 50.
    //                                B: 36 + 40 × 50/120 = 16.67 → 52.67. B wins.
    //                                C: 6 + 40 → 46.
    @Test("a cheap low-quality bid reverses the order of two others")
    func rankReversal() throws {
        let criteria = Fixture.criteria([("q", 60, nil)], price: lowestPrice40, scale: Fixture.scale(0, 10))
        let pair: [(String, Decimal?, [String: Int])] = [("A", 100, ["q": 5]), ("B", 120, ["q": 6])]
        let before = try Fixture.evaluation(criteria, pair).ranking()
        #expect(before.leaders == ["A"])
        #expect(before.entry(for: "A")?.total == 70)
        #expect(before.entry(for: "B")?.total.roundedForDisplay == Fixture.decimal("69.33"))

        let after = try Fixture.evaluation(criteria, pair + [("C", 50, ["q": 1])]).ranking()
        #expect(after.ranked.map(\.submission) == ["B", "A", "C"])
        #expect(after.entry(for: "B")?.total.roundedForDisplay == Fixture.decimal("52.67"))
        #expect(after.entry(for: "A")?.total == 50)
        #expect(after.entry(for: "C")?.total == 46)
    }

    @Test("a bid without a price, or in another currency, is listed as failing when price is weighted")
    func missingPrice() throws {
        let criteria = Fixture.criteria([("q", 60, nil)], price: lowestPrice40)
        let evaluation = try Evaluation(
            criteria: criteria,
            submissions: [Fixture.bid("OK", price: 100), Fixture.bid("NONE", price: nil), Fixture.bid("EUR", price: 90, currency: "EUR")],
            panel: Fixture.panel([("p", .commissioner)]),
            scores: ["OK", "NONE", "EUR"].map { Fixture.score("p", $0, "q", 3) })
        let ranking = try evaluation.ranking()
        #expect(ranking.ranked.map(\.submission) == ["OK"])
        #expect(ranking.lowestPrice == 100)
        #expect(ranking.failed.map(\.submission) == ["EUR", "NONE"])
        #expect(ranking.failed.map(\.reasons) == [[.currencyMismatch(expected: "GBP", found: "EUR")], [.missingPrice]])
    }

    @Test("no ranked bids gives an empty ranking, not an error")
    func nothingRanked() throws {
        let criteria = Fixture.criteria([("q", 60, 3)], price: lowestPrice40)
        let ranking = try Fixture.evaluation(criteria, [("A", 100, ["q": 1])]).ranking()
        #expect(ranking.ranked.isEmpty)
        #expect(ranking.lowestPrice == nil)
        #expect(ranking.failed.count == 1)
        #expect(try Fixture.evaluation(criteria, []).ranking().ranked.isEmpty)
    }

    // Two members; on BID-B/delivery they gave 1 and 4 (divergence 2): no moderated score.
    // A final ranking refuses and names the item; a provisional one ranks on what is known:
    // BID-B's delivery earns nothing yet and its 50 marks are listed as still open.
    @Test("a final ranking refuses while items are missing; a provisional one flags them")
    func provisional() throws {
        let criteria = Fixture.criteria([("quality", 50, nil), ("delivery", 50, nil)])
        let scores = [
            Fixture.score("x", "BID-A", "quality", 3), Fixture.score("y", "BID-A", "quality", 3),
            Fixture.score("x", "BID-A", "delivery", 3), Fixture.score("y", "BID-A", "delivery", 3),
            Fixture.score("x", "BID-B", "quality", 5), Fixture.score("y", "BID-B", "quality", 5),
            Fixture.score("x", "BID-B", "delivery", 1), Fixture.score("y", "BID-B", "delivery", 4),
        ]
        let evaluation = try Evaluation(
            criteria: criteria, submissions: [Fixture.bid("BID-A", price: nil), Fixture.bid("BID-B", price: nil)],
            panel: Fixture.panel([("x", .carer), ("y", .commissioner)]), scores: scores)
        let missing = ItemKey(submission: "BID-B", criterion: "delivery")
        #expect(evaluation.pendingItems.map(\.item) == [missing])
        let error = #expect(throws: ScoringError.self) { try evaluation.ranking() }
        #expect(error?.code == .missingModeratedScores)
        #expect(error?.items == [missing])

        let draft = try evaluation.ranking(.provisional)
        #expect(!draft.isFinal)
        #expect(draft.missingItems == [missing])
        let b = try #require(draft.entry(for: "BID-B"))
        #expect(b.quality == 50)  // quality 5 → 50; delivery unknown → nothing yet
        #expect(b.pendingWeight == 50)
        #expect(b.missingItems == [missing])
        #expect(draft.entry(for: "BID-A")?.total == 60)  // 30 + 30
        #expect(draft.leaders == ["BID-A"])

        // With the consensus recorded the ranking is final: BID-B 50 + 50 × 2/5 = 70 overtakes.
        let settled = try Evaluation(
            criteria: criteria, submissions: evaluation.submissions, panel: evaluation.panel, scores: scores,
            consensus: [Fixture.consensus("BID-B", "delivery", 2)])
        let final = try settled.ranking()
        #expect(final.isFinal)
        #expect(final.leaders == ["BID-B"])
        #expect(final.entry(for: "BID-B")?.total == 70)
    }
}
