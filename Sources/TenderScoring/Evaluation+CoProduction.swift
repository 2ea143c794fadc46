import Foundation
import TenderModel

extension Evaluation {
    /// The co-production checks over the panel's independent scores.
    /// - Parameter gapThreshold: scale points at which a criterion's gap is flagged; see
    ///   ``CoProductionCheck/defaultGapThreshold`` for why it defaults to 1.
    public func coProduction(gapThreshold: Decimal = CoProductionCheck.defaultGapThreshold) -> CoProductionCheck {
        let members = panel.members.sorted { $0.id < $1.id }
        let lived = Set(members.filter(\.role.bringsLivedExperience).map(\.id))
        // An item's gap depends only on each group's score count and sum, which take few
        // values; each distinct one is worked out once, by the same Decimal arithmetic, instead
        // of three Decimal divisions and a rounding per item.
        var known: [SIMD4<Int>: ItemGap] = [:]
        var itemGaps: [ItemGap] = []
        for moderated in items {
            var livedSum = 0, livedCount = 0, othersSum = 0, othersCount = 0
            for (member, value) in moderated.scores.scores {
                if lived.contains(member) {
                    livedSum += value
                    livedCount += 1
                } else {
                    othersSum += value
                    othersCount += 1
                }
            }
            guard livedCount > 0, othersCount > 0 else { continue }
            let key = SIMD4(livedSum, livedCount, othersSum, othersCount)
            if var gap = known[key] {
                gap.item = moderated.item
                itemGaps.append(gap)
                continue
            }
            let own = moderated.scores.scores
            let livedScores = own.filter { lived.contains($0.key) }.map { Decimal($0.value) }
            let otherScores = own.filter { !lived.contains($0.key) }.map { Decimal($0.value) }
            guard let livedMean = livedScores.mean, let othersMean = otherScores.mean else { continue }
            let gap = ItemGap(
                item: moderated.item, livedExperienceMean: livedMean, othersMean: othersMean,
                divergence: criteria.divergence)
            known[key] = gap
            itemGaps.append(gap)
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
