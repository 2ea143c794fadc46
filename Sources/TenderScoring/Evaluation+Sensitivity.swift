import Foundation
import TenderModel

extension Evaluation {
    /// How the ranking responds to its weights, its price formula and each bid in turn.
    /// See ``WeightSensitivity`` for how a weight is varied.
    /// - Throws: ``ScoringError/Code/missingModeratedScores`` in `.final` mode while items are missing.
    public func sensitivity(_ mode: RankingMode = .final) throws(ScoringError) -> SensitivityReport {
        try sensitivity(mode, shortcuts: true)
    }

    /// The same, for a caller that has ranked the evaluation in `mode` already.
    public func sensitivity(_ mode: RankingMode, ranking: Ranking) throws(ScoringError) -> SensitivityReport {
        try sensitivity(mode, shortcuts: true, ranking: ranking)
    }

    /// - Parameter shortcuts: false re-ranks every bid exactly and divides for every competitor,
    ///   as the report was first computed; the tests compare both ways.
    func sensitivity(_ mode: RankingMode, shortcuts: Bool, ranking given: Ranking? = nil) throws(ScoringError)
        -> SensitivityReport
    {
        let ranking: Ranking
        if let given { ranking = given } else { ranking = try self.ranking(mode) }
        let leaders = ranking.leaders
        let search = shortcuts ? LeaderSearch(criteria: criteria, submissions: submissions, moderated: moderated) : nil
        var weights: [WeightSensitivity] = []
        if leaders.count == 1, ranking.ranked.count > 1 {
            let parts = criteria.criteria.map { (WeightedPart.criterion($0.id), $0.weight) }
                + (criteria.price.map { [(WeightedPart.price, $0.weight)] } ?? [])
            // Each part's search is independent of the others': one per core.
            let found = parts.concurrentMap(minimumCount: 2) { part, weight in
                Result { () throws(ScoringError) -> WeightSensitivity in
                    WeightSensitivity(
                        part: part, weight: weight, total: criteria.totalWeight,
                        outcome: try weightOutcome(part, ranking: ranking, mode: mode, shortcuts: shortcuts, search: search))
                }
            }
            weights = try found.map { result throws(ScoringError) in try result.get() }
        }

        var formula: FormulaSensitivity?
        if let price = criteria.price {
            let alternative: PriceFormula = price.formula == .lowestPrice ? .relativeDifference : .lowestPrice
            var framework = criteria
            framework.price?.formula = alternative
            let other =
                shortcuts
                ? try Ranking.leaders(criteria: framework, submissions: submissions, moderated: moderated, mode: mode, search: search)
                : try Ranking.compute(criteria: framework, submissions: submissions, moderated: moderated, mode: mode).leaders
            formula = FormulaSensitivity(
                formula: price.formula, alternative: alternative, leaders: leaders, alternativeLeaders: other)
        }

        // A bid's quality and thresholds never depend on the other bids; its price marks depend on
        // them only through the lowest ranked price. So taking away a bid that does not alone set
        // that price leaves every other total exactly as it was, and their order with it: only the
        // bid (or bids) setting the lowest price need a full re-ranking. That keeps this linear in
        // the number of bids instead of cubic (a national framework has thousands).
        let setsLowest: Set<String>
        if let lowest = ranking.lowestPrice {
            let atLowest = ranking.ranked.filter { $0.price?.price == lowest }.map(\.submission)
            setsLowest = atLowest.count == 1 ? Set(atLowest) : []
        } else {
            setsLowest = []
        }
        // Without any other bid, first place goes to the bids of the best rank left: the leaders,
        // or, when the one leader is taken away, the bids of the next rank. Worked out from the
        // ranks alone (copying the ranking for each of 2,000 removals was most of this report).
        let ids = ranking.ranked.map(\.submission)
        let ranks = ranking.ranked.map(\.rank)
        let distinctRanks = Set(ranks).sorted()
        func holding(_ rank: Int?) -> [String] { zip(ids, ranks).filter { $0.1 == rank }.map(\.0) }
        let first = holding(distinctRanks.first)
        let next = holding(distinctRanks.dropFirst().first)
        var removals: [BidRemovalEffect] = []
        for removed in ids.sorted() {
            if setsLowest.contains(removed) {
                let remaining = submissions.filter { $0.id != removed }
                let without = try Ranking.compute(criteria: criteria, submissions: remaining, moderated: moderated, mode: mode)
                removals.append(
                    BidRemovalEffect(
                        removed: removed, reorderedPairs: Self.reorderedPairs(ranking, without), leadersWithout: without.leaders))
            } else {
                let leadersWithout =
                    !first.contains(removed) ? first : first.count > 1 ? first.filter { $0 != removed } : next
                removals.append(BidRemovalEffect(removed: removed, reorderedPairs: [], leadersWithout: leadersWithout))
            }
        }
        return SensitivityReport(leaders: leaders, weights: weights, formula: formula, removals: removals)
    }

    /// The nearest weight, in either direction, at which another bid draws level with the leader.
    ///
    /// With x the new weight, T the total and w the old weight, a bid's total is
    /// x × s + (T − x) ÷ (T − w) × Q, where s is its fraction of this part and Q the marks it
    /// earns from the other parts. Setting a competitor's total equal to the leader's gives
    /// x = −T × ΔQ ÷ (Δs × (T − w) − ΔQ), one division.
    private func weightOutcome(
        _ part: WeightedPart, ranking: Ranking, mode: RankingMode, shortcuts: Bool, search: LeaderSearch?
    ) throws(ScoringError)
        -> WeightSensitivity.Outcome
    {
        let total = criteria.totalWeight
        let weight = Self.weight(of: part, in: criteria)
        let others = total - weight
        guard others > 0 else { return .notApplicable("it carries all the weight; there is nothing to rescale") }
        guard let leader = ranking.ranked.first else { return .noChange }

        func split(_ bid: RankedSubmission) -> (fraction: Decimal, rest: Decimal) {
            let fraction = Self.fraction(of: part, in: bid)
            return (fraction, bid.total - weight * fraction)
        }
        let lead = split(leader)
        var nearest: (change: Decimal, rising: Bool)?
        let competitors =
            shortcuts ? Self.crossingCandidates(part, ranking: ranking, total: total, weight: weight) : Array(ranking.ranked.dropFirst())
        for competitor in competitors {
            let other = split(competitor)
            let deltaFraction = other.fraction - lead.fraction
            let deltaRest = other.rest - lead.rest
            let slope = deltaFraction * others - deltaRest
            guard slope != 0 else { continue }
            let crossing = -total * deltaRest / slope
            guard crossing >= 0, crossing <= total else { continue }
            let change = (crossing - weight).roundedHalfUp(places: ScorePrecision.comparisonPlaces)
            if let best = nearest, best.change.magnitude <= change.magnitude { continue }
            // The competitor gains on the leader as the weight rises when the slope is positive.
            nearest = (change, slope > 0)
        }
        guard let (change, rising) = nearest else { return .noChange }
        // Who leads just past the crossing, by the full ranking rather than by the straight lines,
        // so that quality tie-breaks and three-way crossings are settled the ordinary way.
        let nudge = Decimal(sign: .plus, exponent: -6, significand: 1)
        let step = rising ? nudge : -nudge
        let beyond = Swift.min(total, Swift.max(0, weight + change + step))
        let moved = Self.rescaled(criteria, part: part, to: beyond)
        let after =
            shortcuts
            ? try Ranking.leaders(criteria: moved, submissions: submissions, moderated: moderated, mode: mode, search: search)
            : try Ranking.compute(criteria: moved, submissions: submissions, moderated: moderated, mode: mode).leaders
        return .leaderChanges(
            WeightSensitivity.LeaderChange(
                change: change, newWeight: weight + change, direction: rising ? .up : .down, newLeaders: after))
    }

    /// The competitors whose crossing could be the nearest one, in ranked order.
    ///
    /// The exact crossing costs a `Decimal` division per competitor per weight (tens of
    /// thousands of them on a national framework). The same line in `Double` is accurate to far
    /// better than 10⁻⁴ marks wherever its slope is not tiny, so a competitor whose estimate is
    /// clearly out of range, or clearly farther than another's clearly valid crossing, cannot be
    /// the nearest; the rest (and every tiny slope) go through the exact arithmetic as before,
    /// in the same order, so ties between equally near crossings are settled as before.
    private static func crossingCandidates(
        _ part: WeightedPart, ranking: Ranking, total: Decimal, weight: Decimal
    ) -> [RankedSubmission] {
        let competitors = Array(ranking.ranked.dropFirst())
        guard let leader = ranking.ranked.first else { return competitors }
        func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
        var fractions: [Decimal: Double] = [:]
        func split(_ bid: RankedSubmission) -> (fraction: Double, rest: Double) {
            let exact = fraction(of: part, in: bid)
            let fraction = fractions[exact] ?? double(exact)
            fractions[exact] = fraction
            return (fraction, double(bid.total) - double(weight) * fraction)
        }
        let slack = 1e-4
        let totalD = double(total)
        let weightD = double(weight)
        let others = totalD - weightD
        let lead = split(leader)
        let estimates = competitors.map { competitor -> (change: Double, inRange: Bool, exactOnly: Bool)? in
            let other = split(competitor)
            let deltaRest = other.rest - lead.rest
            let slope = (other.fraction - lead.fraction) * others - deltaRest
            if abs(slope) < 1e-6 { return (0, true, true) }
            let crossing = -totalD * deltaRest / slope
            guard crossing >= -slack, crossing <= totalD + slack else { return nil }
            return (abs(crossing - weightD), crossing >= slack && crossing <= totalD - slack, false)
        }
        let bound = estimates.compactMap { $0 }.filter { $0.inRange && !$0.exactOnly }.map(\.change).min()
        return zip(competitors, estimates).compactMap { competitor, estimate in
            guard let estimate else { return nil }
            if estimate.exactOnly { return competitor }
            if let bound, estimate.change - slack > bound + slack { return nil }
            return competitor
        }
    }

    static func weight(of part: WeightedPart, in criteria: Criteria) -> Decimal {
        switch part {
        case let .criterion(id): criteria.criterion(id)?.weight ?? 0
        case .price: criteria.price?.weight ?? 0
        }
    }

    static func fraction(of part: WeightedPart, in bid: RankedSubmission) -> Decimal {
        switch part {
        case let .criterion(id): bid.score(for: id)?.fraction ?? 0
        case .price: bid.price?.fraction ?? 0
        }
    }

    /// The framework with `part` set to `weight` and every other weight rescaled in proportion so
    /// that the total is unchanged. Public so that reports can show the moved framework.
    public static func rescaled(_ criteria: Criteria, part: WeightedPart, to weight: Decimal) -> Criteria {
        let total = criteria.totalWeight
        let others = total - Self.weight(of: part, in: criteria)
        guard others > 0 else { return criteria }
        let remaining = total - weight
        var moved = criteria
        moved.criteria = criteria.criteria.map { criterion in
            var criterion = criterion
            criterion.weight = part == .criterion(criterion.id) ? weight : criterion.weight * remaining / others
            return criterion
        }
        if let price = criteria.price {
            moved.price?.weight = part == .price ? weight : price.weight * remaining / others
        }
        return moved
    }

    /// Every pair of the remaining bids whose relative order differs between the two rankings.
    ///
    /// Every pair is still looked at (the answer can hold any of them), but through two arrays of
    /// ranks, so that the inner loop compares Ints rather than hashing ids: a million pairs for
    /// 1,400 ranked bids.
    static func reorderedPairs(_ with: Ranking, _ without: Ranking) -> [ReorderedPair] {
        let before = Dictionary(uniqueKeysWithValues: with.ranked.map { ($0.submission, $0.rank) })
        let after = without.ranked.sorted { $0.submission < $1.submission }.filter { before[$0.submission] != nil }
        let was = after.map { before[$0.submission] ?? 0 }
        let now = after.map(\.rank)
        func order(_ a: Int, _ b: Int) -> Int { a < b ? -1 : a == b ? 0 : 1 }
        var pairs: [ReorderedPair] = []
        for first in after.indices {
            for second in (first + 1)..<after.count where order(was[first], was[second]) != order(now[first], now[second]) {
                pairs.append(
                    ReorderedPair(
                        first: after[first].submission, second: after[second].submission,
                        with: RelativeOrder(rank: was[first], against: was[second]),
                        without: RelativeOrder(rank: now[first], against: now[second])))
            }
        }
        return pairs
    }
}
