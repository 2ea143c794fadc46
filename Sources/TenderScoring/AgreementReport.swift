/// How far the panel agreed: Krippendorff's alpha per criterion and overall, and each member's
/// lean against the moderated scores.
public struct AgreementReport: Sendable, Hashable {
    /// One entry per criterion, in framework order; units are submissions.
    public var criteria: [CriterionAgreement]
    /// Over every item at once; units are (submission, criterion) items.
    public var overall: AlphaMeasures
    /// One entry per panel member, sorted by id.
    public var members: [MemberDeviation]

    public init(criteria: [CriterionAgreement], overall: AlphaMeasures, members: [MemberDeviation]) {
        self.criteria = criteria
        self.overall = overall
        self.members = members
    }
}
