/// One block of what a bidder wrote in an answer box: a paragraph, or one item of a list.
///
/// Lists are kept as items (not folded into paragraphs with a bullet character) so that word
/// counts stay as Word and LibreOffice count them: a bullet is not a word.
public enum AnswerBlock: Sendable, Hashable {
    case paragraph(String)
    /// `level` counts from 0 for the outermost list; `ordered` is a numbered list.
    case listItem(String, ordered: Bool, level: Int)

    public var text: String {
        switch self {
        case .paragraph(let text), .listItem(let text, _, _): text
        }
    }
}
