import Foundation
import TenderModel

extension Evaluation {
    /// Every item where the experts by experience, or the carers, scored apart from the other
    /// members: the group's median and the median of the members who are neither differ by
    /// the framework's divergence or more. Sorted by item, experts by experience before carers.
    ///
    /// Medians, not means, because the moderated score is a median: the flag speaks the same
    /// language as the score it questions. A group with no score on the item (none on the
    /// panel, or all conflicted) is not compared. Flags stand whatever the moderation state:
    /// an item already agreed keeps its flag, so a report can show whose view the consensus
    /// went against. Since two medians lie within the range of the scores, a flagged item's
    /// scores always diverge too; the flag says that the split runs along lived experience.
    public func voiceFlags() -> [VoiceFlag] {
        let roles = Dictionary(panel.members.map { ($0.id, $0.role) }, uniquingKeysWith: { first, _ in first })
        let threshold = Decimal(criteria.divergence)
        // Medians are compared as twice their value, in Ints: |2g − 2o| ≥ 2 × divergence is the
        // same test as |g − o| ≥ divergence on the exact halves (rounding an exact half to ten
        // places changes nothing). Only a flagged item pays for the Decimal medians and the
        // member lists, built exactly as before.
        func twiceMedian(_ sorted: [Int]) -> Int {
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? 2 * sorted[middle] : sorted[middle - 1] + sorted[middle]
        }
        return items.flatMap { moderated -> [VoiceFlag] in
            var othersValues: [Int] = []
            var experts: [Int] = []
            var carers: [Int] = []
            for (member, value) in moderated.scores.scores {
                guard let role = roles[member] else { continue }
                if VoiceFlag.Voice.expertsByExperience.includes(role) {
                    experts.append(value)
                } else if VoiceFlag.Voice.carers.includes(role) {
                    carers.append(value)
                } else if !role.bringsLivedExperience {
                    othersValues.append(value)
                }
            }
            guard !othersValues.isEmpty else { return [] }
            let othersTwice = twiceMedian(othersValues.sorted())
            let flagged = VoiceFlag.Voice.allCases.filter { voice in
                let group = voice == .expertsByExperience ? experts : carers
                return !group.isEmpty && abs(twiceMedian(group.sorted()) - othersTwice) >= 2 * criteria.divergence
            }
            guard !flagged.isEmpty else { return [] }
            let scored = moderated.scores.scores.sorted { $0.key < $1.key }
            let others = scored.filter { roles[$0.key].map { !$0.bringsLivedExperience } ?? false }
            let othersMedian = ModeratedScore.median(ofSorted: others.map(\.value).sorted())
            return flagged.compactMap { voice -> VoiceFlag? in
                let group = scored.filter { roles[$0.key].map(voice.includes) ?? false }
                guard !group.isEmpty else { return nil }
                let groupMedian = ModeratedScore.median(ofSorted: group.map(\.value).sorted())
                guard ScorePrecision.comparable((groupMedian - othersMedian).magnitude) >= threshold else { return nil }
                return VoiceFlag(
                    item: moderated.item, voice: voice, voiceMembers: group.map(\.key), voiceMedian: groupMedian,
                    otherMembers: others.map(\.key), othersMedian: othersMedian)
            }
        }
    }
}
