extension Array where Element == Int {
    /// The indices of these keys in ascending order of key, equal keys in the order given: what
    /// a stable `indices.sorted { self[$0] < self[$1] }` gives, in two passes over the keys
    /// instead of a comparison sort.
    ///
    /// For keys made of interned ids, such as (submission, criterion, member) ranks, whose range
    /// is about the count of the keys: sorting 180,000 scores' keys by comparison was a fifth of
    /// reading a national framework's scores. Nil when a key lies outside `0..<bound`, or when
    /// `bound` is so much larger than the count that the counting would cost more than sorting;
    /// the caller then sorts.
    package func countingOrder(below bound: Int) -> [Int]? {
        guard bound >= 0, bound <= Swift.max(4 * count, 1 << 16) else { return nil }
        var starts = [Int](repeating: 0, count: bound + 1)
        for key in self {
            guard key >= 0, key < bound else { return nil }
            starts[key + 1] += 1
        }
        for key in 0..<bound { starts[key + 1] += starts[key] }
        var order = [Int](repeating: 0, count: count)
        for (index, key) in enumerated() {
            order[starts[key]] = index
            starts[key] += 1
        }
        return order
    }
}
