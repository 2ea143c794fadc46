import Foundation
import TenderModel

extension Evaluation {
    /// Agreement over the panel's independent scores (never the consensus: alpha measures how
    /// far members agreed before moderation). Conflicts are missing values.
    public func agreement() -> AgreementReport {
        let items = self.items
        let perCriterion = criteria.criteria.map { criterion in
            CriterionAgreement(
                criterion: criterion.id,
                alpha: AlphaMeasures(units: items.filter { $0.item.criterion == criterion.id }.map(\.scores.values)))
        }
        let members = panel.members.sorted { $0.id < $1.id }.map { member in
            MemberDeviation(member: member.id, role: member.role, items: 0, meanDeviation: nil, meanAbsoluteDeviation: nil)
        }
        return AgreementReport(
            criteria: perCriterion, overall: AlphaMeasures(units: items.map(\.scores.values)),
            members: Self.deviations(of: members, over: items))
    }

    /// Each member's mean signed and absolute deviation from the moderated scores.
    ///
    /// A moderated score is an integer or a half, so a deviation is kept as twice its value in
    /// an Int and summed exactly; the only `Decimal` work left is one division per member and
    /// mean, on the same numbers as `[Decimal].mean` divides (a sum of 180,000 `Decimal`
    /// differences took most of `agreement()`). A moderated value that is not a half-integer,
    /// which the scoring rules cannot produce, takes the `Decimal` way.
    static func deviations(of members: [MemberDeviation], over items: [ModeratedScore]) -> [MemberDeviation] {
        var twiceOf: [Decimal: Int?] = [:]
        var sums: [String: (count: Int, signed: Int, absolute: Int)] = [:]
        for member in members { sums[member.member] = (0, 0, 0) }
        for item in items {
            guard let moderated = item.value else { continue }
            let twice: Int?
            if let known = twiceOf[moderated] {
                twice = known
            } else {
                let candidate = NSDecimalNumber(decimal: moderated * 2).intValue
                twice = Decimal(candidate) / 2 == moderated ? candidate : nil
                twiceOf[moderated] = twice
            }
            guard let twice else { return slowDeviations(of: members, over: items) }
            for (member, own) in item.scores.scores {
                guard var sum = sums[member] else { continue }
                let deviation = 2 * own - twice
                sum.count += 1
                sum.signed += deviation
                sum.absolute += abs(deviation)
                sums[member] = sum
            }
        }
        return members.map { member in
            guard let sum = sums[member.member], sum.count > 0 else { return member }
            let count = Decimal(sum.count)
            return MemberDeviation(
                member: member.member, role: member.role, items: sum.count,
                meanDeviation: Decimal(sum.signed) / 2 / count, meanAbsoluteDeviation: Decimal(sum.absolute) / 2 / count)
        }
    }

    /// The plain `Decimal` computation, kept for values that are not half-integers.
    static func slowDeviations(of members: [MemberDeviation], over items: [ModeratedScore]) -> [MemberDeviation] {
        members.map { member in
            let deviations = items.compactMap { item -> Decimal? in
                guard let moderated = item.value, let own = item.scores.scores[member.member] else { return nil }
                return Decimal(own) - moderated
            }
            return MemberDeviation(
                member: member.member, role: member.role, items: deviations.count, meanDeviation: deviations.mean,
                meanAbsoluteDeviation: deviations.map { $0 < 0 ? -$0 : $0 }.mean)
        }
    }
}

extension Array where Element == Decimal {
    /// The arithmetic mean; nil for no values.
    var mean: Decimal? { isEmpty ? nil : reduce(0, +) / Decimal(count) }
}
