/// Cuts the document type declaration out of a document's text, so that a suite case written
/// to be valid against its DTD can show whether the rest of it parses.
///
/// A small scanner rather than a pattern: an internal subset may hold `]` and `>` inside quoted
/// literals, comments and processing instructions.
enum DoctypeRemoval {
    /// The text without its `<!DOCTYPE …>`; nil when there is none or it does not end.
    static func removing(from text: String) -> String? {
        guard let start = text.range(of: "<!DOCTYPE") else { return nil }
        let scalars = Array(text[start.upperBound...].unicodeScalars)
        var index = 0
        var inSubset = false
        func at(_ prefix: String) -> Bool {
            let wanted = Array(prefix.unicodeScalars)
            return index + wanted.count <= scalars.count && Array(scalars[index..<(index + wanted.count)]) == wanted
        }
        func skip(past terminator: String) -> Bool {
            while index < scalars.count {
                if at(terminator) {
                    index += terminator.unicodeScalars.count
                    return true
                }
                index += 1
            }
            return false
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" || scalar == "'" {
                index += 1
                guard skip(past: String(scalar)) else { return nil }
            } else if inSubset && at("<!--") {
                index += 4
                guard skip(past: "-->") else { return nil }
            } else if inSubset && at("<?") {
                index += 2
                guard skip(past: "?>") else { return nil }
            } else if scalar == "[" && !inSubset {
                inSubset = true
                index += 1
            } else if scalar == "]" && inSubset {
                inSubset = false
                index += 1
            } else if scalar == ">" && !inSubset {
                index += 1
                var rest = String.UnicodeScalarView()
                rest.append(contentsOf: scalars[index...])
                return String(text[..<start.lowerBound]) + String(rest)
            } else {
                index += 1
            }
        }
        return nil
    }
}
