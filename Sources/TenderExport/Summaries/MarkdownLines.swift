/// Lines of Markdown written into one string as they come, for the assessment summaries.
///
/// A summary is some 200 short lines; keeping them in an array and joining them at the end
/// copied each twice and was a fifth of writing the Markdown of 2,000 summaries.
struct MarkdownLines: Sendable {
    /// Every line so far, each followed by a line break.
    private var text = ""

    init() {}

    mutating func append(_ line: String) {
        text += line
        text += "\n"
    }

    mutating func append(contentsOf lines: [String]) {
        for line in lines { append(line) }
    }

    /// Another block's lines, after these.
    mutating func append(contentsOf block: MarkdownLines) { text += block.text }

    /// The lines joined by line breaks, as `[String].joined(separator: "\n")` joins them: no
    /// break after the last.
    var joined: String {
        var lines = text
        if !lines.isEmpty { lines.removeLast() }
        return lines
    }
}
