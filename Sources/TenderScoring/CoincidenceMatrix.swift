/// Krippendorff's coincidence matrix of a reliability data set (2011, §B), built exactly.
///
/// o(c,k) = Σ over units u of (pairs of values c, k within u) ÷ (m_u − 1). The pair counts are
/// integers, accumulated per unit size m_u, and divided only at the end, in a fixed order: the
/// result does not depend on the order of units or of values within a unit.
struct CoincidenceMatrix {
    /// The distinct values in pairable units, ascending.
    let values: [Int]
    /// o(c,k), indexed like ``values``.
    let coincidences: [[Double]]
    /// n_c: how many pairable values equal values[c].
    let totals: [Int]
    /// Units with two or more values.
    let pairableUnits: Int

    /// - Parameter units: the values each unit received; units with fewer than two values are
    ///   not pairable and are dropped.
    init(units: [[Int]]) {
        let pairable = units.filter { $0.count >= 2 }
        let values = Array(Set(pairable.joined())).sorted()
        // Values are interned by offset from the lowest when they span a small range (scores
        // always do), and pair counts are kept per unit size in flat arrays: a dictionary
        // lookup per value and a nested-array copy per unit were most of `agreement()`.
        let low = values.first ?? 0
        let span = (values.last ?? 0) - low + 1
        var offsetIndex: [Int] = []
        var index: [Int: Int] = [:]
        if span <= 4096 {
            offsetIndex = Array(repeating: 0, count: span)
            for (position, value) in values.enumerated() { offsetIndex[value - low] = position }
        } else {
            for (position, value) in values.enumerated() { index[value] = position }
        }
        let width = values.count
        // pairCounts[m][c × width + k]: ordered pairs (c, k) of different positions within units of size m.
        var pairCounts: [Int: [Int]] = [:]
        var totals = Array(repeating: 0, count: width)
        var counts = Array(repeating: 0, count: width)
        var present: [Int] = []
        var bySize: [Int: [[Int]]] = [:]
        for unit in pairable { bySize[unit.count, default: []].append(unit) }
        for (size, group) in bySize {
            var matrix = Array(repeating: 0, count: width * width)
            for unit in group {
                present.removeAll(keepingCapacity: true)
                for value in unit {
                    let position = offsetIndex.isEmpty ? index[value] : offsetIndex[value - low]
                    guard let position else { continue }
                    if counts[position] == 0 { present.append(position) }
                    counts[position] += 1
                }
                for c in present {
                    totals[c] += counts[c]
                    for k in present {
                        matrix[c * width + k] += counts[c] * (counts[k] - (c == k ? 1 : 0))
                    }
                }
                for c in present { counts[c] = 0 }
            }
            pairCounts[size] = matrix
        }
        var coincidences = Array(repeating: Array(repeating: 0.0, count: width), count: width)
        for size in pairCounts.keys.sorted() {
            guard let matrix = pairCounts[size] else { continue }
            for c in values.indices {
                for k in values.indices {
                    coincidences[c][k] += Double(matrix[c * width + k]) / Double(size - 1)
                }
            }
        }
        self.values = values
        self.coincidences = coincidences
        self.totals = totals
        self.pairableUnits = pairable.count
    }

    /// n: all pairable values.
    var total: Int { totals.reduce(0, +) }

    /// δ²(c,k) for the metric, by index into ``values`` (Krippendorff 2011, §C).
    func distance(_ c: Int, _ k: Int, metric: AlphaMetric) -> Double {
        switch metric {
        case .nominal:
            return c == k ? 0 : 1
        case .interval:
            let difference = Double(values[c] - values[k])
            return difference * difference
        case .ordinal:
            let (low, high) = (Swift.min(c, k), Swift.max(c, k))
            let between = totals[low...high].reduce(0, +)
            let distance = Double(between) - Double(totals[low] + totals[high]) / 2
            return distance * distance
        }
    }
}
