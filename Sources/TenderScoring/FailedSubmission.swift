import Foundation
import TenderModel

/// A bid that is listed but not ranked and not used for price, with every reason why.
public struct FailedSubmission: Sendable, Hashable {
    /// Why a bid cannot be ranked.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// A moderated score below a criterion's threshold.
        case belowThreshold(ThresholdFailure)
        /// The framework weights price, but the bid gives none: it cannot be priced against the
        /// others, and scoring it 0 for price would rank a non-compliant bid.
        case missingPrice
        /// The price is in another currency than the framework's; prices are never converted.
        case currencyMismatch(expected: String, found: String)

        public var description: String {
            switch self {
            case let .belowThreshold(failure): failure.description
            case .missingPrice: "no price was given, but the framework weights price"
            case let .currencyMismatch(expected, found):
                "the price is in \(found), but the framework's currency is \(expected)"
            }
        }
    }

    public var submission: String
    public var bidder: String
    public var reasons: [Reason]
    /// Its criterion scores, in framework order, for the bidder's assessment summary.
    public var criteria: [CriterionScore]
    /// Marks from the criteria whose items have a moderated score.
    public var quality: Decimal

    public init(submission: String, bidder: String, reasons: [Reason], criteria: [CriterionScore], quality: Decimal) {
        self.submission = submission
        self.bidder = bidder
        self.reasons = reasons
        self.criteria = criteria
        self.quality = quality
    }

    /// The reasons as sentences (`local-assets: 1 is below the threshold 2`).
    public var reasonTexts: [String] { reasons.map(\.description) }
}
