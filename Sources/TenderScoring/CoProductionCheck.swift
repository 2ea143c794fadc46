import Foundation
import TenderModel

/// Whether the commissioning was co-produced, and where the view of people with lived
/// experience parted from the rest of the panel.
///
/// Every member's score counts the same, so a lone carer's low score can vanish into a median
/// of five. These checks put such splits in front of the panel: their view carries equal weight
/// and must not be averaged away unseen.
public struct CoProductionCheck: Sendable, Hashable {
    /// The default ``gapThreshold``: one scale point.
    ///
    /// Why 1: a criterion gap is a mean over every bid, so single-bid noise mostly cancels; a
    /// whole point on average (a fifth of the weight on a 0–5 scale) means the two groups read
    /// the criterion differently, not that one bid split them. Single bids are caught anyway by
    /// the per-item check at the framework's divergence.
    public static let defaultGapThreshold: Decimal = 1

    /// True when the panel has an expert by experience or a carer (`Panel.isCoProduced`).
    public var isCoProduced: Bool
    /// Experts by experience and carers, sorted by id.
    public var livedExperienceMembers: [String]
    /// Everyone else on the panel, sorted by id.
    public var otherMembers: [String]
    /// A criterion's gap is flagged when its magnitude reaches this many scale points.
    public var gapThreshold: Decimal
    /// One entry per criterion that both groups scored, in framework order.
    public var criteria: [CriterionGap]
    /// Every item both groups scored, sorted by item.
    public var items: [ItemGap]
    /// Items where the experts by experience, or the carers, each compared on their own, scored
    /// apart from the other members (see ``Evaluation/voiceFlags()``): what the moderation list
    /// and the reports should show, in place of ``itemsNeedingModeration``.
    public var voiceFlags: [VoiceFlag]

    public init(
        isCoProduced: Bool, livedExperienceMembers: [String], otherMembers: [String], gapThreshold: Decimal,
        criteria: [CriterionGap], items: [ItemGap], voiceFlags: [VoiceFlag] = []
    ) {
        self.isCoProduced = isCoProduced
        self.livedExperienceMembers = livedExperienceMembers
        self.otherMembers = otherMembers
        self.gapThreshold = gapThreshold
        self.criteria = criteria
        self.items = items
        self.voiceFlags = voiceFlags
    }

    /// The warning every report must carry when the panel was not co-produced; nil when it was.
    public var warning: String? { Self.warning(isCoProduced: isCoProduced) }

    /// The same warning from the panel alone, for a report that did not work out the check.
    public static func warning(isCoProduced: Bool) -> String? {
        isCoProduced ? nil : "The panel has no expert by experience or carer: this commissioning was not co-produced."
    }

    /// Items whose pooled means (experts by experience and carers together) are at least the
    /// divergence apart. Pooling two groups who may disagree with each other, and averaging,
    /// hid the sample tender's splits; kept for the callers that use it until they move to
    /// ``voiceFlags``, which compares each group's median on its own.
    public var itemsNeedingModeration: [ItemGap] { items.filter(\.needsModeration) }

    /// Criteria whose gap reaches the threshold.
    public var flaggedCriteria: [CriterionGap] { criteria.filter(\.flagged) }
}
