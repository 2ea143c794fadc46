import Foundation
import TenderModel
import TenderScoring
import Testing

/// Properties over many random tenders (``RandomTender``, seeded, so failures repeat).
@Suite("Properties")
struct PropertyTests {
    static let seeds: [UInt64] = Array(1...60)

    @Test("reordering bids, members, conflicts, scores or consensus changes nothing", arguments: seeds)
    func permutation(seed: UInt64) throws {
        let tender = RandomTender(seed: seed)
        let reference = try tender.evaluation()
        let ranking = try reference.ranking()
        let agreement = reference.agreement()
        let coProduction = reference.coProduction()
        for round in 0..<3 {
            let shuffled = try tender.shuffled(seed: seed &* 1000 &+ UInt64(round)).evaluation()
            #expect(try shuffled.ranking() == ranking)
            #expect(shuffled.agreement() == agreement)
            #expect(shuffled.coProduction() == coProduction)
            #expect(shuffled.moderated == reference.moderated)
        }
    }

    @Test("scaling every weight by the same factor keeps the ranking", arguments: seeds)
    func scaling(seed: UInt64) throws {
        let tender = RandomTender(seed: seed)
        let ranking = try tender.evaluation().ranking()
        for factor in [Decimal(2), Fixture.decimal("0.5"), Fixture.decimal("0.3"), 7] {
            var scaled = tender
            scaled.criteria.criteria = tender.criteria.criteria.map { var c = $0; c.weight *= factor; return c }
            scaled.criteria.price?.weight *= factor
            let other = try scaled.evaluation().ranking()
            #expect(other.ranked.map(\.submission) == ranking.ranked.map(\.submission))
            #expect(other.ranked.map(\.rank) == ranking.ranked.map(\.rank))
            #expect(other.ranked.map(\.isTied) == ranking.ranked.map(\.isTied))
            #expect(other.failed.map(\.submission) == ranking.failed.map(\.submission))
            for (a, b) in zip(other.ranked, ranking.ranked) {
                #expect(ScorePrecision.comparable(a.total) == ScorePrecision.comparable(b.total * factor))
            }
        }
    }

    @Test("totals lie between 0 and 100, and no part exceeds its weight", arguments: seeds)
    func bounds(seed: UInt64) throws {
        let tender = RandomTender(seed: seed)
        let ranking = try tender.evaluation().ranking()
        let qualityWeight = tender.criteria.criteria.reduce(Decimal(0)) { $0 + $1.weight }
        for entry in ranking.ranked {
            #expect(entry.total >= 0 && entry.total <= 100)
            #expect(entry.quality <= qualityWeight)
            if let price = entry.price { #expect(price.points >= 0 && price.points <= price.weight) }
            for score in entry.criteria { #expect((score.weighted ?? -1) >= 0 && (score.weighted ?? 101) <= score.weight) }
        }
        // The lowest ranked price earns the full price weight.
        if let lowest = ranking.lowestPrice, let weight = tender.criteria.price?.weight {
            #expect(ranking.ranked.contains { $0.price?.price == lowest && $0.price?.points == weight })
        }
    }

    /// The exact weight change agrees with full rankings 0.01 either side of it.
    @Test("sensitivity agrees with re-ranking either side of the change", arguments: seeds)
    func sensitivity(seed: UInt64) throws {
        let evaluation = try RandomTender(seed: seed).evaluation()
        let report = try evaluation.sensitivity()
        let step = Fixture.decimal("0.01")
        for weight in report.weights {
            guard case let .leaderChanges(point) = weight.outcome else { continue }
            let direction: Decimal = point.direction == .up ? 1 : -1
            #expect(point.change == 0 || (point.change > 0) == (point.direction == .up))
            let before = point.newWeight - direction * step
            let after = point.newWeight + direction * step
            if point.change.magnitude > step {
                #expect(try SensitivityReportTests.leaders(evaluation, weight.part, at: before) == report.leaders)
            }
            if after >= 0, after <= weight.total {
                let leadersAfter = try SensitivityReportTests.leaders(evaluation, weight.part, at: after)
                #expect(leadersAfter != report.leaders)
                #expect(leadersAfter == point.newLeaders)
            }
        }
    }

    /// Taking a bid away is worked out from the lowest price alone, not by re-ranking every time:
    /// check that against the plain way, a full evaluation of the tender without that bid.
    @Test("the effect of taking a bid away matches a full re-evaluation without it", arguments: seeds)
    func removals(seed: UInt64) throws {
        let tender = RandomTender(seed: seed)
        let evaluation = try tender.evaluation()
        let ranking = try evaluation.ranking()
        for effect in try evaluation.sensitivity().removals {
            var without = tender
            without.submissions.removeAll { $0.id == effect.removed }
            without.scores.removeAll { $0.submission == effect.removed }
            without.consensus.removeAll { $0.submission == effect.removed }
            without.panel.conflicts.removeAll { $0.submission == effect.removed }
            let rankingWithout = try without.evaluation().ranking()
            #expect(effect.leadersWithout == rankingWithout.leaders, "seed \(seed), without \(effect.removed)")
            let order = { (ranking: Ranking) in
                Dictionary(uniqueKeysWithValues: ranking.ranked.map { ($0.submission, $0.rank) })
            }
            let before = order(ranking)
            let after = order(rankingWithout)
            let changed = after.keys.sorted().flatMap { first in
                after.keys.sorted().filter { $0 > first }.compactMap { second -> String? in
                    guard let a = before[first], let b = before[second], let c = after[first], let d = after[second] else {
                        return nil
                    }
                    return (a < b, a == b) == (c < d, c == d) ? nil : "\(first)/\(second)"
                }
            }
            #expect(Set(effect.reorderedPairs.map { "\($0.first)/\($0.second)" }) == Set(changed), "seed \(seed)")
        }
    }
}
