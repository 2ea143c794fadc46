import Foundation
import TenderModel
import TenderScoring
import TenderTestSupport

/// A random but valid tender from a seed: weights adding to 100, 3–6 bids (some exact copies,
/// so that ties happen), 3–5 members with conflicts, scores that sometimes diverge and are then
/// settled by consensus. Every item ends with a moderated score, so final rankings succeed.
struct RandomTender {
    var criteria: Criteria
    var submissions: [Submission]
    var panel: Panel
    var scores: [Score]
    var consensus: [Consensus]

    init(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let priceWeights: [Decimal] = [0, 20, 30, 40, 50]
        let priceWeight = priceWeights[Int.random(in: 0..<priceWeights.count, using: &rng)]
        let formula: PriceFormula = Bool.random(using: &rng) ? .lowestPrice : .relativeDifference
        let criterionCount = Int.random(in: 2...4, using: &rng)
        // Weights in steps of 5, each at least 5, adding up to 100 − price weight.
        var steps = Array(repeating: 1, count: criterionCount)
        let quality = NSDecimalNumber(decimal: 100 - priceWeight).intValue
        for _ in 0..<(quality / 5 - criterionCount) { steps[Int.random(in: 0..<criterionCount, using: &rng)] += 1 }
        let specs: [(String, Decimal, Int?)] = (0..<criterionCount).map { index in
            let threshold: Int? = Int.random(in: 0..<4, using: &rng) == 0 ? Int.random(in: 1...2, using: &rng) : nil
            return ("c\(index)", Decimal(steps[index] * 5), threshold)
        }
        let divergence = Int.random(in: 2...3, using: &rng)
        criteria = Fixture.criteria(
            specs, price: priceWeight > 0 ? PriceWeighting(weight: priceWeight, formula: formula) : nil,
            divergence: divergence)

        let roles = PanelRole.allCases
        let memberIDs = (0..<Int.random(in: 3...5, using: &rng)).map { "m\($0)" }
        let members = memberIDs.map { ($0, roles[Int.random(in: 0..<roles.count, using: &rng)]) }
        var bids: [Submission] = []
        var conflicts: [(member: String, submission: String)] = []
        var scores: [Score] = []
        var consensus: [Consensus] = []
        var previous: (price: Decimal, conflicted: [String], values: [String: [String: Int]])?
        for index in 0..<Int.random(in: 3...6, using: &rng) {
            let id = "BID-\(index)"
            var price = Decimal(Int.random(in: 50...150, using: &rng) * 1000)
            var conflicted = memberIDs.filter { _ in Int.random(in: 0..<10, using: &rng) == 0 }
            if conflicted.count == memberIDs.count { conflicted = [] }
            var values: [String: [String: Int]] = [:]
            for spec in specs {
                let base = Int.random(in: 0...5, using: &rng)
                for member in memberIDs where !conflicted.contains(member) {
                    values[spec.0, default: [:]][member] = min(5, max(0, base + Int.random(in: -1...1, using: &rng)))
                }
            }
            if let copy = previous, Int.random(in: 0..<5, using: &rng) == 0 {
                (price, conflicted, values) = copy
            }
            previous = (price, conflicted, values)
            bids.append(Fixture.bid(id, price: priceWeight > 0 ? price : nil))
            conflicts += conflicted.map { ($0, id) }
            for (criterion, byMember) in values.sorted(by: { $0.key < $1.key }) {
                for (member, value) in byMember.sorted(by: { $0.key < $1.key }) {
                    scores.append(Fixture.score(member, id, criterion, value))
                }
                let spread = (byMember.values.max() ?? 0) - (byMember.values.min() ?? 0)
                if spread >= divergence || Int.random(in: 0..<10, using: &rng) == 0 {
                    consensus.append(Fixture.consensus(id, criterion, Int.random(in: 0...5, using: &rng)))
                }
            }
        }
        submissions = bids
        panel = Fixture.panel(members, conflicts: conflicts)
        self.scores = scores
        self.consensus = consensus
    }

    func evaluation() throws -> Evaluation {
        try Evaluation(criteria: criteria, submissions: submissions, panel: panel, scores: scores, consensus: consensus)
    }

    /// The same tender with bids, members, conflicts, scores and consensus records reordered.
    func shuffled(seed: UInt64) -> RandomTender {
        var rng = SeededGenerator(seed: seed)
        var copy = self
        copy.submissions.shuffle(using: &rng)
        copy.panel.members.shuffle(using: &rng)
        copy.panel.conflicts.shuffle(using: &rng)
        copy.scores.shuffle(using: &rng)
        copy.consensus.shuffle(using: &rng)
        return copy
    }
}
