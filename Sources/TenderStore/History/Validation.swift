/// Checks of the plain values a caller passes in (not documents: those go through ImportChecks).
package enum Validation {
    /// The person acting, trimmed; every event says who made it, so it may not be blank.
    package static func actor(_ actor: String) throws(StoreError) -> String {
        let trimmed = actor.trimmingWhitespace
        guard !trimmed.isEmpty else {
            throw StoreError(.invalidInput, "Every change records who made it, and no name was given (use --as).")
        }
        return trimmed
    }

    /// A reason, trimmed; nil when absent or blank.
    package static func reason(_ reason: String?) -> String? {
        guard let trimmed = reason?.trimmingWhitespace, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// XML NCName-like tokens, as SPEC.md asks of every identifier.
    package static func identifier(_ text: String, what: String) throws(StoreError) {
        guard isIdentifier(text) else {
            throw StoreError(
                .invalidInput,
                "\"\(text)\" is not a usable \(what): use letters, digits, '-', '_' and '.', starting with a letter or '_'.")
        }
    }

    package static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }
}

extension String {
    package var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
