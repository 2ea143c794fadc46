import Foundation
import TenderModel
import TenderScoring

/// What one assessment summary says, worked out once and written as HTML and as Markdown.
struct SummaryContent {
    struct CriterionLine {
        var title: String
        var weight: String
        var score: String
        var marks: String
        /// How the score was reached, without saying who scored what.
        var method: String
        /// "The panel's explanation:" or "What this score means:".
        var explanationLabel: String
        /// The panel's ``Consensus/bidderExplanation`` for this bid, or the scale descriptor.
        var explanation: String
    }

    struct BidScores {
        var heading: String
        var lines: [CriterionLine]
        var price: String
        var quality: String
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
    /// True until the tender is finalised: every page says DRAFT.
    var isDraft: Bool
    var title: String
    /// Who the supplier is: name, company or charity number, where based (as the bid gave them).
    var supplier: [(term: String, detail: String)]
    /// The panel's make-up in aggregate, or nil where a role has a single member (who would be
    /// identified by it).
    var panelText: String?
    var scoresAvailable: String
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

    /// What every summary of one tender shares, worked out once: the award decision, the
    /// criteria table, the panel's make-up and the winning bid's scores, and each bid's ranking
    /// entry by id (2,000 summaries each walked the whole ranking to find their own).
    struct Shared {
        let report: TenderReport
        let leader: RankedSubmission
        let rankedCount: Int
        let ranked: [String: RankedSubmission]
        let failed: [String: FailedSubmission]
        let submissions: [String: Submission]
        let isDraft: Bool
        let panelText: String?
        let scoresAvailable: String
        let generatedAt: String
        let reportWarnings: [String]
        let framework: [(title: String, weight: String, threshold: String)]
        let scaleText: String
        let priceText: String
        let totalWeight: String
        let qualityWeight: Decimal
        /// The winning bid's scores as another bidder's summary shows them (no explanations).
        let winner: BidScores
        let texts: Texts

        /// Refuses a provisional ranking, a tie for first place and a tender without a ranked bid.
        init(report: TenderReport) throws(ExportError) {
            let ranking = report.ranking
            guard ranking.isFinal else {
                throw ExportError(
                    .provisionalRanking,
                    "assessment summaries are written for the award decision; the ranking is provisional "
                        + "(\(Wording.count(ranking.missingItems.count, "answer", "answers")) still without a moderated score)")
            }
            guard ranking.leaders.count <= 1 else {
                throw ExportError(
                    .tiedFirstPlace,
                    "\(Wording.list(ranking.leaders)) are tied for first place; resolve the tie before writing assessment summaries")
            }
            guard let leader = ranking.ranked.first else {
                throw ExportError(.noRankedBids, "no bid is ranked, so there is no award decision to explain")
            }
            let criteria = report.criteria
            self.report = report
            self.leader = leader
            rankedCount = ranking.ranked.count
            ranked = Dictionary(ranking.ranked.map { ($0.submission, $0) }, uniquingKeysWith: { first, _ in first })
            failed = Dictionary(ranking.failed.map { ($0.submission, $0) }, uniquingKeysWith: { first, _ in first })
            submissions = Dictionary(report.submissions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            isDraft = !report.isFinalised
            panelText = SummaryContent.panelText(report.panel)
            scoresAvailable =
                "Scores available: \(criteria.scale.min) to \(criteria.scale.max) on each criterion, "
                + "then weighted as the table shows."
            generatedAt = Wording.humanDateTime(report.generatedAt)
            reportWarnings = report.reportWarnings
            framework = criteria.criteria.map {
                ($0.title, $0.weight.jsonText, $0.threshold.map(String.init) ?? "none")
            } + (criteria.price.map { [("Price", $0.weight.jsonText, "none")] } ?? [])
            scaleText = DecisionReport.scaleText(criteria)
            priceText = DecisionReport.priceText(criteria)
            let total = criteria.totalWeight.jsonText
            totalWeight = total
            let qualityWeight = criteria.criteria.reduce(Decimal(0)) { $0 + $1.weight }
            self.qualityWeight = qualityWeight
            let winnerPrice =
                leader.price.map {
                    "The winning bid's price earned \($0.points.displayText) of \($0.weight.jsonText) price marks."
                } ?? "Price carries no marks in this tender."
            let texts = Texts(report: report, leader: leader)
            self.texts = texts
            winner = BidScores(
                heading: "The winning bid: \(Wording.bidder(leader.bidder))",
                lines: leader.criteria.map { SummaryContent.line($0, report: report, explanations: false, texts: texts) },
                price: winnerPrice,
                quality: "Quality marks: \(leader.quality.displayText) out of \(qualityWeight.jsonText).",
                total: "Total: \(leader.total.displayText) marks out of \(total).")
        }
    }

    init(submission id: String, shared: Shared) throws(ExportError) {
        let report = shared.report
        guard let bid = shared.submissions[id] else {
            throw ExportError(.noRankedBids, "there is no bid \(id) in this tender")
        }
        let criteria = report.criteria
        let leader = shared.leader
        let ranked = shared.ranked[id]
        let failed = shared.failed[id]
        submission = id
        bidder = bid.bidder.name
        outcome = ranked == nil ? .notRanked : ranked?.rank == 1 ? .successful : .unsuccessful
        isDraft = shared.isDraft
        title = (isDraft ? "DRAFT: " : "") + "Assessment summary for \(Wording.bidder(bid.bidder.name))"
        supplier = Self.supplier(bid.bidder)
        panelText = shared.panelText
        scoresAvailable = shared.scoresAvailable
        tenderLine = "\(report.title), tender \(report.tender). Your bid: \(id)."
        generatedAt = shared.generatedAt
        warnings = shared.reportWarnings + (report.importWarnings[id] ?? []).map {
            Wording.importWarning($0, submission: id, subject: "Your bid", criteria: report.criteria)
        }
        framework = shared.framework
        scaleText = shared.scaleText
        priceText = shared.priceText
        let total = shared.totalWeight
        let count = shared.rankedCount

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
                "Below are your scores with what each one means, a comparison with the winning bid criterion by "
                    + "criterion, and the winning bid's scores.",
            ]
            failureReasons = []
        case .notRanked:
            failureReasons = failed?.reasons.map { Wording.reason($0, in: criteria) } ?? []
            outcomeParagraphs = [
                "Your bid was not successful, and it was not ranked, because it did not reach the minimum score "
                    + "the award criteria set. A bid below a minimum cannot be awarded the contract, however well it "
                    + "scores elsewhere, and its price was not compared with the others.",
                "Below are your scores with what each one means, a comparison with the winning bid criterion by "
                    + "criterion, and the winning bid's scores.",
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
        let qualityWeight = shared.qualityWeight
        let ownQuality = ranked?.quality ?? failed?.quality ?? 0
        let ownTotal =
            ranked.map { "Total: \($0.total.displayText) marks out of \(total)." }
            ?? "No total, because the bid was not ranked."
        own = BidScores(
            heading: "Your scores", lines: ownScores.map { Self.line($0, report: report, explanations: true, texts: shared.texts) },
            price: ownPrice,
            quality: "Quality marks: \(ownQuality.displayText) out of \(qualityWeight.jsonText).", total: ownTotal)

        if outcome == .successful {
            winner = nil
            comparison = []
            comparisonSentences = []
            return
        }
        winner = shared.winner

        var rows: [ComparisonRow] = []
        var sentences: [String] = []
        let texts = shared.texts
        for (mine, theirs) in zip(ownScores, leader.criteria) {
            let name = Wording.title(mine.criterion, in: criteria)
            let ownMarks = mine.weighted ?? 0
            let winnerMarks = theirs.weighted ?? 0
            let difference = ownMarks - winnerMarks
            let ownText = texts.score(mine.moderated.value)
            let winnerText = texts.score(theirs.moderated.value)
            rows.append(
                ComparisonRow(
                    title: name, own: ownText, winner: winnerText, ownMarks: texts.marks(ownMarks),
                    winnerMarks: texts.marks(winnerMarks), difference: texts.signed(difference)))
            if difference < 0 {
                sentences.append(
                    "\(name): the winning bid scored \(winnerText) against your \(ownText), "
                        + "\(texts.marks(difference.magnitude)) more marks.")
            } else if difference > 0 {
                sentences.append(
                    "\(name): your bid scored higher, \(ownText) against \(winnerText), "
                        + "\(texts.marks(difference)) more marks.")
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

    /// One criterion's score and why. For the bidder's own bid, the explanation the panel wrote
    /// for the bidder (``Consensus/bidderExplanation``); otherwise, and always for the winning bid
    /// in someone else's summary, what the score means on the published scale. Never the panel's
    /// internal rationale, never a member's own note or score: those stay in the decision record.
    fileprivate static func line(_ score: CriterionScore, report: TenderReport, explanations: Bool, texts: Texts)
        -> CriterionLine
    {
        var line = texts.line(score, report: report)
        // How another bid's score was reached is not this bidder's business.
        if !explanations { line.method = "" }
        if explanations, let written = score.moderated.consensus?.bidderExplanation?
            .trimmingCharacters(in: .whitespacesAndNewlines), !written.isEmpty
        {
            line.explanationLabel = "The panel's explanation:"
            line.explanation = written
        }
        return line
    }

    /// One criterion's score with how it was reached and what it means on the published scale,
    /// before ``line(_:report:explanations:texts:)`` takes out the method or puts in the panel's
    /// explanation for the bidder.
    static func plainLine(_ score: CriterionScore, report: TenderReport) -> CriterionLine {
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
        let method =
            switch score.moderated.method {
            case .consensus: "The panel agreed this score together in moderation."
            case .median: "This is the middle of the panel members' independent scores, which were close."
            case .pending: "No score has been settled for this criterion."
            }
        return CriterionLine(
            title: criterion?.title ?? score.criterion, weight: weight.jsonText, score: scoreText,
            marks: "\((score.weighted ?? 0).displayText) of \(weight.jsonText)", method: method,
            explanationLabel: "What this score means:", explanation: meaning(of: score.moderated.value, in: criteria.scale))
    }

    /// The published descriptor of a score (`4 Good: …`), or, for a middle score between two
    /// points (3.5), both neighbours' labels.
    static func meaning(of value: Decimal?, in scale: Scale) -> String {
        guard let value else { return "No score yet." }
        if let level = scale.levels.first(where: { Decimal($0.value) == value }) {
            return "\(level.value) (\(level.label)): \(level.descriptor)"
        }
        let below = scale.levels.last { Decimal($0.value) < value }
        let above = scale.levels.first { Decimal($0.value) > value }
        if let below, let above {
            return "\(value.scoreText) lies between \(below.value) (\(below.label)): \(below.descriptor) and "
                + "\(above.value) (\(above.label)): \(above.descriptor)"
        }
        return "\(value.scoreText) on the scale."
    }

    /// The bidder's name, registration and locality, as the bid gave them.
    private static func supplier(_ bidder: Bidder) -> [(term: String, detail: String)] {
        var facts: [(term: String, detail: String)] = [("Supplier", Wording.bidder(bidder.name))]
        if let registration = bidder.registration {
            facts.append(
                ("Registered number", Wording.bidder("\(registration.scheme) \(registration.identifier)")))
        }
        if let locality = bidder.locality { facts.append(("Based in", Wording.bidder(locality))) }
        return facts
    }

    /// "The panel had 6 members: 2 commissioners, 2 experts by experience and 2 carers." Only when every role present has at least two members: a lone
    /// commissioner is identified by their role, so then no composition is given at all.
    static func panelText(_ panel: Panel) -> String? {
        let counts = Dictionary(grouping: panel.members, by: \.role).mapValues(\.count)
        guard !counts.isEmpty, counts.values.allSatisfy({ $0 >= 2 }) else { return nil }
        let parts = PanelRole.allCases.compactMap { role -> String? in
            counts[role].map { "\($0) \(Wording.rolePlural(role))" }
        }
        return "The panel had \(panel.members.count) members: \(Wording.list(parts)). Members scored "
            + "independently before the panel met, and every member's score counted the same."
    }
}
