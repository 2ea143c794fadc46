/// Who must be in the room for a moderation decision to stand.
///
/// Co-production means the people who use services and carers are in the discussion that
/// overturns their scores, not told of it afterwards; and a commissioner alone must not settle
/// an item. So an agreed score needs named attendees: at least `share` percent of the members
/// who may score the item (its eligible members: the panel less anyone conflicted with the bid),
/// rounded up, and — when `livedExperience` is true and any eligible member is an expert by
/// experience or a carer — at least one of them.
///
/// A criteria framework may set both on `<moderation quorum="…" livedExperience="…"/>`; the
/// default is two thirds (67 percent) with lived experience required.
public struct ModerationQuorum: Sendable, Hashable {
    /// Percent of the item's eligible members who must attend, 1–100.
    public var share: Int
    /// Whether at least one expert by experience or carer must attend when any is eligible.
    public var livedExperience: Bool

    public static let standard = ModerationQuorum(share: 67, livedExperience: true)

    public init(share: Int, livedExperience: Bool) {
        self.share = share
        self.livedExperience = livedExperience
    }

    /// How many of `eligible` members must attend: `share` percent, rounded up, at least one.
    public func required(of eligible: Int) -> Int {
        max(1, (share * eligible + 99) / 100)
    }
}
