/// What one marked place in a form held, as found: the marker's name and the blocks written
/// there (none when it still shows its placeholder).
struct MarkedField: Sendable {
    var tag: String
    var blocks: [AnswerBlock]
    /// A Word control found inside a paragraph rather than around paragraphs: a word processor
    /// rewrote the block control the form had, and text it moved outside is not in `blocks`.
    var inline = false

    /// The blocks as one line, for single-value fields (a name, a price).
    var singleLine: String { blocks.map(\.text).joined(separator: " ").foldedWhitespace }
}

extension String {
    /// Runs of whitespace (Unicode White_Space) folded to one space, the ends trimmed: line
    /// breaks and tabs inside a paragraph carry no meaning in an answer.
    var foldedWhitespace: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            let space =
                scalar.isASCII ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
            if space {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
