import Foundation
import TenderModel

extension Evaluation {
    /// The co-production checks over the panel's independent scores.
    /// - Parameter gapThreshold: scale points at which a criterion's gap is flagged; see
    ///   ``CoProductionCheck/defaultGapThreshold`` for why it defaults to 1.
    public func coProduction(gapThreshold: Decimal = CoProductionCheck.defaultGapThreshold) -> CoProductionCheck {
        let members = panel.members.sorted { $0.id < $1.id }
        let lived = Set(members.filter(\.role.bringsLivedExperience).map(\.id))
        let itemGaps = items.compactMap { moderated -> ItemGap? in
            let own = moderated.scores.scores
            let livedScores = own.filter { lived.contains($0.key) }.map { Decimal($0.value) }
            let otherScores = own.filter { !lived.contains($0.key) }.map { Decimal($0.value) }
            guard let livedMean = livedScores.mean, let othersMean = otherScores.mean else { return nil }
            return ItemGap(
                item: moderated.item, livedExperienceMean: livedMean, othersMean: othersMean,
                divergence: criteria.divergence)
        }
        let criterionGaps = criteria.criteria.compactMap { criterion -> CriterionGap? in
            let gaps = itemGaps.filter { $0.item.criterion == criterion.id }
            return gaps.isEmpty ? nil : CriterionGap(criterion: criterion.id, items: gaps, threshold: gapThreshold)
        }
        return CoProductionCheck(
            isCoProduced: panel.isCoProduced, livedExperienceMembers: members.map(\.id).filter { lived.contains($0) },
            otherMembers: members.map(\.id).filter { !lived.contains($0) }, gapThreshold: gapThreshold,
            criteria: criterionGaps, items: itemGaps, voiceFlags: voiceFlags())
    }
}
