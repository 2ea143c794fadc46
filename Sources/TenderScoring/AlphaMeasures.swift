/// Krippendorff's alpha over one set of units under each metric.
///
/// Ordinal is the one SPEC.md fixes; interval and nominal sit beside it so that a reader can see
/// whether disagreement is about near misses (ordinal and interval high, nominal low: members
/// often differ by one point) or about wholly different readings of the bids.
public struct AlphaMeasures: Sendable, Hashable {
    public var ordinal: KrippendorffAlpha
    public var interval: KrippendorffAlpha
    public var nominal: KrippendorffAlpha

    public init(units: [[Int]]) {
        // One coincidence matrix serves all three metrics; only the distances differ.
        let matrix = CoincidenceMatrix(units: units)
        ordinal = KrippendorffAlpha(matrix: matrix, metric: .ordinal)
        interval = KrippendorffAlpha(matrix: matrix, metric: .interval)
        nominal = KrippendorffAlpha(matrix: matrix, metric: .nominal)
    }

    public subscript(metric: AlphaMetric) -> KrippendorffAlpha {
        switch metric {
        case .ordinal: ordinal
        case .interval: interval
        case .nominal: nominal
        }
    }
}
