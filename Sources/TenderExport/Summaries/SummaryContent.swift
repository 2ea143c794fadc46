import Foundation
import TenderModel
import TenderScoring

/// What one assessment summary says, worked out once and written as HTML and as Markdown.
struct SummaryContent {
    struct Quote {
        var role: String
        var text: String
    }

    struct CriterionLine {
        var title: String
        var weight: String
        var score: String
        var marks: String
        var explanation: String
        var quotes: [Quote]
    }

    struct BidScores {
        var heading: String
        var lines: [CriterionLine]
        var price: String
        var total: String
    }

    struct ComparisonRow {
        var title: String
        var own: String
        var winner: String
        var ownMarks: String
        var winnerMarks: String
        var difference: String
    }

    var submission: String
    var bidder: String
    var outcome: AssessmentSummary.Outcome
    var title: String
    var tenderLine: String
    var generatedAt: String
    var outcomeParagraphs: [String]
    var failureReasons: [String]
    var warnings: [String]
    var framework: [(title: String, weight: String, threshold: String)]
    var scaleText: String
    var priceText: String
    var own: BidScores
    var winner: BidScores?
    var comparison: [ComparisonRow]
    var comparisonSentences: [String]

    init(submission id: String, report: TenderReport) throws(ExportError) {
        let ranking = report.ranking
        guard ranking.isFinal else {
            throw ExportError(
                .provisionalRanking,
                "assessment summaries are written for the award decision; the ranking is provisional "
                    + "(\(ranking.missingItems.count) item(s) still lack a moderated score)")
        }
        guard ranking.leaders.count <= 1 else {
            throw ExportError(
                .tiedFirstPlace,
                "\(Wording.list(ranking.leaders)) are tied for first place; resolve the tie before writing assessment summaries")
        }
        guard let leader = ranking.ranked.first else {
            throw ExportError(.noRankedBids, "no bid is ranked, so there is no award decision to explain")
        }
        guard let bid = report.submission(id) else {
            throw ExportError(.noRankedBids, "there is no bid \(id) in this tender")
        }
        let criteria = report.criteria
        let ranked = ranking.entry(for: id)
        let failed = ranking.failed.first { $0.submission == id }
        submission = id
        bidder = bid.bidder.name
        outcome = ranked == nil ? .notRanked : ranked?.rank == 1 ? .successful : .unsuccessful
        title = "Assessment summary for \(Wording.bidder(bid.bidder.name))"
        tenderLine = "\(report.title), tender \(report.tender). Your bid: \(id)."
        generatedAt = Wording.humanDateTime(report.generatedAt)
        warnings = report.reportWarnings + (report.importWarnings[id] ?? []).map { "About your bid: \($0)." }
        framework = criteria.criteria.map {
            ($0.title, $0.weight.jsonText, $0.threshold.map(String.init) ?? "none")
        } + (criteria.price.map { [("Price", $0.weight.jsonText, "none")] } ?? [])
        scaleText = DecisionReport.scaleText(criteria)
        priceText = DecisionReport.priceText(criteria)
        let total = criteria.totalWeight.jsonText
        let count = ranking.ranked.count

        switch outcome {
        case .successful:
            outcomeParagraphs = [
                "Your bid ranked first of \(count), with \(leader.total.displayText) marks out of \(total). "
                    + "It is the most advantageous tender under the published award criteria, and the contract is "
                    + "to be awarded to you."
            ]
            failureReasons = []
        case .unsuccessful:
            let entry = ranked ?? leader
            outcomeParagraphs = [
                "Your bid was not successful. It ranked \(Wording.rank(entry)) of \(count), with "
                    + "\(entry.total.displayText) marks out of \(total). The winning bid, from \(Wording.bidder(leader.bidder)), "
                    + "scored \(leader.total.displayText).",
                "Below are your scores with the panel's reasons, the winning bid's scores, and a comparison "
                    + "criterion by criterion.",
            ]
            failureReasons = []
        case .notRanked:
            failureReasons = failed?.reasons.map { Wording.reason($0, in: criteria) } ?? []
            outcomeParagraphs = [
                "Your bid was not successful, and it was not ranked, because it did not reach the minimum score "
                    + "the award criteria set. A bid below a minimum cannot be awarded the contract, however well it "
                    + "scores elsewhere, and its price was not compared with the others.",
                "Below are your scores with the panel's reasons, the winning bid's scores, and a comparison "
                    + "criterion by criterion.",
            ]
        }

        let ownScores = ranked?.criteria ?? failed?.criteria ?? []
        let ownPrice: String
        if let points = ranked?.price {
            ownPrice = "Your price, \(points.price.money(in: criteria.currency)), earned \(points.points.displayText) of "
                + "\(points.weight.jsonText) price marks."
        } else if criteria.price != nil {
            ownPrice = "Your price was not scored, because the bid was not ranked."
        } else {
            ownPrice = "Price carries no marks in this tender."
        }
        let ownTotal =
            ranked.map { "Total: \($0.total.displayText) marks out of \(total) (quality \($0.quality.displayText))." }
            ?? "Quality marks: \((failed?.quality ?? 0).displayText). No total, because the bid was not ranked."
        own = BidScores(
            heading: "Your scores", lines: ownScores.map { Self.line($0, report: report) }, price: ownPrice,
            total: ownTotal)

        if outcome == .successful {
            winner = nil
            comparison = []
            comparisonSentences = []
            return
        }
        let winnerPrice =
            leader.price.map {
                "The winning bid's price earned \($0.points.displayText) of \($0.weight.jsonText) price marks."
            } ?? "Price carries no marks in this tender."
        winner = BidScores(
            heading: "The winning bid: \(Wording.bidder(leader.bidder))", lines: leader.criteria.map { Self.line($0, report: report) },
            price: winnerPrice,
            total: "Total: \(leader.total.displayText) marks out of \(total) (quality \(leader.quality.displayText)).")

        var rows: [ComparisonRow] = []
        var sentences: [String] = []
        for (mine, theirs) in zip(ownScores, leader.criteria) {
            let name = Wording.title(mine.criterion, in: criteria)
            let ownMarks = mine.weighted ?? 0
            let winnerMarks = theirs.weighted ?? 0
            let difference = ownMarks - winnerMarks
            rows.append(
                ComparisonRow(
                    title: name, own: mine.moderated.value?.scoreText ?? "none",
                    winner: theirs.moderated.value?.scoreText ?? "none", ownMarks: ownMarks.displayText,
                    winnerMarks: winnerMarks.displayText, difference: DecisionReport.signed(difference)))
            let ownText = mine.moderated.value?.scoreText ?? "none"
            let winnerText = theirs.moderated.value?.scoreText ?? "none"
            if difference < 0 {
                sentences.append(
                    "\(name): the winning bid scored \(winnerText) against your \(ownText), "
                        + "\(difference.magnitude.displayText) more marks.")
            } else if difference > 0 {
                sentences.append(
                    "\(name): your bid scored higher, \(ownText) against \(winnerText), "
                        + "\(difference.displayText) more marks.")
            }
        }
        if let mine = ranked?.price, let theirs = leader.price {
            let difference = mine.points - theirs.points
            rows.append(
                ComparisonRow(
                    title: "Price", own: "", winner: "", ownMarks: mine.points.displayText,
                    winnerMarks: theirs.points.displayText, difference: DecisionReport.signed(difference)))
            sentences.append(
                difference < 0
                    ? "Price: the winning bid's price earned \(difference.magnitude.displayText) more marks than yours."
                    : difference > 0
                        ? "Price: your price earned \(difference.displayText) more marks than the winning bid's."
                        : "Price: your price earned the same marks as the winning bid's.")
        }
        if let entry = ranked {
            sentences.append(
                "Overall, the winning bid scored \((leader.total - entry.total).displayText) marks more than yours.")
        }
        comparison = rows
        comparisonSentences = sentences
    }

    /// One criterion's score and the reasons for it.
    private static func line(_ score: CriterionScore, report: TenderReport) -> CriterionLine {
        let criteria = report.criteria
        let criterion = criteria.criterion(score.criterion)
        let weight = criterion?.weight ?? score.weight
        var scoreText = score.moderated.value?.scoreText ?? "none"
        if let value = score.moderated.value, let level = criteria.scale.levels.first(where: { Decimal($0.value) == value }) {
            scoreText += " (\(level.label))"
        }
        if let threshold = criterion?.threshold, let value = score.moderated.value, value < Decimal(threshold) {
            scoreText += ", below the minimum of \(threshold)"
        }
        let explanation: String
        var quotes: [Quote] = []
        switch score.moderated.method {
        case .consensus:
            explanation = "The panel's scores differed, so the panel met and agreed this score. Their reason:"
            if let consensus = score.moderated.consensus {
                quotes = [Quote(role: "The panel, in moderation", text: consensus.rationale)]
            }
        case .median:
            explanation = "The panel's scores were close, so the middle score stands. What panel members wrote:"
            let rationales = report.scores.filter { $0.item == score.moderated.item }
            quotes = rationales.compactMap { own in
                report.panel.member(own.panelist).map { member in (member, own) }
            }.sorted { ($0.0.role.rawValue, $0.0.id) < ($1.0.role.rawValue, $1.0.id) }.map { member, own in
                Quote(role: "\(Wording.roleWithArticle(member.role)), who scored \(own.value)", text: own.rationale)
            }
        case .pending:
            explanation = "No score has been settled for this criterion."
        }
        return CriterionLine(
            title: criterion?.title ?? score.criterion, weight: weight.jsonText, score: scoreText,
            marks: "\((score.weighted ?? 0).displayText) of \(weight.jsonText)", explanation: explanation, quotes: quotes)
    }
}
