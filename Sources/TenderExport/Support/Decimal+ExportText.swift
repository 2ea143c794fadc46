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
        if let hundredths = roundedHundredths {
            let (whole, cents) = hundredths.magnitude.quotientAndRemainder(dividingBy: 100)
            let text =
                cents == 0
                ? "\(whole)"
                : cents % 10 == 0 ? "\(whole).\(cents / 10)" : "\(whole)." + (cents < 10 ? "0\(cents)" : "\(cents)")
            return hundredths < 0 ? "-" + text : text
        }
        return foundationScoreText
    }

    /// ``scoreText`` by Foundation's rounding and printing: for a value too large for
    /// `roundedHundredths`, and what the tests hold that to.
    var foundationScoreText: String { roundedHalfUp(places: ScorePrecision.displayPlaces).jsonText }

    /// Money with thousands separators and pence (`1,028,750.00`), independent of locale, exact at
    /// any size `Decimal` holds (38 digits): a half penny is rounded up, away from zero, as the
    /// README says. Built from the decimal digits, never through a 64-bit integer that cannot
    /// hold them, which turned 12345678901234567890.12 into `-13,639,628,150,831,692.0-60`.
    var moneyText: String {
        if let hundredths = roundedHundredths {
            let (whole, pence) = hundredths.magnitude.quotientAndRemainder(dividingBy: 100)
            var grouped = ""
            for (index, character) in String(whole).reversed().enumerated() {
                if index > 0, index % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
            return (hundredths < 0 ? "-" : "") + String(grouped.reversed()) + "." + (pence < 10 ? "0\(pence)" : "\(pence)")
        }
        return foundationMoneyText
    }

    /// ``moneyText`` from Foundation's rounding and printing: for a value too large for
    /// `roundedHundredths`, and what the tests hold that to.
    var foundationMoneyText: String {
        let rounded = roundedHalfUp(places: 2)
        let negative = rounded < 0
        let digits = (negative ? -rounded : rounded).jsonText
        let parts = digits.split(separator: ".", maxSplits: 1)
        let whole = parts.first.map(String.init) ?? "0"
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        fraction += String(repeating: "0", count: max(0, 2 - fraction.count))
        var grouped = ""
        for (index, character) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (negative ? "-" : "") + String(grouped.reversed()) + "." + fraction.prefix(2)
    }

    /// Money in the framework's currency (``TenderModel/Criteria/currency``): `£1,176,400.00` for
    /// GBP, `€…` for EUR, otherwise the ISO code before the number (`NOK 1,176,400.00`), since a
    /// symbol such as `$` or `kr` is ambiguous. A minus sign goes before the symbol.
    func money(in currency: String) -> String {
        let text = moneyText
        let negative = text.hasPrefix("-")
        let amount = negative ? String(text.dropFirst()) : text
        let code = currency.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        let symbol: String
        switch code {
        case "GBP": symbol = "£"
        case "EUR": symbol = "€"
        default: symbol = (code.isEmpty ? "" : code + " ")
        }
        return (negative ? "-" : "") + symbol + amount
    }
}
