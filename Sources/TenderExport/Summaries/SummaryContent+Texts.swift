import Foundation
import TenderScoring

extension SummaryContent {
    /// The texts of the numbers and score lines every summary of a tender repeats, worked out
    /// once per distinct value before the summaries are written.
    ///
    /// 2,000 summaries formatted some 160,000 `Decimal`s (each rounding and printing goes
    /// through Foundation's decimal arithmetic), a fifth of their time, and only a few hundred
    /// of those numbers are distinct. A value not met beforehand is formatted as it comes.
    struct Texts: Sendable {
        struct LineKey: Hashable, Sendable {
            var criterion: String
            var value: Decimal?
            var weighted: Decimal?
            var method: ModerationMethod
        }

        private var marks: [Decimal: String] = [:]
        private var signed: [Decimal: String] = [:]
        private var scores: [Decimal: String] = [:]
        private var lines: [LineKey: CriterionLine] = [:]

        /// Every number the summaries of `report`'s bids show beside `leader`'s.
        init(report: TenderReport, leader: RankedSubmission) {
            let ranking = report.ranking
            for criteria in ranking.ranked.map(\.criteria) + ranking.failed.map(\.criteria) {
                for (mine, theirs) in zip(criteria, leader.criteria) {
                    let (own, winning) = (mine.weighted ?? 0, theirs.weighted ?? 0)
                    let difference = own - winning
                    for value in [own, winning, difference, difference.magnitude] where marks[value] == nil {
                        marks[value] = value.displayText
                    }
                    if signed[difference] == nil { signed[difference] = DecisionReport.signed(difference) }
                    for value in [mine.moderated.value, theirs.moderated.value].compactMap({ $0 }) where scores[value] == nil {
                        scores[value] = value.scoreText
                    }
                    let key = Self.key(mine)
                    if lines[key] == nil { lines[key] = SummaryContent.plainLine(mine, report: report) }
                }
            }
        }

        static func key(_ score: CriterionScore) -> LineKey {
            LineKey(
                criterion: score.criterion, value: score.moderated.value, weighted: score.weighted,
                method: score.moderated.method)
        }

        /// `value.displayText`: marks to two places.
        func marks(_ value: Decimal) -> String { marks[value] ?? value.displayText }

        /// ``DecisionReport/signed(_:)``.
        func signed(_ value: Decimal) -> String { signed[value] ?? DecisionReport.signed(value) }

        /// `value.scoreText`: a moderated score.
        func score(_ value: Decimal?) -> String { value.map { scores[$0] ?? $0.scoreText } ?? "none" }

        /// ``SummaryContent/plainLine(_:report:)``.
        func line(_ score: CriterionScore, report: TenderReport) -> CriterionLine {
            lines[Self.key(score)] ?? SummaryContent.plainLine(score, report: report)
        }
    }
}
