import TenderModel
import TenderStore

/// Checks of the plain text a person types (a reason, a rationale, a title): trimmed, and
/// refused when it carries a control character or a text-direction override, which could forge
/// a line of the history or drive a terminal.
enum TextInput {
    /// A one-line text: no line breaks either.
    static func line(_ text: String, what: String) throws(StoreError) -> String {
        let trimmed = text.trimmingWhitespace
        if let bad = trimmed.unicodeScalars.first(where: TextRules.isForbidden) {
            throw StoreError(
                .invalidInput, "The \(what) contains \(TextRules.describe(bad)); give it as plain text on one line.")
        }
        return trimmed
    }

    /// A longer text, which may run over several lines.
    static func paragraph(_ text: String, what: String) throws(StoreError) -> String {
        let trimmed = text.trimmingWhitespace
        if let bad = trimmed.unicodeScalars.first(where: TextRules.isForbiddenInLongText) {
            throw StoreError(.invalidInput, "The \(what) contains \(TextRules.describe(bad)); give it as plain text.")
        }
        return trimmed
    }

    /// A reason, trimmed and checked; nil when absent or blank.
    static func reason(_ text: String?) throws(StoreError) -> String? {
        guard let text, !text.trimmingWhitespace.isEmpty else { return nil }
        return try paragraph(text, what: "reason")
    }

    /// The first forbidden character in a text a document carried, as a diagnostic message.
    static func problem(in text: String, what: String) -> String? {
        guard let bad = text.unicodeScalars.first(where: TextRules.isForbiddenInLongText) else { return nil }
        return "the \(what) contains \(TextRules.describe(bad)), which TenderScore does not accept in text people read"
    }
}
