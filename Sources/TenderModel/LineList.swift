/// The lines a problem occurs on, said as a person would: "on lines 2–43", "on lines 5, 11
/// and 17", "on line 5 and 6 more lines". One diagnostic per distinct wrong value, saying where
/// else it occurs, reads better than 42 identical lines.
public enum LineList {
    /// Empty for a single line: the diagnostic's own location names it.
    public static func describe(_ lines: [Int]) -> String {
        let sorted = Array(Set(lines)).sorted()
        guard let first = sorted.first, let last = sorted.last, sorted.count > 1 else { return "" }
        if last - first == sorted.count - 1 { return "on lines \(first)–\(last)" }
        if sorted.count <= 4 {
            return "on lines " + sorted.dropLast().map(String.init).joined(separator: ", ") + " and \(last)"
        }
        return "on line \(first) and \(sorted.count - 1) more lines"
    }
}
