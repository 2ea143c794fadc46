import Foundation

/// A tender's budget as a person types it, read the one way every front end reads it
/// (`tenderscore init --budget`, the web app's set-up page).
public enum BudgetAmount {
    /// A plain decimal amount above zero, at most 15 digits before the point and 2 after; nil
    /// for anything else (a sign, a thousands separator, a currency symbol, an exponent).
    public static func parse(_ text: String) -> Decimal? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            !parts[0].isEmpty, parts[0].count <= 15, parts.count == 1 || (1...2).contains(parts[1].count),
            let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value > 0
        else { return nil }
        return value
    }
}
