import Foundation
import TenderModel
import Testing
import TenderTestSupport

@testable import TenderScoring

/// The interned, cached and pruned computations (see Benchmarks/README.md, section 3) against
/// the straightforward ones they replaced, on random tenders: small ones with ties and
/// consensus (``RandomTender``) and wide ones with hundreds of bids, where the pruning matters.
@Suite("Fast paths match the plain computations")
struct FastPathTests {
    static let seeds: [UInt64] = Array(1...40)

    static func tenders(_ seed: UInt64) -> [RandomTender] {
        [RandomTender(seed: seed), RandomTender.wide(seed: seed)]
    }

    @Test("moderated scores, score order and items", arguments: seeds)
    func moderation(seed: UInt64) throws {
        for tender in Self.tenders(seed) {
            let evaluation = try tender.evaluation()
            #expect(evaluation.scores == tender.scores.sorted { ($0.item, $0.panelist) < ($1.item, $1.panelist) })
            #expect(evaluation.items == evaluation.moderated.values.sorted { $0.item < $1.item })
            let memberIDs = tender.panel.members.map(\.id)
            let byItem = Dictionary(grouping: tender.scores, by: \.item)
            let agreed = Dictionary(uniqueKeysWithValues: tender.consensus.map { ($0.item, $0) })
            var reference: [ItemKey: ModeratedScore] = [:]
            for submission in tender.submissions {
                let conflicted = memberIDs.filter { tender.panel.isConflicted(member: $0, submission: submission.id) }
                let eligible = memberIDs.filter { !conflicted.contains($0) }
                for criterion in tender.criteria.criteria {
                    let item = ItemKey(submission: submission.id, criterion: criterion.id)
                    let values = Dictionary(uniqueKeysWithValues: (byItem[item] ?? []).map { ($0.panelist, $0.value) })
                    reference[item] = ModeratedScore.moderate(
                        ItemScores(item: item, scores: values, eligible: eligible, conflicted: conflicted),
                        consensus: agreed[item], divergence: tender.criteria.divergence)
                }
            }
            #expect(evaluation.moderated == reference)
        }
    }

    @Test("a bad score is refused with the same first error", arguments: seeds)
    func validation(seed: UInt64) throws {
        var tender = RandomTender.wide(seed: seed)
        var rng = SeededGenerator(seed: seed)
        let index = Int.random(in: 0..<tender.scores.count, using: &rng)
        tender.scores.append(tender.scores[index])  // a duplicate
        tender.scores[Int.random(in: 0..<tender.scores.count, using: &rng)].value = 99  // outside the scale
        #expect(throws: ScoringError.self) { try tender.evaluation() }
        do {
            _ = try tender.evaluation()
        } catch {
            var plain: ScoringError?
            do {
                try Evaluation.validate(
                    criteria: tender.criteria, submissions: tender.submissions, panel: tender.panel, scores: tender.scores,
                    consensus: tender.consensus)
            } catch let thrown {
                plain = thrown
            }
            #expect(error as? ScoringError == plain)
        }
    }

    @Test("leaders without a full ranking, under moved weights and the other formula", arguments: seeds)
    func leaders(seed: UInt64) throws {
        for tender in Self.tenders(seed) {
            let evaluation = try tender.evaluation()
            var rng = SeededGenerator(seed: seed &+ 7)
            var frameworks = [tender.criteria]
            let parts = tender.criteria.criteria.map { WeightedPart.criterion($0.id) } + (tender.criteria.price == nil ? [] : [.price])
            for part in parts {
                let weight = Decimal(Int.random(in: 0...10_000, using: &rng)) / 100
                frameworks.append(Evaluation.rescaled(tender.criteria, part: part, to: weight))
            }
            if let price = tender.criteria.price {
                var other = tender.criteria
                other.price?.formula = price.formula == .lowestPrice ? .relativeDifference : .lowestPrice
                frameworks.append(other)
            }
            for framework in frameworks {
                let full = try Ranking.compute(
                    criteria: framework, submissions: evaluation.submissions, moderated: evaluation.moderated, mode: .final)
                let fast = try Ranking.leaders(
                    criteria: framework, submissions: evaluation.submissions, moderated: evaluation.moderated, mode: .final)
                #expect(fast == full.leaders)
            }
        }
    }

    @Test("sensitivity with and without the shortcuts", arguments: seeds)
    func sensitivity(seed: UInt64) throws {
        for tender in Self.tenders(seed) {
            let evaluation = try tender.evaluation()
            #expect(try evaluation.sensitivity(.final, shortcuts: true) == evaluation.sensitivity(.final, shortcuts: false))
        }
    }

    @Test("agreement, voice flags and co-production against the plain Decimal arithmetic", arguments: seeds)
    func agreement(seed: UInt64) throws {
        for tender in Self.tenders(seed) {
            let evaluation = try tender.evaluation()
            let items = evaluation.items
            let report = evaluation.agreement()
            #expect(report.members == Evaluation.slowDeviations(of: report.members, over: items))
            for criterion in report.criteria {
                let units = items.filter { $0.item.criterion == criterion.criterion }.map(\.scores.values)
                for metric in AlphaMetric.allCases {
                    #expect(criterion.alpha[metric].value == Self.plainAlpha(units: units, metric: metric))
                }
            }

            let roles = Dictionary(tender.panel.members.map { ($0.id, $0.role) }, uniquingKeysWith: { first, _ in first })
            let threshold = Decimal(tender.criteria.divergence)
            let flags = items.flatMap { moderated -> [VoiceFlag] in
                let scored = moderated.scores.scores.sorted { $0.key < $1.key }
                let others = scored.filter { roles[$0.key].map { !$0.bringsLivedExperience } ?? false }
                guard !others.isEmpty else { return [] }
                let othersMedian = ModeratedScore.median(ofSorted: others.map(\.value).sorted())
                return VoiceFlag.Voice.allCases.compactMap { voice -> VoiceFlag? in
                    let group = scored.filter { roles[$0.key].map(voice.includes) ?? false }
                    guard !group.isEmpty else { return nil }
                    let groupMedian = ModeratedScore.median(ofSorted: group.map(\.value).sorted())
                    guard ScorePrecision.comparable((groupMedian - othersMedian).magnitude) >= threshold else { return nil }
                    return VoiceFlag(
                        item: moderated.item, voice: voice, voiceMembers: group.map(\.key), voiceMedian: groupMedian,
                        otherMembers: others.map(\.key), othersMedian: othersMedian)
                }
            }
            #expect(evaluation.voiceFlags() == flags)

            let lived = Set(tender.panel.members.filter(\.role.bringsLivedExperience).map(\.id))
            let gaps = items.compactMap { moderated -> ItemGap? in
                let own = moderated.scores.scores
                let livedScores = own.filter { lived.contains($0.key) }.map { Decimal($0.value) }
                let otherScores = own.filter { !lived.contains($0.key) }.map { Decimal($0.value) }
                guard let livedMean = livedScores.mean, let othersMean = otherScores.mean else { return nil }
                return ItemGap(
                    item: moderated.item, livedExperienceMean: livedMean, othersMean: othersMean,
                    divergence: tender.criteria.divergence)
            }
            #expect(evaluation.coProduction().items == gaps)
        }
    }

    /// Krippendorff's alpha as it was computed before: a dictionary of values, and one nested
    /// matrix of pair counts per unit size, copied in and out for every unit.
    static func plainAlpha(units: [[Int]], metric: AlphaMetric) -> Double? {
        let pairable = units.filter { $0.count >= 2 }
        let values = Array(Set(pairable.joined())).sorted()
        var index: [Int: Int] = [:]
        for (position, value) in values.enumerated() { index[value] = position }
        var pairCounts: [Int: [[Int]]] = [:]
        var totals = Array(repeating: 0, count: values.count)
        for unit in pairable {
            var counts = Array(repeating: 0, count: values.count)
            for value in unit {
                if let position = index[value] { counts[position] += 1 }
            }
            var matrix = pairCounts[unit.count] ?? Array(repeating: Array(repeating: 0, count: values.count), count: values.count)
            for c in values.indices where counts[c] > 0 {
                totals[c] += counts[c]
                for k in values.indices where counts[k] > 0 {
                    matrix[c][k] += counts[c] * (counts[k] - (c == k ? 1 : 0))
                }
            }
            pairCounts[unit.count] = matrix
        }
        var coincidences = Array(repeating: Array(repeating: 0.0, count: values.count), count: values.count)
        for size in pairCounts.keys.sorted() {
            guard let matrix = pairCounts[size] else { continue }
            for c in values.indices {
                for k in values.indices { coincidences[c][k] += Double(matrix[c][k]) / Double(size - 1) }
            }
        }
        let total = totals.reduce(0, +)
        guard total > 0 else { return nil }
        func distance(_ c: Int, _ k: Int) -> Double {
            switch metric {
            case .nominal: return c == k ? 0 : 1
            case .interval:
                let difference = Double(values[c] - values[k])
                return difference * difference
            case .ordinal:
                let (low, high) = (min(c, k), max(c, k))
                let between = Double(totals[low...high].reduce(0, +)) - Double(totals[low] + totals[high]) / 2
                return between * between
            }
        }
        var observed = 0.0
        var expected = 0.0
        for c in values.indices {
            for k in values.indices where c != k {
                observed += coincidences[c][k] * distance(c, k)
                expected += Double(totals[c]) * Double(totals[k]) * distance(c, k)
            }
        }
        guard expected > 0 else { return nil }
        return 1 - Double(total - 1) * observed / expected
    }
}

extension RandomTender {
    /// A wide tender: 150–300 bids, four criteria (one with a threshold), five to nine members,
    /// prices to the penny, scores that sometimes diverge and are then agreed in consensus.
    static func wide(seed: UInt64) -> RandomTender {
        var rng = SeededGenerator(seed: seed ^ 0xA5A5_5A5A)
        var tender = RandomTender(seed: seed)
        let priceWeight = Decimal([20, 30, 40][Int.random(in: 0..<3, using: &rng)])
        let quality = 100 - priceWeight
        tender.criteria = Fixture.criteria(
            [("c0", quality / 4, 2), ("c1", quality / 4, nil), ("c2", quality / 8, nil), ("c3", quality * 3 / 8, nil)],
            price: PriceWeighting(weight: priceWeight, formula: Bool.random(using: &rng) ? .lowestPrice : .relativeDifference),
            divergence: 3)
        let roles = PanelRole.allCases
        let members = (0..<Int.random(in: 5...9, using: &rng)).map { ("m\($0)", roles[$0 % roles.count]) }
        var bids: [Submission] = []
        var conflicts: [(member: String, submission: String)] = []
        var scores: [Score] = []
        var consensus: [Consensus] = []
        for index in 0..<Int.random(in: 150...300, using: &rng) {
            let id = "B\(index)"
            // Every seventh bid at a round price, so that prices (and totals) sometimes meet.
            let step = index % 7 == 0 ? 100_000 : 1
            let pence = Int.random(in: 5_000_000...20_000_000, using: &rng) / step * step
            bids.append(Fixture.bid(id, price: Decimal(pence) / 100))
            let conflicted = members.map(\.0).filter { _ in Int.random(in: 0..<20, using: &rng) == 0 }
            conflicts += conflicted.map { ($0, id) }
            for criterion in ["c0", "c1", "c2", "c3"] {
                let base = Int.random(in: 1...4, using: &rng)
                var values: [Int] = []
                for (member, _) in members where !conflicted.contains(member) {
                    let value = min(5, max(0, base + Int.random(in: -1...1, using: &rng)))
                    values.append(value)
                    scores.append(Fixture.score(member, id, criterion, value))
                }
                if let low = values.min(), let high = values.max(), high - low >= 3 {
                    consensus.append(Fixture.consensus(id, criterion, base))
                }
            }
        }
        tender.submissions = bids
        tender.panel = Fixture.panel(members, conflicts: conflicts)
        tender.scores = scores
        tender.consensus = consensus
        return tender
    }
}
