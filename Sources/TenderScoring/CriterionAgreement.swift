/// The panel's agreement on one criterion: units are the submissions, observers the members.
public struct CriterionAgreement: Sendable, Hashable {
    public var criterion: String
    public var alpha: AlphaMeasures

    public init(criterion: String, alpha: AlphaMeasures) {
        self.criterion = criterion
        self.alpha = alpha
    }
}
