import Foundation

/// What the decision record needs beyond the scores, given by the commissioners: the budget the
/// contract value is set against, the sign-off of the finalised scores, and the panel's
/// conditions on the award. Every part is optional; the record says plainly what is missing.
///
/// The store holds the sign-off (`tenderscore finalise --reason`: who, when, why, and the audit
/// history's head hash at that moment); the CLI passes it in so that this module stays free of
/// storage.
public struct DecisionRecordInputs: Sendable, Hashable {
    /// Who finalised the scores, when, why, and the audit history's head hash at that moment: a
    /// reader can check later, with `tenderscore audit verify`, that nothing changed since.
    public struct SignOff: Sendable, Hashable {
        /// The person's name as the record should show it (not a login id).
        public var finalisedBy: String
        public var finalisedAt: Date
        /// The reason given to `finalise --reason`.
        public var reason: String
        /// The head hash of the audit history when the scores were frozen.
        public var headHash: String

        public init(finalisedBy: String, finalisedAt: Date, reason: String, headHash: String) {
            self.finalisedBy = finalisedBy
            self.finalisedAt = finalisedAt
            self.reason = reason
            self.headHash = headHash
        }
    }

    /// The budget for the whole contract, in the framework's currency; nil when none was given.
    public var budget: Decimal?
    /// Nil while the tender is not finalised (the record then says so).
    public var signOff: SignOff?
    /// Conditions the panel set on the award ("A carers' forum meets before the contract starts"),
    /// in the panel's words; empty when there are none.
    public var conditions: [String]
    /// When the first assessment summary was recorded as sent (`tenderscore publish`): the date
    /// the standstill period runs from, which the award notice states. Nil before any was sent.
    public var summariesSentAt: Date?

    public init(budget: Decimal? = nil, signOff: SignOff? = nil, conditions: [String] = [], summariesSentAt: Date? = nil) {
        self.budget = budget
        self.signOff = signOff
        self.conditions = conditions
        self.summariesSentAt = summariesSentAt
    }
}
