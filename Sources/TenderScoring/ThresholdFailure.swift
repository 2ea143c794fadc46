import Foundation

/// A criterion on which a bid's moderated score is below the criterion's threshold.
///
/// One such criterion is enough to fail the bid, however well it does elsewhere: a threshold
/// says "below this, we will not contract", and high marks elsewhere cannot buy it back.
public struct ThresholdFailure: Sendable, Hashable, CustomStringConvertible {
    public var criterion: String
    public var moderated: Decimal
    public var threshold: Int

    public init(criterion: String, moderated: Decimal, threshold: Int) {
        self.criterion = criterion
        self.moderated = moderated
        self.threshold = threshold
    }

    /// `principles: 1 is below the threshold 2`
    public var description: String { "\(criterion): \(moderated) is below the threshold \(threshold)" }
}
