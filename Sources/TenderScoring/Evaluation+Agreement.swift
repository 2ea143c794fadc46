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
            let deviations = items.compactMap { item -> Decimal? in
                guard let moderated = item.value, let own = item.scores.scores[member.id] else { return nil }
                return Decimal(own) - moderated
            }
            return MemberDeviation(
                member: member.id, role: member.role, items: deviations.count, meanDeviation: deviations.mean,
                meanAbsoluteDeviation: deviations.map { $0 < 0 ? -$0 : $0 }.mean)
        }
        return AgreementReport(criteria: perCriterion, overall: AlphaMeasures(units: items.map(\.scores.values)), members: members)
    }
}

extension Array where Element == Decimal {
    /// The arithmetic mean; nil for no values.
    var mean: Decimal? { isEmpty ? nil : reduce(0, +) / Decimal(count) }
}
