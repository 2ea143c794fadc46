import Foundation
import TenderModel
import TenderScoring

extension DecisionReport {
    /// The SVG charts, written with ``HTML`` (thousands of bars on a national framework). Every
    /// chart has a `desc` listing its numbers and a caption that says in words what it shows.
    enum Charts {
        static func number(_ value: Double) -> String { value.oneDecimalText }

        static func totals(_ report: TenderReport) -> HTML {
            let ranked = report.ranking.ranked
            let scale = 4.4
            let barX = 100.0
            let rowHeight = 30.0
            let top = 26.0
            let total = NSDecimalNumber(decimal: report.criteria.totalWeight).doubleValue
            let height = top + Double(ranked.count) * rowHeight + 40
            let id = "chart-totals"
            var rows = HTML()
            for (index, entry) in ranked.enumerated() {
                let quality = NSDecimalNumber(decimal: entry.quality).doubleValue
                let price = NSDecimalNumber(decimal: entry.price?.points ?? 0).doubleValue
                let y = top + Double(index) * rowHeight
                var value = entry.total.displayText
                if let points = entry.price?.points {
                    value += " (\(entry.quality.displayText) + \(points.displayText))"
                }
                let (textY, barY) = (number(y + 15), number(y + 2))
                rows += """
                    <text x="\(number(barX - 8))" y="\(textY)" text-anchor="end" fill="#1a1a1a">\(entry.submission)</text>
                    <rect x="\(number(barX))" y="\(barY)" width="\(number(quality * scale))" height="20" fill="#1d4e89"/>
                    <rect x="\(number(barX + quality * scale))" y="\(barY)" width="\(number(price * scale))" height="20" \
                    fill="url(#\(id)-hatch)" stroke="#1d4e89" stroke-width="1"/>
                    <text x="\(number(barX + (quality + price) * scale + 8))" y="\(textY)" fill="#1a1a1a">\(value)</text>

                    """
            }
            var ticks = HTML()
            let (tickTop, tickBottom) = (number(top - 4), number(top + Double(ranked.count) * rowHeight))
            for mark in stride(from: 0.0, through: total, by: 20.0) {
                let x = number(barX + mark * scale)
                ticks += """
                    <line x1="\(x)" y1="\(tickTop)" x2="\(x)" y2="\(tickBottom)" stroke="#8a8a8a" stroke-width="1" stroke-dasharray="2 3"/>
                    <text x="\(x)" y="14" text-anchor="middle" fill="#1a1a1a">\(String(Int(mark)))</text>

                    """
            }
            let legendY = top + Double(ranked.count) * rowHeight + 14
            let described = ranked.map { entry in
                "\(entry.submission) \(entry.total.displayText)"
                    + (entry.price.map { " (quality \(entry.quality.displayText), price \($0.points.displayText))" } ?? "")
            }
            var caption = "Total marks by ranked bid, out of \(report.criteria.totalWeight.jsonText)."
            if let first = ranked.first, let last = ranked.last, ranked.count > 1 {
                caption += " \(first.submission) has the highest total, \(first.total.displayText); \(last.submission) the "
                    + "lowest, \(last.total.displayText)."
            }
            caption += " The solid part of each bar is quality, the striped part price. The ranking table above gives the same numbers."
            let desc =
                "Horizontal bars, one per ranked bid, longest first, out of "
                + "\(report.criteria.totalWeight.jsonText) marks: " + described.joined(separator: "; ") + "."
            let (heightText, legendYText, legendTextY) = (number(height), number(legendY), number(legendY + 12))
            return """
                <figure>
                <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\(id)-title \(id)-desc" viewBox="0 0 760 \(heightText)" \
                width="760" height="\(heightText)" font-family="system-ui, sans-serif" font-size="13">
                <title id="\(id)-title">Total marks by bid</title>
                <desc id="\(id)-desc">\(desc)</desc>
                <defs>
                <pattern id="\(id)-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#ffffff"/>
                <line x1="0" y1="0" x2="0" y2="6" stroke="#1d4e89" stroke-width="3"/>
                </pattern>
                </defs>
                \(ticks)\(rows)<rect x="\(number(barX))" y="\(legendYText)" width="14" height="14" fill="#1d4e89"/>
                <text x="\(number(barX + 20))" y="\(legendTextY)" fill="#1a1a1a">Quality marks (solid)</text>
                <rect x="\(number(barX + 200))" y="\(legendYText)" width="14" height="14" fill="url(#\(id)-hatch)" stroke="#1d4e89"/>
                <text x="\(number(barX + 220))" y="\(legendTextY)" fill="#1a1a1a">Price marks (striped)</text>
                </svg>
                <figcaption>\(caption)</figcaption>
                </figure>

                """
        }

        static func scores(_ report: TenderReport, bids: [Bid]) -> HTML {
            let criteria = report.criteria.criteria
            let scale = report.criteria.scale
            let range = Double(scale.max - scale.min)
            let columnWidth = 125.0
            let left = 90.0
            let labels = criteria.map { wrapped($0.title, width: 17, lines: 4) }
            let lineHeight = 14.0
            let top = 24.0 + Double((labels.map(\.count).max() ?? 1) - 1) * lineHeight
            let rowHeight = 46.0
            let maxBar = 30.0
            let id = "chart-scores"
            var columns = HTML()
            for index in criteria.indices {
                let x = number(left + (Double(index) + 0.5) * columnWidth)
                columns += "<text x=\"\(x)\" y=\"0\" text-anchor=\"middle\" fill=\"#1a1a1a\">"
                for (line, text) in labels[index].enumerated() {
                    columns += "<tspan x=\"\(x)\" dy=\"\(line == 0 ? "14" : number(lineHeight))\">\(text)</tspan>"
                }
                columns += "</text>\n"
            }
            var rows = HTML()
            let (labelX, lineX1, lineX2) = (number(left - 8), number(left), number(left + Double(criteria.count) * columnWidth))
            for (row, bid) in bids.enumerated() {
                let baseY = top + Double(row + 1) * rowHeight - 4
                let baseYText = number(baseY)
                rows += """
                    <text x="\(labelX)" y="\(number(baseY - 4))" text-anchor="end" fill="#1a1a1a">\(bid.submission)</text>
                    <line x1="\(lineX1)" y1="\(baseYText)" x2="\(lineX2)" y2="\(baseYText)" stroke="#8a8a8a" stroke-width="1"/>

                    """
                for (index, score) in bid.criteria.enumerated() {
                    let centre = left + (Double(index) + 0.5) * columnWidth
                    guard let value = score.moderated.value else {
                        rows += """
                            <rect x="\(number(centre))" y="\(baseYText)" width="0" height="0" fill="#1d4e89"/>
                            <text x="\(number(centre))" y="\(number(baseY - 4))" text-anchor="middle" fill="#1a1a1a">none yet</text>

                            """
                        continue
                    }
                    let fraction = (NSDecimalNumber(decimal: value).doubleValue - Double(scale.min)) / range
                    let height = max(fraction * maxBar, 0)
                    rows += """
                        <rect x="\(number(centre - 20))" y="\(number(baseY - height))" width="40" height="\(number(height))" fill="#1d4e89"/>
                        <text x="\(number(centre + 32))" y="\(number(baseY - 2))" text-anchor="middle" fill="#1a1a1a">\(value.scoreText)</text>

                        """
                }
            }
            let described = bids.map { bid in
                "\(bid.submission): "
                    + bid.criteria.map {
                        "\(Wording.title($0.criterion, in: report.criteria)) \($0.moderated.value?.scoreText ?? "none yet")"
                    }.joined(separator: ", ")
            }
            let (width, height) = (number(left + Double(criteria.count) * columnWidth + 10), number(top + Double(bids.count) * rowHeight + 6))
            let desc =
                "One row per bid and one column per criterion; each bar's height is the moderated score on the "
                + "\(scale.rangeDescription) scale, with the number beside it. " + described.joined(separator: ". ") + "."
            let caption =
                "Each bid's moderated score on each criterion, from \(scale.min) to \(scale.max). Taller bars are "
                + "higher scores; the number beside each bar is the score. The table below gives the same numbers with "
                + "the criteria's full titles."
            return """
                <figure>
                <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\(id)-title \(id)-desc" viewBox="0 0 \(width) \(height)" \
                width="\(width)" height="\(height)" font-family="system-ui, sans-serif" font-size="12">
                <title id="\(id)-title">Moderated score of each bid on each criterion</title>
                <desc id="\(id)-desc">\(desc)</desc>
                \(columns)\(rows)</svg>
                <figcaption>\(caption)</figcaption>
                </figure>

                """
        }

        static func spread(for criterion: Criterion, report: TenderReport, bids: [Bid]) -> HTML {
            let scale = report.criteria.scale
            let left = 70.0
            let unit = 50.0
            let top = 40.0
            let rowHeight = 22.0
            func x(_ value: Double) -> Double { left + (value - Double(scale.min)) * unit }
            var described: [String] = []
            var wide: [String] = []
            var rows = HTML()
            for (index, bid) in bids.enumerated() {
                let y = top + Double(index) * rowHeight + 8
                let score = bid.criteria.first { $0.criterion == criterion.id }
                let values = score?.moderated.scores.values ?? []
                let rowY = number(y)
                rows += """
                    <text x="\(number(left - 10))" y="\(number(y + 4))" text-anchor="end" fill="#1a1a1a">\(bid.submission)</text>

                    """
                var text = "\(bid.submission): "
                if let low = values.first, let high = values.last {
                    let middle = median(values)
                    rows += """
                        <line x1="\(number(x(Double(low))))" y1="\(rowY)" x2="\(number(x(Double(high))))" y2="\(rowY)" stroke="#1a1a1a" stroke-width="3"/>
                        <circle cx="\(number(x(middle)))" cy="\(rowY)" r="5" fill="#ffffff" stroke="#1a1a1a" stroke-width="2"/>

                        """
                    text += "lowest \(low), middle \(medianText(values)), highest \(high)"
                    if high - low >= report.criteria.divergence { wide.append(bid.submission) }
                } else {
                    text += "no scores"
                }
                if let moderated = score?.moderated.value {
                    let position = x(NSDecimalNumber(decimal: moderated).doubleValue)
                    rows += """
                        <rect x="\(number(position - 4))" y="\(number(y - 14))" width="8" height="8" fill="#1d4e89"/>

                        """
                    text += ", moderated \(moderated.scoreText)"
                } else {
                    text += ", no moderated score yet"
                }
                described.append(text)
            }
            var ticks = HTML()
            let (tickTop, tickBottom, labelY) = (number(top - 6), number(top + Double(bids.count) * rowHeight), number(top - 10))
            for value in scale.min...scale.max {
                let tickX = number(x(Double(value)))
                ticks += """
                    <line x1="\(tickX)" y1="\(tickTop)" x2="\(tickX)" y2="\(tickBottom)" stroke="#8a8a8a" stroke-width="1" stroke-dasharray="2 3"/>
                    <text x="\(tickX)" y="\(labelY)" text-anchor="middle" fill="#1a1a1a">\(String(value))</text>

                    """
            }
            let caption =
                wide.isEmpty
                ? "\(criterion.title): the panel's scores were less than \(report.criteria.divergence) points apart on every bid."
                : "\(criterion.title): the panel's scores were \(report.criteria.divergence) or more points apart on "
                    + "\(Wording.list(wide)), so those answers went to moderation; elsewhere they were closer."
            let id = "chart-spread-\(criterion.id)"
            let (width, height) = (number(x(Double(scale.max)) + 20), number(top + Double(bids.count) * rowHeight + 6))
            let desc =
                "For each bid, the lowest, middle and highest panel score on \(criterion.title), and the moderated "
                + "score: " + described.joined(separator: "; ") + "."
            return """
                <figure>
                <p class="chart-heading"><strong>\(criterion.title)</strong></p>
                <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\(id)-title \(id)-desc" viewBox="0 0 \(width) \(height)" \
                width="\(width)" height="\(height)" font-family="system-ui, sans-serif" font-size="12">
                <title id="\(id)-title">Spread of panel scores: \(criterion.title)</title>
                <desc id="\(id)-desc">\(desc)</desc>
                \(ticks)\(rows)</svg>
                <figcaption>\(caption)</figcaption>
                </figure>

                """
        }

        /// A title broken into lines of at most `width` characters (a longer word stands alone),
        /// at most `lines` of them, the last ending in "…" when the title is longer: chart labels
        /// stay readable; the table beside the chart gives every title in full.
        static func wrapped(_ title: String, width: Int, lines limit: Int) -> [String] {
            var lines: [String] = []
            var current = ""
            for word in title.split(separator: " ") {
                if current.isEmpty {
                    current = String(word)
                } else if current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = String(word)
                }
            }
            if !current.isEmpty { lines.append(current) }
            if lines.count > limit {
                lines = Array(lines.prefix(limit))
                lines[limit - 1] += "…"
            }
            return lines
        }

        static func median(_ sorted: [Int]) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
        }

        /// The median as `scoreText` writes it (`3`, `3.5`), from the integers: a median of
        /// whole scores is whole or a half, and converting it through `Decimal(Double)` for each
        /// of 20,000 rows was a third of the spread charts.
        static func medianText(_ sorted: [Int]) -> String {
            guard !sorted.isEmpty else { return "0" }
            let middle = sorted.count / 2
            if sorted.count % 2 == 1 { return String(sorted[middle]) }
            let twice = sorted[middle - 1] + sorted[middle]
            return twice % 2 == 0 ? String(twice / 2) : (twice < 0 ? "-" : "") + "\(twice.magnitude / 2).5"
        }
    }
}
