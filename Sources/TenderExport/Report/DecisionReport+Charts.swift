import Foundation
import TenderModel
import TenderScoring

extension DecisionReport {
    /// The SVG charts' geometry, worked out here so that the templates only place what they are
    /// given. Every chart also gets a `desc` listing its numbers and a caption that says in words
    /// what it shows.
    enum Charts {
        static func number(_ value: Double) -> String { value.oneDecimalText }

        static func totals(_ report: TenderReport) -> View {
            let ranked = report.ranking.ranked
            let scale = 4.4
            let barX = 100.0
            let rowHeight = 30.0
            let top = 26.0
            let total = NSDecimalNumber(decimal: report.criteria.totalWeight).doubleValue
            let height = top + Double(ranked.count) * rowHeight + 40
            let rows = ranked.enumerated().map { index, entry -> View in
                let quality = NSDecimalNumber(decimal: entry.quality).doubleValue
                let price = NSDecimalNumber(decimal: entry.price?.points ?? 0).doubleValue
                let y = top + Double(index) * rowHeight
                var value = entry.total.displayText
                if let points = entry.price?.points {
                    value += " (\(entry.quality.displayText) + \(points.displayText))"
                }
                return [
                    "label": entry.submission, "labelX": number(barX - 8), "textY": number(y + 15),
                    "barX": number(barX), "barY": number(y + 2), "barHeight": "20",
                    "qualityWidth": number(quality * scale), "priceX": number(barX + quality * scale),
                    "priceWidth": number(price * scale), "valueX": number(barX + (quality + price) * scale + 8),
                    "valueText": value,
                ]
            }
            let ticks = stride(from: 0.0, through: total, by: 20.0).map { mark -> View in
                [
                    "x": number(barX + mark * scale), "top": number(top - 4),
                    "bottom": number(top + Double(ranked.count) * rowHeight), "labelY": "14",
                    "label": String(Int(mark)),
                ]
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
            return [
                "id": "chart-totals", "width": "760", "height": number(height),
                "title": "Total marks by bid",
                "desc": "Horizontal bars, one per ranked bid, longest first, out of "
                    + "\(report.criteria.totalWeight.jsonText) marks: " + described.joined(separator: "; ") + ".",
                "caption": caption, "ticks": ticks, "rows": rows,
                "legendX": number(barX), "legendY": number(legendY), "legendTextX": number(barX + 20),
                "legendTextY": number(legendY + 12), "legend2X": number(barX + 200), "legend2TextX": number(barX + 220),
            ]
        }

        static func scores(_ report: TenderReport) -> View {
            let criteria = report.criteria.criteria
            let bids = DecisionReport.orderedBids(report)
            let scale = report.criteria.scale
            let range = Double(scale.max - scale.min)
            let columnWidth = 125.0
            let left = 90.0
            let labels = criteria.map { wrapped($0.title, width: 17, lines: 4) }
            let lineHeight = 14.0
            let top = 24.0 + Double((labels.map(\.count).max() ?? 1) - 1) * lineHeight
            let rowHeight = 46.0
            let maxBar = 30.0
            let columns = criteria.indices.map { index -> View in
                let x = number(left + (Double(index) + 0.5) * columnWidth)
                return [
                    "x": x, "y": "0",
                    "lines": labels[index].enumerated().map { line, text -> View in
                        ["x": x, "dy": line == 0 ? "14" : number(lineHeight), "text": text]
                    },
                ]
            }
            let rows = bids.enumerated().map { row, bid -> View in
                let baseY = top + Double(row + 1) * rowHeight - 4
                let cells = bid.criteria.enumerated().map { index, score -> View in
                    let centre = left + (Double(index) + 0.5) * columnWidth
                    guard let value = score.moderated.value else {
                        return [
                            "x": number(centre), "y": number(baseY), "w": "0", "h": "0", "textX": number(centre),
                            "textY": number(baseY - 4), "text": "none yet",
                        ]
                    }
                    let fraction = (NSDecimalNumber(decimal: value).doubleValue - Double(scale.min)) / range
                    let height = max(fraction * maxBar, 0)
                    return [
                        "x": number(centre - 20), "y": number(baseY - height), "w": "40", "h": number(height),
                        "textX": number(centre + 32), "textY": number(baseY - 2), "text": value.scoreText,
                    ]
                }
                return [
                    "label": bid.submission, "labelX": number(left - 8), "textY": number(baseY - 4),
                    "baseY": number(baseY), "lineX1": number(left), "lineX2": number(left + Double(criteria.count) * columnWidth),
                    "cells": cells,
                ]
            }
            let described = bids.map { bid in
                "\(bid.submission): "
                    + bid.criteria.map {
                        "\(Wording.title($0.criterion, in: report.criteria)) \($0.moderated.value?.scoreText ?? "none yet")"
                    }.joined(separator: ", ")
            }
            return [
                "id": "chart-scores", "width": number(left + Double(criteria.count) * columnWidth + 10),
                "height": number(top + Double(bids.count) * rowHeight + 6),
                "title": "Moderated score of each bid on each criterion",
                "desc": "One row per bid and one column per criterion; each bar's height is the moderated score on the "
                    + "\(scale.rangeDescription) scale, with the number beside it. " + described.joined(separator: ". ") + ".",
                "caption": "Each bid's moderated score on each criterion, from \(scale.min) to \(scale.max). Taller bars are "
                    + "higher scores; the number beside each bar is the score. The table below gives the same numbers with "
                    + "the criteria's full titles.",
                "columns": columns, "rows": rows,
            ]
        }

        static func spread(for criterion: Criterion, report: TenderReport) -> HTML {
            let bids = DecisionReport.orderedBids(report)
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
                    text += "lowest \(low), middle \(Decimal(middle).scoreText), highest \(high)"
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
    }
}
