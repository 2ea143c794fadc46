import Foundation
import TenderModel

/// How one member's scores sit against the moderated scores: who scores high or low throughout.
///
/// A steady lean is not wrong (a carer may expect more of a bid than a commissioner does) but a
/// panel should see it, so that moderation weighs it openly rather than by accident.
public struct MemberDeviation: Sendable, Hashable {
    public var member: String
    public var role: PanelRole
    /// Items the member scored that have a moderated score.
    public var items: Int
    /// Mean of (member's score − moderated score): above 0 scores high, below 0 scores low.
    /// Nil when ``items`` is 0.
    public var meanDeviation: Decimal?
    /// Mean of |member's score − moderated score|: how far off they are either way.
    public var meanAbsoluteDeviation: Decimal?

    public init(member: String, role: PanelRole, items: Int, meanDeviation: Decimal?, meanAbsoluteDeviation: Decimal?) {
        self.member = member
        self.role = role
        self.items = items
        self.meanDeviation = meanDeviation
        self.meanAbsoluteDeviation = meanAbsoluteDeviation
    }
}
