import Foundation
import TenderModel
import TenderXML

/// One line saying what a valid document holds, so a person can see it was read as they meant.
enum DocumentSummary {
    static func line(for document: TenderDocument) -> String {
        switch document {
        case .criteria(let criteria):
            let price = criteria.price.map { "price \(Amounts.plain($0.weight))% by \($0.formula.rawValue)" } ?? "no price (quality only)"
            return "criteria framework \(criteria.id) v\(criteria.version): \(criteria.criteria.count) criteria, \(price), scale \(criteria.scale.rangeDescription)"
        case .submission(let submission):
            return "submission \(describe(submission))"
        case .submissions(let submissions):
            return "bulk file of \(submissions.count) submissions"
        case .panel(let panel):
            let lived = panel.members.filter(\.role.bringsLivedExperience).count
            return "panel for \(panel.tender): \(panel.members.count) members (\(lived) with lived experience), \(panel.conflicts.count) declared conflict\(panel.conflicts.count == 1 ? "" : "s")"
        case .scoresheet(let sheet):
            return "scoresheet of \(sheet.panelist): \(sheet.scores.count) scores"
        }
    }

    private static func describe(_ submission: Submission) -> String {
        let price = submission.price.map { " at \(Amounts.money($0))" } ?? ""
        return "\(submission.id) from \(submission.bidder.name) (\(submission.bidder.type.displayName)), \(submission.responses.count) responses\(price)"
    }
}

/// Numbers as reports print them.
enum Amounts {
    static func plain(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).stringValue
    }

    /// `£1,180,000.00`: money always to the penny, with thousands separated.
    static func money(_ money: Money) -> String {
        var rounded = Decimal()
        var value = money.amount
        NSDecimalRound(&rounded, &value, 2, .plain)
        let digits = penceFormatter.string(NSDecimalNumber(decimal: rounded)) ?? "\(rounded)"
        let symbol = money.currency == "GBP" ? "£" : money.currency == "EUR" ? "€" : money.currency + " "
        return symbol + digits
    }

    /// One formatter for every amount: making one costs more than formatting with it, and
    /// `validate` prints a price for each of thousands of bids.
    private static let penceFormatter = PenceFormatter()

    private final class PenceFormatter: @unchecked Sendable {
        private let lock = NSLock()
        private let formatter = NumberFormatter()

        init() {
            formatter.locale = Locale(identifier: "en_GB")
            formatter.numberStyle = .decimal
            formatter.minimumFractionDigits = 2
            formatter.maximumFractionDigits = 2
        }

        func string(_ number: NSDecimalNumber) -> String? {
            lock.lock()
            defer { lock.unlock() }
            return formatter.string(from: number)
        }
    }
}
