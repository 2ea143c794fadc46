import Foundation
import TenderModel

extension Ranking {
    /// Applies SPEC.md's arithmetic to moderated scores. Pure: the same inputs, in any order,
    /// give the same ranking.
    ///
    /// `moderated` must hold an entry for every (submission, criterion) item; an absent entry is
    /// treated as an item nobody has scored.
    static func compute(
        criteria: Criteria, submissions: [Submission], moderated: [ItemKey: ModeratedScore], mode: RankingMode
    ) throws(ScoringError) -> Ranking {
        // Bids are assessed on every core, each chunk with its own copy of a cache that already
        // holds every moderated value's marks, so no chunk divides again.
        let known = CriterionScoreCache(criteria: criteria, knowing: moderated)
        let bids = submissions.sorted { $0.id < $1.id }.concurrentMap(minimumCount: 64, chunks: { chunk in
            var cache = known
            return chunk.map { Assessed($0, criteria: criteria, moderated: moderated, cache: &cache) }
        })
        let missing = bids.flatMap(\.missingItems).sorted()
        if mode == .final, !missing.isEmpty {
            let list = missing.map(\.description).joined(separator: ", ")
            throw ScoringError(
                .missingModeratedScores, "\(missing.count) item(s) lack a moderated score: \(list)", items: missing)
        }

        let eligible = bids.filter(\.reasons.isEmpty)
        let failed = bids.filter { !$0.reasons.isEmpty }.map {
            FailedSubmission(
                submission: $0.submission.id, bidder: $0.submission.bidder.name, reasons: $0.reasons,
                criteria: $0.criteria, quality: $0.quality)
        }
        var notes: [String] = []
        var lowest: Decimal?
        if criteria.price != nil {
            lowest = eligible.compactMap { $0.submission.price?.amount }.min()
            if lowest == 0 {
                notes.append(
                    "The lowest ranked price is 0, so price formulas cannot divide by it: every zero-price bid "
                        + "earns the full price weight and every other bid earns no price marks.")
            }
        }

        let scored = eligible.map { bid -> (bid: Assessed, price: PriceScore?, total: Decimal) in
            var price: PriceScore?
            if let weighting = criteria.price, let lowest, let amount = bid.submission.price?.amount {
                price = PriceScore(price: amount, lowest: lowest, weighting: weighting)
            }
            return (bid, price, bid.quality + (price?.points ?? 0))
        }
        let keys = scored.map { (total: ScorePrecision.comparable($0.total), quality: ScorePrecision.comparable($0.bid.quality)) }
        // Sorted by total, then quality, both descending: a bid's rank is one more than the
        // number of bids strictly above it, which is where its run of equal keys starts. (Every
        // pair was compared before: fine for a local tender, hours for thousands of bids ranked
        // again for each bid removed in the sensitivity report.)
        let order = keys.indices.sorted { keys[$0].total != keys[$1].total ? keys[$0].total > keys[$1].total : keys[$0].quality > keys[$1].quality }
        var rankOf = Array(repeating: 0, count: keys.count)
        var tiedAt = Array(repeating: false, count: keys.count)
        var separatedAt = Array(repeating: false, count: keys.count)
        var position = 0
        while position < order.count {
            var end = position
            while end + 1 < order.count, keys[order[end + 1]] == keys[order[position]] { end += 1 }
            for member in order[position...end] {
                rankOf[member] = position + 1
                tiedAt[member] = end > position
            }
            position = end + 1
        }
        // Separated by quality: another bid has the same total but a different quality, that is
        // the run of equal totals holds more than one quality.
        position = 0
        while position < order.count {
            var end = position
            while end + 1 < order.count, keys[order[end + 1]].total == keys[order[position]].total { end += 1 }
            let mixed = order[position...end].contains { keys[$0].quality != keys[order[position]].quality }
            for member in order[position...end] { separatedAt[member] = mixed }
            position = end + 1
        }
        var ranked: [RankedSubmission] = []
        for (index, entry) in scored.enumerated() {
            ranked.append(
                RankedSubmission(
                    submission: entry.bid.submission.id, bidder: entry.bid.submission.bidder.name, rank: rankOf[index],
                    isTied: tiedAt[index],
                    separatedByQuality: separatedAt[index],
                    criteria: entry.bid.criteria, quality: entry.bid.quality, price: entry.price, total: entry.total,
                    missingItems: entry.bid.missingItems, pendingWeight: entry.bid.pendingWeight))
        }
        ranked.sort { ($0.rank, $0.submission) < ($1.rank, $1.submission) }
        return Ranking(
            isFinal: mode == .final, ranked: ranked, failed: failed, missingItems: missing, lowestPrice: lowest,
            notes: notes)
    }
}

extension Ranking {
    /// `compute(criteria:submissions:moderated:mode:).leaders`, without ranking every bid exactly.
    ///
    /// The sensitivity report re-ranks the tender once per weight and once for the other price
    /// formula, but reads only who ranks first. Eligibility (thresholds, currency, a price) and
    /// the lowest ranked price do not depend on weights, so every eligible bid's total is first
    /// estimated in `Double` (error far below 10⁻⁹ marks on totals of at most 100), and only the
    /// bids within 10⁻⁶ of the best estimate are scored exactly, by the same `Decimal`
    /// arithmetic as `compute`. Every bid that could share first place after rounding to ten
    /// places is among them. With items missing it falls back to `compute`.
    static func leaders(
        criteria: Criteria, submissions: [Submission], moderated: [ItemKey: ModeratedScore], mode: RankingMode,
        search: LeaderSearch? = nil
    ) throws(ScoringError) -> [String] {
        let prepared = search ?? LeaderSearch(criteria: criteria, submissions: submissions, moderated: moderated)
        guard let prepared, let leaders = prepared.leaders(under: criteria) else {
            return try compute(criteria: criteria, submissions: submissions, moderated: moderated, mode: mode).leaders
        }
        return leaders
    }
}

/// What `Ranking.leaders` needs that no weight or price formula changes: each eligible bid's
/// moderated scores (and their values as `Double`s), and the lowest ranked price. Built once per
/// sensitivity report and used for every moved weight and the other formula, since looking up
/// 20,000 items by String keys each time cost more than the estimates themselves.
struct LeaderSearch {
    private struct Bid {
        let submission: Submission
        let scores: [ModeratedScore]
        let values: [Double]
        let price: Double?
    }

    private let shape: [String]
    private let bids: [Bid]
    private let lowest: Decimal?

    /// Nil when an item lacks a moderated score (`compute` then decides, and throws in `.final`).
    init?(criteria: Criteria, submissions: [Submission], moderated: [ItemKey: ModeratedScore]) {
        shape = Self.shape(of: criteria)
        var bids: [Bid] = []
        for submission in submissions {
            var scores: [ModeratedScore] = []
            var values: [Double] = []
            var fails = false
            for criterion in criteria.criteria {
                guard let score = moderated[ItemKey(submission: submission.id, criterion: criterion.id)], let value = score.value
                else { return nil }
                if let threshold = criterion.threshold, value < Decimal(threshold) { fails = true }
                values.append(NSDecimalNumber(decimal: value).doubleValue)
                scores.append(score)
            }
            if criteria.price != nil {
                guard let price = submission.price, price.currency.uppercased() == criteria.currency.uppercased() else { continue }
            }
            if !fails {
                bids.append(
                    Bid(
                        submission: submission, scores: scores, values: values,
                        price: submission.price.map { NSDecimalNumber(decimal: $0.amount).doubleValue }))
            }
        }
        self.bids = bids
        lowest = criteria.price == nil ? nil : bids.compactMap { $0.submission.price?.amount }.min()
    }

    /// What eligibility depends on: criterion ids and thresholds, scale, currency, whether price counts.
    private static func shape(of criteria: Criteria) -> [String] {
        criteria.criteria.map { "\($0.id)\u{0}\($0.threshold.map(String.init) ?? "-")" }
            + ["\(criteria.scale.min)..\(criteria.scale.max)", criteria.currency.uppercased(), criteria.price == nil ? "quality" : "priced"]
    }

    /// The leaders under `criteria`; nil when it differs from the framework this was built for
    /// in anything but weights and the price formula.
    func leaders(under criteria: Criteria) -> [String]? {
        guard Self.shape(of: criteria) == shape else { return nil }
        let range = Double(criteria.scale.max - criteria.scale.min)
        let low = Double(criteria.scale.min)
        let weights = criteria.criteria.map { NSDecimalNumber(decimal: $0.weight).doubleValue }
        var estimates = bids.map { bid in zip(weights, bid.values).reduce(0.0) { $0 + $1.0 * ($1.1 - low) / range } }
        if let weighting = criteria.price, let lowest {
            let lowestPrice = NSDecimalNumber(decimal: lowest).doubleValue
            let weight = NSDecimalNumber(decimal: weighting.weight).doubleValue
            for index in bids.indices {
                guard let price = bids[index].price else { continue }
                let fraction: Double
                if lowestPrice == 0 {
                    fraction = price == 0 ? 1 : 0
                } else if weighting.formula == .lowestPrice {
                    fraction = lowestPrice / price
                } else {
                    fraction = Swift.max(0, 2 * lowestPrice - price) / lowestPrice
                }
                estimates[index] += weight * fraction
            }
        }
        guard let best = estimates.max() else { return [] }
        var cache = CriterionScoreCache(criteria: criteria)
        let exact = bids.indices.filter { estimates[$0] >= best - 1e-6 }.map { index -> (id: String, total: Decimal, quality: Decimal) in
            let bid = bids[index]
            let quality = bid.scores.enumerated().reduce(Decimal(0)) { sum, entry in
                sum + (cache.score(criterion: entry.offset, moderated: entry.element).weighted ?? 0)
            }
            var points: Decimal = 0
            if let weighting = criteria.price, let lowest, let amount = bid.submission.price?.amount {
                points = PriceScore(price: amount, lowest: lowest, weighting: weighting).points
            }
            return (bid.submission.id, ScorePrecision.comparable(quality + points), ScorePrecision.comparable(quality))
        }
        guard let top = exact.max(by: { ($0.total, $0.quality) < ($1.total, $1.quality) }) else { return [] }
        return exact.filter { $0.total == top.total && $0.quality == top.quality }.map(\.id).sorted()
    }
}

/// One bid's criteria scores, quality and reasons for failing, before price is known.
private struct Assessed {
    let submission: Submission
    let criteria: [CriterionScore]
    let quality: Decimal
    let missingItems: [ItemKey]
    let pendingWeight: Decimal
    let reasons: [FailedSubmission.Reason]

    init(
        _ submission: Submission, criteria framework: Criteria, moderated: [ItemKey: ModeratedScore],
        cache: inout CriterionScoreCache
    ) {
        self.submission = submission
        criteria = framework.criteria.enumerated().map { index, criterion in
            let item = ItemKey(submission: submission.id, criterion: criterion.id)
            let score =
                moderated[item]
                ?? ModeratedScore(
                    item: item, value: nil, method: .pending(.noScores),
                    scores: ItemScores(item: item, scores: [:], eligible: [], conflicted: []), consensus: nil)
            return cache.score(criterion: index, moderated: score)
        }
        quality = criteria.reduce(0) { $0 + ($1.weighted ?? 0) }
        missingItems = criteria.filter { $0.weighted == nil }.map(\.moderated.item)
        pendingWeight = criteria.filter { $0.weighted == nil }.reduce(0) { $0 + $1.weight }

        var reasons: [FailedSubmission.Reason] = []
        for (criterion, score) in zip(framework.criteria, criteria) {
            if let threshold = criterion.threshold, let value = score.moderated.value, value < Decimal(threshold) {
                reasons.append(.belowThreshold(ThresholdFailure(criterion: criterion.id, moderated: value, threshold: threshold)))
            }
        }
        if framework.price != nil {
            if let price = submission.price {
                if price.currency.uppercased() != framework.currency.uppercased() {
                    reasons.append(.currencyMismatch(expected: framework.currency, found: price.currency))
                }
            } else {
                reasons.append(.missingPrice)
            }
        }
        self.reasons = reasons
    }
}

/// Each criterion's fraction and weighted marks by moderated value, worked out once per ranking.
///
/// A moderated score takes only a few values (the scale's points, their halves, and consensus
/// values), but `CriterionScore` divides two `Decimal`s for every item, and Foundation's
/// `Decimal` division costs tens of thousands of instructions: 55 % of the ranking's time on a
/// 2,000-bid tender. The same division of the same operands gives the same `Decimal`, so doing
/// it once per (criterion, value) changes no result.
struct CriterionScoreCache {
    private let criteria: [Criterion]
    private let scale: Scale
    private var known: [[Decimal: (fraction: Decimal, weighted: Decimal)]]

    init(criteria framework: Criteria) {
        criteria = framework.criteria
        scale = framework.scale
        known = Array(repeating: [:], count: framework.criteria.count)
    }

    /// A cache that has already worked out the marks of every value in `moderated`.
    init(criteria framework: Criteria, knowing moderated: [ItemKey: ModeratedScore]) {
        self.init(criteria: framework)
        var indexByID: [String: Int] = [:]
        for (index, criterion) in framework.criteria.enumerated() where indexByID[criterion.id] == nil {
            indexByID[criterion.id] = index
        }
        for score in moderated.values {
            guard let value = score.value, let index = indexByID[score.item.criterion], known[index][value] == nil else {
                continue
            }
            _ = self.score(criterion: index, moderated: score)
        }
    }

    /// The same value as `CriterionScore(criterion:moderated:weight:scale:)` for criterion `index`.
    mutating func score(criterion index: Int, moderated: ModeratedScore) -> CriterionScore {
        let criterion = criteria[index]
        guard let value = moderated.value else {
            return CriterionScore(criterion: criterion.id, moderated: moderated, weight: criterion.weight, scale: scale)
        }
        if let parts = known[index][value] {
            return CriterionScore(
                criterion: criterion.id, moderated: moderated, weight: criterion.weight, fraction: parts.fraction,
                weighted: parts.weighted)
        }
        let computed = CriterionScore(criterion: criterion.id, moderated: moderated, weight: criterion.weight, scale: scale)
        if let fraction = computed.fraction, let weighted = computed.weighted {
            known[index][value] = (fraction, weighted)
        }
        return computed
    }
}
