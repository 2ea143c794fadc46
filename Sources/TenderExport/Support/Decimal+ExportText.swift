import Foundation
import TenderScoring

extension Decimal {
    /// The exact value as a JSON number: every digit `Decimal` holds, no binary rounding, no
    /// exponent (`52.5`, `28.333…`, `1028750`).
    var jsonText: String {
        // Decimal's description is locale-independent and never uses an exponent.
        let text = description
        return text == "-0" ? "0" : text
    }

    /// A score as people read it: whole numbers bare (`4`), halves and the rest with as many
    /// places as needed up to two (`3.5`), for moderated scores and means.
    var scoreText: String {
        let rounded = roundedHalfUp(places: ScorePrecision.displayPlaces)
        return rounded.jsonText
    }

    /// Money with thousands separators and pence (`1,028,750.00`), independent of locale.
    var moneyText: String {
        let text = displayText
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first else { return text }
        var grouped = ""
        for (index, character) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        let result = String(grouped.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
        return negative ? "-" + result : result
    }
}
