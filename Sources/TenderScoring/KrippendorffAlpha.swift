/// Krippendorff's alpha: how far a panel's scores agree beyond what chance would give.
///
/// alpha = 1 − D_o ÷ D_e, the observed disagreement within units over the disagreement expected
/// from all the values pooled, computed with the coincidence matrix (Krippendorff 2011,
/// "Computing Krippendorff's Alpha-Reliability"):
///
///     alpha = 1 − (n − 1) × Σ o(c,k) δ²(c,k) ÷ Σ n_c n_k δ²(c,k)
///
/// Missing values are allowed: a conflicted member simply gives none. A unit with fewer than two
/// values has nothing to compare and is dropped. 1 is perfect agreement, 0 is what chance gives,
/// below 0 is systematic disagreement. A statistic, not money: it is a `Double`.
public struct KrippendorffAlpha: Sendable, Hashable {
    /// Why alpha cannot be computed; reported instead of a NaN.
    public enum Undefined: String, Sendable, Hashable, CustomStringConvertible {
        /// No unit has two or more values.
        case noPairableValues
        /// Every pairable value is the same, so no disagreement is expected and alpha is 0 ÷ 0.
        case noVariation

        public var description: String {
            switch self {
            case .noPairableValues: "no item was scored by two or more members"
            case .noVariation: "every score is the same, so agreement cannot be told from chance"
            }
        }
    }

    public var metric: AlphaMetric
    /// Nil when undefined; see ``undefined``.
    public var value: Double?
    public var undefined: Undefined?
    /// Units with two or more values, the ones alpha is computed over.
    public var pairableUnits: Int
    /// n: the values in those units.
    public var pairableValues: Int

    /// The plain-words reading of ``value``; nil when alpha is undefined.
    public var reliability: Reliability? { value.map(Reliability.init(alpha:)) }

    /// Alpha over units, each given as the values it received (missing ones left out).
    public init(units: [[Int]], metric: AlphaMetric) {
        self.init(matrix: CoincidenceMatrix(units: units), metric: metric)
    }

    /// Alpha from a coincidence matrix already built, so that the three metrics share one.
    init(matrix: CoincidenceMatrix, metric: AlphaMetric) {
        self.metric = metric
        pairableUnits = matrix.pairableUnits
        pairableValues = matrix.total
        guard matrix.total > 0 else {
            value = nil
            undefined = .noPairableValues
            return
        }
        var observed = 0.0
        var expected = 0.0
        for c in matrix.values.indices {
            for k in matrix.values.indices where c != k {
                let distance = matrix.distance(c, k, metric: metric)
                observed += matrix.coincidences[c][k] * distance
                expected += Double(matrix.totals[c]) * Double(matrix.totals[k]) * distance
            }
        }
        guard expected > 0 else {
            value = nil
            undefined = .noVariation
            return
        }
        value = 1 - Double(matrix.total - 1) * observed / expected
        undefined = nil
    }

    /// Alpha over a reliability data matrix laid out as Krippendorff and the `krippendorff`
    /// Python package lay it: one row per observer, one column per unit, nil where missing.
    public init(observers: [[Int?]], metric: AlphaMetric) {
        let unitCount = observers.map(\.count).max() ?? 0
        let units = (0..<unitCount).map { unit in
            observers.compactMap { row in unit < row.count ? row[unit] : nil }
        }
        self.init(units: units, metric: metric)
    }
}
