import Foundation
import TenderModel
import TenderScoring

/// `rank --format csv`: one row per bid, for a spreadsheet.
///
/// RFC 4180: a header row, CRLF line ends (the last row too), and a field quoted when it holds a
/// comma, a quote, CR or LF, quotes doubled inside. Columns:
/// `rank, tie, submission, bidder, quality, price, total, <one per criterion id>, status, reasons`.
///
/// - **Numbers** are rounded to two decimal places, halves up (`52.50`, `3.50`), as tables show
///   them: a spreadsheet is read by people. The exact values are in `rank --format json`.
///   A pending moderated score, and the price and total of a bid that is not ranked, are empty.
/// - **status** is `ranked`, `failed` (reasons give why), or `provisional` for every ranked row of
///   a provisional ranking (reasons then list the criteria still awaiting a moderated score).
/// - **tie** is `yes` or `no`; empty for a failed bid.
/// - **Safe to open**: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
///   return is prefixed with `'`, so no spreadsheet runs it as a formula (OWASP, "CSV Injection").
///   Numbers are written by this module and never start with those characters.
/// - **reasons** are joined with `; `.
///
/// A CSV has no place for comments, so the co-production warning and ranking notes that other
/// formats carry are not in it.
public enum RankingCSV {
    public static func render(_ report: TenderReport) -> String {
        let criteria = report.criteria.criteria.map(\.id)
        var rows: [[Cell]] = [
            (["rank", "tie", "submission", "bidder", "quality", "price", "total"] + criteria + ["status", "reasons"])
                .map(Cell.text)
        ]
        for entry in report.ranking.ranked {
            let pending = entry.criteria.filter { $0.moderated.value == nil }.map(\.criterion)
            rows.append(
                [
                    .number(String(entry.rank)), .text(entry.isTied ? "yes" : "no"), .text(entry.submission),
                    .text(BidiText.balanced(entry.bidder)), .number(entry.quality.displayText),
                    .number(entry.price?.points.displayText ?? ""), .number(entry.total.displayText),
                ] + entry.criteria.map { .number($0.moderated.value?.displayText ?? "") } + [
                    .text(report.isProvisional ? "provisional" : "ranked"),
                    .text(pending.isEmpty ? "" : "awaiting a moderated score: " + pending.joined(separator: ", ")),
                ])
        }
        for failed in report.ranking.failed {
            rows.append(
                [
                    .number(""), .text(""), .text(failed.submission), .text(BidiText.balanced(failed.bidder)),
                    .number(failed.quality.displayText), .number(""), .number(""),
                ] + failed.criteria.map { .number($0.moderated.value?.displayText ?? "") } + [
                    .text("failed"), .text(failed.reasonTexts.joined(separator: "; ")),
                ])
        }
        return rows.map { $0.map(\.field).joined(separator: ",") + "\r\n" }.joined()
    }

    private enum Cell {
        case text(String)
        case number(String)

        var field: String {
            switch self {
            case let .text(value): RankingCSV.quoted(RankingCSV.neutralised(value))
            case let .number(value): RankingCSV.quoted(value)
            }
        }
    }

    /// `'` before a cell a spreadsheet would take for a formula.
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else {
            return text
        }
        return "'" + text
    }

    /// RFC 4180 quoting, only where needed.
    static func quoted(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
