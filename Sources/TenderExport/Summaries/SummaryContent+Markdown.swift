import Foundation

extension SummaryContent {
    /// The same summary in Markdown (CommonMark with pipe tables). Text from bidders and panel
    /// members is backslash-escaped where Markdown would read it as markup or HTML.
    ///
    /// `shared`: the criteria section and the winning bid's scores, the same in every summary.
    func markdown(_ shared: SharedParts) -> String {
        var out = MarkdownLines()
        out.append("# \(md(title))")
        out.append("")
        if isDraft {
            out.append("> **DRAFT**: \(md(AssessmentSummary.draftText))")
            out.append("")
        }
        out.append(md(tenderLine))
        out.append("")
        out.append("Produced \(generatedAt).")
        out.append("")
        for fact in supplier {
            out.append("- \(md(fact.term)): \(md(fact.detail))")
        }
        out.append("")
        out.append("## Outcome")
        out.append("")
        for paragraph in outcomeParagraphs {
            out.append(md(paragraph))
            out.append("")
        }
        if !failureReasons.isEmpty {
            out.append("**Why your bid was not ranked:**")
            out.append("")
            out.append(contentsOf: failureReasons.map { "- \(md($0))" })
            out.append("")
        }
        for warning in warnings {
            out.append("> **Note:** \(md(warning))")
            out.append("")
        }
        out.append(contentsOf: shared.criteriaMarkdown)
        Self.appendScores(own, to: &out)
        if !comparison.isEmpty {
            out.append("## Your bid compared with the winning bid")
            out.append("")
            out.append("| Criterion | Your score | Winning score | Your marks | Winning marks | Difference |")
            out.append("|---|---:|---:|---:|---:|---:|")
            for row in comparison {
                out.append(
                    "| \(md(row.title)) | \(row.own) | \(row.winner) | \(row.ownMarks) | \(row.winnerMarks) | \(row.difference) |")
            }
            out.append("")
            out.append(contentsOf: comparisonSentences.map { "- \(md($0))" })
            out.append("")
        }
        if winner != nil { out.append(contentsOf: shared.winnerMarkdown) }
        return out.joined
    }

    /// The criteria section's lines, the same in every summary of a tender.
    static func criteriaMarkdown(
        framework: [(title: String, weight: String, threshold: String)], scoresAvailable: String, scaleText: String,
        priceText: String, panelText: String?
    ) -> MarkdownLines {
        var out = MarkdownLines()
        out.append("## How bids were scored")
        out.append("")
        out.append("| Award criterion | Weight | Minimum score |")
        out.append("|---|---:|---:|")
        for row in framework {
            out.append("| \(markdownEscaped(row.title)) | \(row.weight) | \(row.threshold) |")
        }
        out.append("")
        out.append(markdownEscaped(scoresAvailable))
        out.append("")
        out.append(markdownEscaped(scaleText))
        out.append("")
        out.append(markdownEscaped(priceText))
        out.append("")
        if let panelText {
            out.append(markdownEscaped(panelText))
            out.append("")
        }
        return out
    }

    /// One bid's scores: the bidder's own, or the winning bid's (the same in every summary).
    static func appendScores(_ scores: BidScores, to out: inout MarkdownLines) {
        out.append("## \(markdownEscaped(scores.heading))")
        out.append("")
        for line in scores.lines {
            out.append("### \(markdownEscaped(line.title)) (weight \(line.weight))")
            out.append("")
            out.append("Score: **\(markdownEscaped(line.score))**, earning \(line.marks) marks." + (line.method.isEmpty ? "" : " \(markdownEscaped(line.method))"))
            out.append("")
            out.append("\(markdownEscaped(line.explanationLabel)) \(markdownEscaped(line.explanation))")
            out.append("")
        }
        out.append(markdownEscaped(scores.quality))
        out.append("")
        out.append(markdownEscaped(scores.price))
        out.append("")
        out.append("**\(markdownEscaped(scores.total))**")
        out.append("")
    }

    /// Escapes what CommonMark would take as markup: emphasis, code, links, HTML, table pipes; a
    /// line break (LF or CR) becomes a space, so a bidder's text stays on its line. Works on the
    /// UTF-8 bytes: every character it escapes is ASCII, and thousands of summaries go through it.
    private func md(_ text: String) -> String { Self.markdownEscaped(text) }

    static func markdownEscaped(_ text: String) -> String {
        var plain = BidiText.plain(text)
        let utf8 = plain.utf8
        guard let first = utf8.first else { return plain }
        let starts = first == UInt8(ascii: "#") || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
        let special = Self.markdownSpecial
        // Over the contiguous bytes, not the view's iterator.
        guard starts || plain.withUTF8({ $0.contains { special[Int($0)] != 0 } }) else { return plain }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 8)
        if starts { out.append(UInt8(ascii: "\\")) }
        for byte in utf8 {
            switch special[Int(byte)] {
            case 1: out.append(UInt8(ascii: "\\")); out.append(byte)
            case 2: out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// For each byte: 1, escaped with a backslash; 2, a line break; 0, kept.
    private static let markdownSpecial: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for character in "\\`*_[]<>|".utf8 { table[Int(character)] = 1 }
        table[Int(UInt8(ascii: "\n"))] = 2
        table[Int(UInt8(ascii: "\r"))] = 2
        return table
    }()
}
