import TenderStore

/// The one normalisation of every name a person gives.
enum PersonName {
    static func normalised(_ text: String) throws(StoreError) -> String {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else {
            throw StoreError(.invalidInput, "Every change records who made it, and no name was given (use --as).")
        }
        if let bad = trimmed.unicodeScalars.first(where: TextRules.isForbidden) {
            throw StoreError(
                .invalidInput,
                "The name \"\(TextRules.visible(trimmed))\" contains \(TextRules.describe(bad)), which a name cannot carry: it could forge a line of the history. Give the name as plain text.")
        }
        return trimmed
    }
}
