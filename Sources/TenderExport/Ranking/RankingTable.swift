import Foundation
import TenderModel
import TenderScoring

/// `rank --format table`: the ranking for a terminal.
///
/// Aligned columns, marks to two decimals (halves up), tied ranks shown as `1=` and explained
/// underneath, failed bids listed with their reasons, and a `PROVISIONAL` line on top of a
/// provisional ranking (with an `Open` column: marks still waiting on moderation). Until the
/// tender is finalised the first line says DRAFT. Everything
/// reads the same without colour; `colour: true` only makes the header row bold, and the CLI
/// should ask for it only when standard output is a terminal and `NO_COLOR` is unset.
public enum RankingTable {
    public static func render(_ report: TenderReport, colour: Bool = false) -> String {
        let ranking = report.ranking
        var lines: [String] = []
        if !report.isFinalised { lines.append("DRAFT: " + Wording.draftNotice) }
        lines.append("\(report.tender) \(report.title): ranking under \(report.criteria.id)")
        if report.isProvisional {
            let missing = ranking.missingItems.count
            lines.append(
                "PROVISIONAL: \(Wording.count(missing, "answer", "answers")) still \(missing == 1 ? "has" : "have") "
                    + "no moderated score. This shows where things stand, not who has won.")
        }
        lines.append("")

        var header = ["Rank", "Bid", "Bidder", "Quality", "Price", "Total"]
        if report.isProvisional { header.append("Open") }
        var rows: [[String]] = []
        for entry in ranking.ranked {
            var row = [
                Wording.rank(entry), entry.submission, BidiText.balanced(entry.bidder), entry.quality.displayText,
                entry.price?.points.displayText ?? "-", entry.total.displayText,
            ]
            if report.isProvisional { row.append(entry.pendingWeight.displayText) }
            rows.append(row)
        }
        let rightAligned: Set<Int> = [3, 4, 5, 6]
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned.contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let headerLine = line(header)
        lines.append(colour ? "\u{1B}[1m" + headerLine + "\u{1B}[0m" : headerLine)
        lines.append(contentsOf: rows.map(line))
        if ranking.ranked.isEmpty { lines.append("(no bid is ranked)") }

        let tiedRanks = Dictionary(grouping: ranking.ranked.filter(\.isTied), by: \.rank).sorted { $0.key < $1.key }
        if !tiedRanks.isEmpty {
            lines.append("")
            for (rank, tied) in tiedRanks {
                lines.append(
                    "\(rank)= tie: \(Wording.list(tied.map(\.submission))) have the same total and the same quality. "
                        + "The tie is reported, not broken: the commissioners must decide.")
            }
        }
        let separated = ranking.ranked.filter(\.separatedByQuality)
        if !separated.isEmpty {
            lines.append("")
            lines.append(
                "Same total, ranked by quality: \(Wording.list(separated.map(\.submission))).")
        }
        if !ranking.failed.isEmpty {
            lines.append("")
            lines.append("Not ranked (failed):")
            for failed in ranking.failed {
                let reasons = failed.reasons.map { Wording.reason($0, in: report.criteria) }.joined(separator: "; ")
                lines.append("  \(failed.submission)  \(BidiText.balanced(failed.bidder)): \(reasons)")
            }
        }
        if report.isProvisional, !ranking.missingItems.isEmpty {
            lines.append("")
            lines.append("Awaiting a moderated score:")
            for item in ranking.missingItems {
                let method = report.evaluation.moderated[item]?.method
                let why = method.map { if case let .pending(reason) = $0 { ": \(reason)" } else { "" } } ?? ""
                lines.append("  \(Wording.item(item, in: report.criteria))\(Wording.titles(in: why, criteria: report.criteria))")
            }
        }
        let warnings = report.reportWarnings
        if !warnings.isEmpty {
            lines.append("")
            lines.append(contentsOf: warnings.map { "Warning: \($0)" })
        }
        let imports = report.importWarnings.sorted { $0.key < $1.key }.flatMap { id, texts in
            let subject = report.submission(id).map { "\(BidiText.balanced($0.bidder.name)) (\(id))" } ?? id
            return texts.map { "  " + Wording.importWarning($0, submission: id, subject: subject, criteria: report.criteria) }
        }
        if !imports.isEmpty {
            lines.append("")
            lines.append("Found when the bids were read:")
            lines.append(contentsOf: imports)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
