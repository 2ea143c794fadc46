import Foundation
import TenderModel

/// One item where the experts by experience, or the carers, scored apart from the members who
/// are neither: their median and the others' medians at least the framework's divergence apart.
///
/// Co-production puts these voices on the panel as equals, and equal counting can still hide
/// them: two experts by experience scoring 1 beside a commissioner's 3 and a practitioner's 4
/// vanish into a median of 2.5, and pooling carers with experts by experience (who may read a
/// bid differently from each other) blurs both. So each group is compared on its own, item by
/// item, and the moderation list and reports can put the split in front of the panel whether or
/// not a consensus has been recorded.
public struct VoiceFlag: Sendable, Hashable, CustomStringConvertible {
    /// The lived-experience groups compared with the rest of the panel, each on its own.
    public enum Voice: String, Sendable, Hashable, CaseIterable {
        case expertsByExperience = "experts by experience"
        case carers

        /// Whether a member of `role` belongs to this group.
        public func includes(_ role: PanelRole) -> Bool {
            switch self {
            case .expertsByExperience: role == .expertByExperience
            case .carers: role == .carer
            }
        }
    }

    /// Which way the group parted from the others.
    public enum Direction: String, Sendable, Hashable {
        /// The group saw less in the bid than the others did.
        case lower
        /// The group saw more in the bid than the others did.
        case higher
    }

    public var item: ItemKey
    public var voice: Voice
    /// The group's members who scored the item, sorted by id.
    public var voiceMembers: [String]
    public var voiceMedian: Decimal
    /// The members who are neither experts by experience nor carers and scored the item, sorted.
    public var otherMembers: [String]
    public var othersMedian: Decimal
    public var direction: Direction

    public init(
        item: ItemKey, voice: Voice, voiceMembers: [String], voiceMedian: Decimal, otherMembers: [String],
        othersMedian: Decimal
    ) {
        self.item = item
        self.voice = voice
        self.voiceMembers = voiceMembers
        self.voiceMedian = voiceMedian
        self.otherMembers = otherMembers
        self.othersMedian = othersMedian
        direction = voiceMedian < othersMedian ? .lower : .higher
    }

    /// voiceMedian − othersMedian: below 0 when the group scored lower.
    public var difference: Decimal { voiceMedian - othersMedian }

    /// `BID-005/working-together: the experts by experience scored lower (median 1) than the
    /// other members (median 3)`, for lists and logs.
    public var description: String {
        "\(item): the \(voice.rawValue) scored \(direction.rawValue) (median \(voiceMedian)) than the other members (median \(othersMedian))"
    }
}
