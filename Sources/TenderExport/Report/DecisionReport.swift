import Foundation
import TenderModel
import TenderScoring

/// `rank --format html`: the commissioners' decision record, one self-contained HTML5 page.
///
/// What it holds, in order: a provisional banner when the ranking is provisional; a summary
/// naming the winner (or the tie); the ranking table; bids not ranked and why; every bid's moderated
/// score on every criterion; each bid's panel scores with the moderated score and how it was
/// reached (agreed rationales quoted); how far the panel's scores spread; agreement
/// (Krippendorff's alpha, in words); the co-production checks; weight sensitivity in plain words;
/// and the framework itself.
///
/// The page has no scripts and loads nothing: CSS is inline, charts are inline SVG, each with
/// `role="img"`, a `<title>`, a `<desc>` and a caption or table beside it that says the same in
/// words, and bars are told apart by pattern as well as colour. It prints on paper without the
/// navigation. Everything a bidder or member wrote is escaped by Mustache.
public enum DecisionReport {
    /// The decision record as one HTML page.
    /// - Parameter inputs: the budget, the sign-off and the panel's conditions on the award;
    ///   without them the record says that none were given.
    ///
    /// Each bid's scores, the charts and the lists of every bid, nearly all of a large tender's
    /// record, are written with ``HTML`` on every core and put in place
    /// (``HTMLTemplates/splice(_:template:fragments:)``).
    public static func render(_ report: TenderReport, inputs: DecisionRecordInputs = .init()) throws(ExportError) -> String {
        let members = report.panel.members.sorted { $0.id < $1.id }
        let memberHeads = members.reduce(into: HTML()) {
            $0 += "<th scope=\"col\" class=\"num\">\($1.name)<span class=\"role\">\(Wording.role($1.role))</span></th>"
        }
        // The page's frame (Mustache, on one core) and every part that lists every bid, in one
        // pool of work for both cores: the frame and the page's own lists and charts first (the
        // largest), then the spread charts, then the bids fifty at a time.
        let bids = orderedBids(report)
        let criteria = report.criteria.criteria
        let jobs: [Fragment] =
            [.frame] + Lists.allCases.map(Fragment.list) + criteria.indices.map(Fragment.spread)
            + stride(from: 0, to: bids.count, by: 50).map { Fragment.bids($0..<min($0 + 50, bids.count)) }
        let written = jobs.concurrentMap(minimumCount: 2) { job -> Result<String, ExportError> in
            let html: HTML
            switch job {
            case .frame:
                return Result { () throws(ExportError) in
                    try HTMLTemplates.render(view(report, inputs: inputs), template: "decision-report")
                }
            case .list(let list): html = list.html(report, bids: bids)
            case .spread(let index): html = Charts.spread(for: criteria[index], report: report, bids: bids)
            case .bids(let range):
                html = bids[range].reduce(into: HTML()) {
                    $0 += bidDetail($1, report: report, members: members, memberHeads: memberHeads)
                }
            }
            return .success(BidiText.html(html.text))
        }
        var frame = ""
        var fragments: [String: [String]] = ["bid-details": [], "spread-charts": []]
        for (job, result) in zip(jobs, written) {
            let text = try result.get()
            switch job {
            case .frame: frame = text
            case .list(let list): fragments[list.rawValue] = [text]
            case .spread: fragments["spread-charts", default: []].append(text)
            case .bids: fragments["bid-details", default: []].append(text)
            }
        }
        return try HTMLTemplates.splice(frame, template: "decision-report", fragments: fragments)
    }

    typealias View = HTMLTemplates.View

    /// A ranked or failed bid as every per-bid part of the record lists it (``orderedBids(_:)``).
    typealias Bid = (submission: String, bidder: String, criteria: [CriterionScore])

    /// A part of the page written on its own core.
    private enum Fragment: Sendable {
        case frame, list(Lists), spread(Int), bids(Range<Int>)
    }

    /// The parts of the page that list every bid, by the name of their place in the template.
    enum Lists: String, CaseIterable, Sendable {
        case rankedRows = "ranked-rows", totalsChart = "totals-chart", failedBids = "failed-bids"
        case scoresChart = "scores-chart", scoreRows = "score-rows"

        /// `bids`: ``DecisionReport/orderedBids(_:)``, worked out once for the whole page.
        func html(_ report: TenderReport, bids: [Bid]) -> HTML {
            let ranking = report.ranking
            var html = HTML()
            switch self {
            case .rankedRows:
                for entry in ranking.ranked {
                    html += """
                        <tr><td data-label="Rank">\(Wording.rank(entry))</td><th scope="row" class="id">\(entry.submission)</th>\
                        <td data-label="Bidder">\(Wording.bidder(entry.bidder))</td><td class="num" data-label="Quality">\
                        \(entry.quality.displayText)</td><td class="num" data-label="Price">\(entry.price?.points.displayText ?? "none")</td>\
                        <td class="num" data-label="Total">\(entry.total.displayText)</td>
                        """
                    if report.isProvisional {
                        html += "<td class=\"num\" data-label=\"Marks still open\">\(entry.pendingWeight.displayText)</td>"
                    }
                    html += "</tr>\n"
                }
            case .totalsChart:
                if !ranking.ranked.isEmpty { html = Charts.totals(report) }
            case .failedBids:
                for failed in ranking.failed {
                    html += "<div class=\"failed\">\n<h3>\(failed.submission): \(Wording.bidder(failed.bidder))</h3>\n<ul>\n"
                    html.append(each: failed.reasons) { "<li>\(Wording.reason($0, in: report.criteria))</li>\n" }
                    html += "</ul>\n</div>\n"
                }
            case .scoresChart:
                html = Charts.scores(report, bids: bids)
            case .scoreRows:
                for bid in bids {
                    html += "<tr><th scope=\"row\" class=\"id\">\(bid.submission)</th>"
                    html.append(each: bid.criteria) { "<td class=\"num\">\($0.moderated.value?.scoreText ?? "not settled")</td>" }
                    html += "</tr>\n"
                }
            }
            return html
        }
    }

    static func view(_ report: TenderReport, inputs: DecisionRecordInputs = .init()) -> View {
        let ranking = report.ranking
        let criteria = report.criteria
        let names = Dictionary(uniqueKeysWithValues: report.submissions.map { ($0.id, Wording.bidder($0.bidder.name)) })
        let members = report.panel.members.sorted { $0.id < $1.id }
        let qualityWeight = criteria.criteria.reduce(Decimal(0)) { $0 + $1.weight }

        var view: View = [
            "pageTitle": (report.isFinalised ? "" : "DRAFT: ") + "Decision record: \(report.title)",
            "draft": !report.isFinalised,
            "draftText": Wording.draftNotice,
            "tender": report.tender,
            "frameworkTitle": criteria.title,
            "frameworkID": criteria.id,
            "frameworkVersion": criteria.version,
            "generatedAt": Wording.humanDateTime(report.generatedAt),
            "finalisedText": report.isFinalised
                ? "The scores were frozen (finalised) before this record was produced."
                : "The scores have not been frozen yet: they may still change.",
            "provisional": report.isProvisional,
            "provisionalText":
                "\(Wording.count(ranking.missingItems.count, "answer still has", "answers still have")) no moderated "
                + "score, so this ranking shows where "
                + "things stand, not who has won. Those answers earn no marks yet; the column 'Marks still open' "
                + "shows how many marks each bid could still gain.",
            "summary": summary(report, names: names),
            "counts": counts(report),
            "warnings": report.reportWarnings,
            "totalWeight": criteria.totalWeight.jsonText,
            "qualityWeight": qualityWeight.jsonText,
            "priceWeight": (criteria.price?.weight ?? 0).jsonText,
            "scaleRange": criteria.scale.rangeDescription,
            "divergence": String(criteria.divergence),
        ]
        let imports = report.importWarnings.sorted { $0.key < $1.key }.flatMap { id, texts in
            let subject = "\(names[id] ?? id) (\(id))"
            return texts.map {
                ["text": Wording.importWarning($0, submission: id, subject: subject, criteria: criteria)] as View
            }
        }
        view["hasImportWarnings"] = !imports.isEmpty
        view["importWarnings"] = imports

        view["recommendation"] = recommendation(report, inputs: inputs, names: names)
        view["hasConditions"] = !inputs.conditions.isEmpty
        view["conditions"] = inputs.conditions
        if let signOff = inputs.signOff {
            view["signOff"] = [
                "by": signOff.finalisedBy, "when": Wording.humanDateTime(signOff.finalisedAt), "reason": signOff.reason,
                "hash": signOff.headHash,
                "summariesSent": inputs.summariesSentAt.map(Wording.humanDateTime)
                    ?? "Not yet: no assessment summary has been recorded as sent (tenderscore publish).",
            ] as View
        }
        view["noSignOffText"] =
            report.isFinalised
            ? "The scores were finalised, but who finalised them, when and why was not given to this record."
            : "The scores have not been finalised, so there is no sign-off yet."

        view["hasRanked"] = !ranking.ranked.isEmpty
        view["ties"] = Dictionary(grouping: ranking.ranked.filter(\.isTied), by: \.rank).sorted { $0.key < $1.key }.map {
            rank, tied in
            "\(Wording.list(tied.map(\.submission))) share rank \(rank) (shown as \(rank)=): the same total and the same "
                + "quality marks. The tie is reported, not broken; the commissioners must decide."
        }
        let separated = ranking.ranked.filter(\.separatedByQuality)
        view["separated"] =
            separated.isEmpty
            ? [String]()
            : ["\(Wording.list(separated.map(\.submission))) have the same total; their order was decided by quality marks."]

        view["hasFailed"] = !ranking.failed.isEmpty

        view["criteriaHeads"] = criteria.criteria.map { criterion -> View in
            var head: View = ["title": criterion.title, "weight": criterion.weight.jsonText]
            if let threshold = criterion.threshold { head["threshold"] = String(threshold) }
            return head
        }

        view["agreementRows"] =
            report.agreement.criteria.map { agreement -> View in
                alphaRow(Wording.title(agreement.criterion, in: criteria), agreement.alpha.ordinal)
            } + [alphaRow("All criteria together", report.agreement.overall.ordinal)]
        view["memberRows"] = report.agreement.members.map { deviation -> View in
            let member = report.panel.member(deviation.member)
            return [
                "name": member?.name ?? deviation.member, "role": Wording.role(deviation.role),
                "items": String(deviation.items), "lean": lean(deviation.meanDeviation),
            ]
        }

        let coProduction = report.coProduction
        view["coProducedText"] =
            coProduction.warning
            ?? "The panel was co-produced: \(coProduction.livedExperienceMembers.count) of its \(members.count) members "
            + "are experts by experience or carers, and every member's score counts the same."
        view["panelRows"] = members.map { member -> View in
            let conflicts = report.panel.conflicts.filter { $0.member == member.id }
            return [
                "name": member.name, "role": Wording.role(member.role),
                "lived": member.role.bringsLivedExperience ? "Yes" : "No",
                "conflicts": conflicts.isEmpty
                    ? "None" : conflicts.map { "\($0.submission): \($0.reason)" }.joined(separator: "; "),
            ]
        }
        view["hasGaps"] = !coProduction.criteria.isEmpty
        view["gapThreshold"] = coProduction.gapThreshold.jsonText
        view["gapRows"] = coProduction.criteria.map { gap -> View in
            [
                "criterion": Wording.title(gap.criterion, in: criteria), "lived": gap.livedExperienceMean.displayText,
                "others": gap.othersMean.displayText, "gap": signed(gap.gap),
                "flagged": gap.flagged ? "Yes: discuss" : "No",
            ]
        }
        let flagged = coProduction.flaggedCriteria
        view["gapSummary"] =
            flagged.isEmpty
            ? "On no criterion did experts by experience and carers, on average, score a whole point or more apart "
                + "from the other members."
            : "Experts by experience and carers scored apart from the other members on "
                + Wording.list(flagged.map { Wording.title($0.criterion, in: criteria) })
                + ". Their view counts equally and should be heard in moderation, not averaged away."
        let itemGaps = coProduction.itemsNeedingModeration.map { gap in
            "\(gap.item.submission), \(Wording.title(gap.item.criterion, in: criteria)): experts by experience and "
                + "carers averaged \(gap.livedExperienceMean.displayText), the other members \(gap.othersMean.displayText)."
        }
        view["hasItemGaps"] = !itemGaps.isEmpty
        view["itemGaps"] = itemGaps

        let sensitivity = report.sensitivity
        let weights = sensitivity?.weights.map { Wording.sensitivity($0, criteria: criteria, names: names, leaders: ranking.leaders) } ?? []
        view["hasWeights"] = !weights.isEmpty
        view["weights"] = weights
        view["noWeightsText"] =
            ranking.leaders.count > 1
            ? "First place is already tied, so there is no lead to lose."
            : "Fewer than two bids are ranked, so there is nothing to compare."
        if let formula = sensitivity?.formula {
            let alternative =
                formula.alternative == .lowestPrice
                ? "lowest price, where each bid earns the price weight times the lowest price divided by its own"
                : "relative difference, where a bid loses the same share of the price weight as it is dearer than the lowest"
            view["formulaText"] =
                formula.changesLeader
                ? "Under the other price formula (\(alternative)), \(Wording.list(formula.alternativeLeaders)) would rank "
                    + "first instead of \(Wording.list(formula.leaders))."
                : "Under the other price formula (\(alternative)), the same bid would still rank first."
        }
        let removals = sensitivity?.removals ?? []
        let reordering = removals.filter(\.reordersOthers)
        view["removalText"] =
            removals.isEmpty
            ? "No bid was taken away to test the order, as none is ranked."
            : reordering.isEmpty
                ? "Taking away any one ranked bid would not change the order of the others."
                : "Because price marks depend on the lowest price, taking away one bid can change the order of others:"
        view["removalWarnings"] = reordering.map { removal in
            "Without \(removal.removed): " + removal.reorderedPairs.map(\.description).joined(separator: "; ") + "."
        }

        view["frameworkRows"] = criteria.criteria.map { criterion -> View in
            [
                "title": criterion.title, "weight": criterion.weight.jsonText,
                "threshold": criterion.threshold.map(String.init) ?? "none",
            ]
        }
        view["scaleText"] = scaleText(criteria)
        view["priceText"] = priceText(criteria)
        return view
    }

    /// Ranked bids in rank order, then failed bids by id: the order every per-bid list uses.
    static func orderedBids(_ report: TenderReport) -> [Bid] {
        report.ranking.ranked.map { ($0.submission, $0.bidder, $0.criteria) }
            + report.ranking.failed.map { ($0.submission, $0.bidder, $0.criteria) }
    }

    /// One bid's scores by criterion and member, with the moderated score, how it was reached
    /// and the agreed rationales. `memberHeads` is the table's member columns, the same for
    /// every bid.
    private static func bidDetail(
        _ bid: Bid, report: TenderReport,
        members: [PanelMember], memberHeads: HTML
    ) -> HTML {
        let criteria = report.criteria
        let standing: String
        if let entry = report.ranking.entry(for: bid.submission) {
            standing = "Ranked \(Wording.rank(entry)) with \(entry.total.displayText) marks: quality \(entry.quality.displayText)"
                + (entry.price.map { ", price \($0.points.displayText) (price \($0.price.money(in: criteria.currency)))" } ?? "") + "."
        } else if let failed = report.ranking.failed.first(where: { $0.submission == bid.submission }) {
            standing = "Not ranked: " + failed.reasons.map { Wording.reason($0, in: criteria) }.joined(separator: "; ") + "."
        } else {
            standing = ""
        }
        var html: HTML = """
            <h3 id="bid-\(bid.submission)">\(bid.submission): \(Wording.bidder(bid.bidder))</h3>
            <p>\(standing)</p>
            <div class="table-scroll">
            <table>
            <caption>Scores for \(bid.submission) by criterion and panel member</caption>
            <thead>
            <tr><th scope="col">Criterion</th>\(memberHeads)<th scope="col" class="num">Moderated</th><th scope="col">How it was reached</th>\
            <th scope="col" class="num">Marks</th></tr>
            </thead>
            <tbody>

            """
        for score in bid.criteria {
            let own = score.moderated.scores
            html += "<tr><th scope=\"row\">\(Wording.title(score.criterion, in: criteria))</th>"
            for member in members {
                let text = own.conflicted.contains(member.id) ? "conflict" : own.scores[member.id].map(String.init) ?? "not scored"
                html += "<td class=\"num\">\(text)</td>"
            }
            html += """
                <td class="num">\(score.moderated.value?.scoreText ?? "none yet")</td><td>\(Wording.method(score.moderated.method))</td>\
                <td class="num">\(score.weighted?.displayText ?? "none yet")</td></tr>

                """
        }
        html += "</tbody>\n</table>\n</div>\n"
        for score in bid.criteria {
            guard let consensus = score.moderated.consensus else { continue }
            let forBidder =
                consensus.bidderExplanation.map { "What the bidder's summary says: \($0)" }
                ?? "No explanation was written for the bidder: their assessment summary gives what the score means "
                + "on the published scale."
            html += """
                <p><strong>\(Wording.title(score.criterion, in: criteria))</strong>, agreed \(String(consensus.value)) in moderation: \
                \(consensus.rationale) \(meeting(consensus, panel: report.panel)) <span class="muted">\(forBidder)</span></p>

                """
        }
        return html
    }

    /// Who was at the moderation of one item and who did not agree, by name: "Present: Amira
    /// Khan, Dev Patel and Tom Okafor. Tom Okafor did not agree; their own score stands on the
    /// record." A member with a declared conflict recorded as present is flagged: the person
    /// signing must see it.
    static func meeting(_ consensus: Consensus, panel: Panel) -> String {
        func names(_ ids: [String]) -> String { Wording.list(ids.map { panel.member($0)?.name ?? "a member no longer on the panel" }) }
        var text = consensus.attendees.isEmpty ? "Who was present was not recorded." : "Present: \(names(consensus.attendees))."
        if consensus.dissenters.isEmpty {
            if !consensus.attendees.isEmpty { text += " Everyone present agreed." }
        } else {
            let single = consensus.dissenters.count == 1
            text += " \(names(consensus.dissenters)) did not agree; their own \(single ? "score stands" : "scores stand") on the record."
        }
        let conflicted = consensus.attendees.filter { panel.isConflicted(member: $0, submission: consensus.submission) }
        if !conflicted.isEmpty {
            text += " Warning: \(names(conflicted)) declared a conflict of interest with this bid, and should not have "
                + "taken part in its moderation."
        }
        return text
    }

    /// The recommendation a cabinet member reads first, in one paragraph: who should be awarded
    /// the contract and why, its price against the budget, and whether conditions apply; or,
    /// plainly, why no recommendation can be made yet.
    static func recommendation(_ report: TenderReport, inputs: DecisionRecordInputs, names: [String: String]) -> String {
        let ranking = report.ranking
        let criteria = report.criteria
        let outOf = criteria.totalWeight.jsonText
        guard let first = ranking.ranked.first else {
            return "No recommendation can be made: no bid reached every minimum score, so no bid can be awarded the "
                + "contract under these award criteria."
        }
        if report.isProvisional {
            return "No recommendation yet: "
                + "\(Wording.count(ranking.missingItems.count, "answer still has", "answers still have")) no agreed "
                + "score, so this ranking shows where things stand, not who has won."
        }
        if ranking.leaders.count > 1 {
            let tied = Wording.list(ranking.leaders.map { "\(names[$0] ?? $0) (\($0))" })
            return "No recommendation can be made yet: \(tied) are tied for first place with \(first.total.displayText) "
                + "marks out of \(outOf) each. The commissioners must decide between them; TenderScore does not break ties."
        }
        var text = "We recommend awarding the contract to \(names[first.submission] ?? first.bidder), whose bid scored "
            + "highest: \(first.total.displayText) marks out of \(outOf)"
        if let second = ranking.ranked.dropFirst().first {
            text += ", \((first.total - second.total).displayText) more than the next bid."
        } else {
            text += ", the only bid that reached every minimum score."
        }
        if let price = report.submission(first.submission)?.price?.amount {
            let money = { (value: Decimal) in value.money(in: criteria.currency) }
            if let budget = inputs.budget {
                let difference = price - budget
                text += " Its price, \(money(price)), "
                text +=
                    difference > 0
                    ? "is \(money(difference)) over the budget of \(money(budget))."
                    : difference < 0
                        ? "is \(money(-difference)) within the budget of \(money(budget))." : "is exactly the budget."
            } else {
                text += " Its price is \(money(price)). No budget was given for this record."
            }
        }
        if !inputs.conditions.isEmpty {
            text += " The panel set \(Wording.count(inputs.conditions.count, "condition", "conditions")) on the award, "
                + "listed below."
        }
        if !report.isFinalised { text += " This is a draft: the scores have not been finalised." }
        return text
    }

    private static func alphaRow(_ label: String, _ alpha: KrippendorffAlpha) -> View {
        guard let value = alpha.value, let reliability = alpha.reliability else {
            return ["criterion": label, "alpha": "none", "reading": "Cannot be worked out: \(alpha.undefined?.description ?? "no data")."]
        }
        let reading: String
        switch reliability {
        case .reliable: reading = "Reliable: the panel largely agreed."
        case .tentative: reading = "Tentative: agreement good enough only for tentative conclusions."
        case .unreliable: reading = "Unreliable: the panel's scores differed a lot, so moderation carried weight here."
        }
        return ["criterion": label, "alpha": String(format: "%.3f", value), "reading": reading]
    }

    private static func lean(_ deviation: Decimal?) -> String {
        guard let deviation else { return "No settled answers to compare with." }
        let size = deviation.magnitude.displayText
        if deviation.roundedForDisplay == 0 { return "Scores in line with the moderated scores." }
        return deviation > 0
            ? "Scores \(size) above the moderated score." : "Scores \(size) below the moderated score."
    }

    static func signed(_ value: Decimal) -> String {
        value.roundedForDisplay > 0 ? "+" + value.displayText : value.displayText
    }

    static func summary(_ report: TenderReport, names: [String: String]) -> String {
        let ranking = report.ranking
        guard let first = ranking.ranked.first else {
            return "No bid is ranked: every bid failed at least one minimum score or gave no usable price."
        }
        let leaders = ranking.leaders
        let described = leaders.map { "\(names[$0] ?? $0) (\($0))" }
        if report.isProvisional {
            return "As things stand, \(Wording.list(described)) \(leaders.count > 1 ? "are level" : "leads") with "
                + "\(first.total.displayText) marks, but this ranking is provisional and does not show who has won."
        }
        if leaders.count > 1 {
            return "\(Wording.list(described)) are tied for first place with \(first.total.displayText) marks out of "
                + "\(report.criteria.totalWeight.jsonText). The tie is not broken by the software: the commissioners must decide."
        }
        var text = "\(Wording.list(described)) ranks first with \(first.total.displayText) marks out of "
            + "\(report.criteria.totalWeight.jsonText)"
        if let second = ranking.ranked.dropFirst().first {
            text += ", \((first.total - second.total).displayText) ahead of \(Wording.bidder(second.bidder)) (\(second.submission))"
        }
        return text + "."
    }

    private static func counts(_ report: TenderReport) -> String {
        let ranking = report.ranking
        var text = "\(Wording.count(report.submissions.count, "bid", "bids")) received; \(ranking.ranked.count) ranked"
        if !ranking.failed.isEmpty { text += "; \(ranking.failed.count) not ranked (see below)" }
        return text + ". \(report.panel.members.count) panel members scored them."
    }

    static func scaleText(_ criteria: Criteria) -> String {
        let scale = criteria.scale
        let labels = scale.levels.map { "\($0.value) \($0.label)" }.joined(separator: ", ")
        return "Each answer was scored from \(scale.min) to \(scale.max) (\(labels)). A criterion earns its weight "
            + "times (score − \(scale.min)) ÷ \(scale.max - scale.min): a criterion weighted 10 and scored 4 earns "
            + "\((Decimal(10) * Decimal(4 - scale.min) / Decimal(scale.max - scale.min)).displayText) marks. A bid that "
            + "scores below a criterion's minimum is not ranked."
    }

    static func priceText(_ criteria: Criteria) -> String {
        guard let price = criteria.price else { return "Price carries no marks in this framework." }
        let weight = price.weight.jsonText
        switch price.formula {
        case .lowestPrice:
            return "Price is worth \(weight) marks: the lowest price among the ranked bids earns all \(weight), and "
                + "any other bid earns \(weight) × lowest price ÷ its price. Prices of bids that are not ranked are not used."
        case .relativeDifference:
            return "Price is worth \(weight) marks: the lowest price among the ranked bids earns all \(weight), and a bid "
                + "loses the same share of the \(weight) marks as it is dearer than the lowest (20% dearer earns 80%), "
                + "never below 0. Prices of bids that are not ranked are not used."
        }
    }
}
