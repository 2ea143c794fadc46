import Foundation
import TenderModel
import TenderScoring

/// `rank --format ocds`: the award decision as an Open Contracting Data Standard 1.1.5 release
/// package, one release tagged `award`.
///
/// Mapping:
/// - `parties`: the buyer (`buyer`), every bidder (`tenderer`), the winner also `supplier`. A
///   bidder's party id is its org-id (`GB-COH-03218877`) when the bid gives a registration, else
///   `<tender>-<submission>`.
/// - `tender`: `status` `complete`, `awardCriteria` `ratedCriteria` (the 1.1.5 code for weighted
///   price and quality), `awardCriteriaDetails` in plain words (criteria, weights, thresholds,
///   the scale and the price formula), `tenderers`, `numberOfTenderers`.
/// - `bids` (the bids extension): `statistics` (`bids`, `validBids`) and one `details` entry per
///   bid, `status` `valid` (ranked) or `disqualified` (failed a threshold, or no usable price),
///   with `tenderers`, `date` (when submitted) and `value`.
/// - Scores go in an **additional field** `tenderscore` on each bid detail (OCDS allows fields
///   beyond the schema): `rank`, `tie`, `quality`, `price`, `total` (exact numbers), `reasons`,
///   and per criterion `criterion`, `weight`, `moderated`, `method`, `weighted`. Panel members'
///   own scores are left out: they are people, not organisations, and stay in the JSON export.
/// - `awards`: one award to the bid ranked first, `status` from ``OCDSOptions/awardStatus``
///   (`pending` by default: standstill has not ended), its `value` the winner's price.
///
/// Refusals: a provisional ranking never produces a release (it says nothing about who has won),
/// and neither does a tie for first place (the commissioners must resolve it first); both throw
/// ``ExportError``. When no bid is ranked, the release is tagged `tenderUpdate`, the tender's
/// status is `unsuccessful`, and there is no award.
///
/// Offline: `libcoveocds` tries to download the extensions a package lists. Offline, it reports
/// the bids extension under `extensions.invalid_extension` ("fetching failed"), validates against
/// the core schema, and lists `bids` among the additional fields: `validation_errors` stays
/// empty. Online, the fields are checked against the extension's schema. Set
/// ``OCDSOptions/listsBidExtension`` to false to leave `extensions` out.
public enum OCDSReleasePackage {
    public static func render(_ report: TenderReport, options: OCDSOptions) throws(ExportError) -> String {
        try value(report, options: options).serialised()
    }

    static func value(_ report: TenderReport, options: OCDSOptions) throws(ExportError) -> JSONValue {
        let ranking = report.ranking
        guard ranking.isFinal else {
            throw ExportError(
                .provisionalRanking,
                "an OCDS award release needs a final ranking; "
                    + "\(Wording.count(ranking.missingItems.count, "answer still has", "answers still have")) no moderated score")
        }
        let leaders = ranking.leaders
        guard leaders.count <= 1 else {
            throw ExportError(
                .tiedFirstPlace,
                "\(Wording.list(leaders)) are tied for first place; resolve the tie before publishing an award")
        }
        let winner = leaders.first.flatMap(ranking.entry(for:))
        let date = Wording.isoDateTime(report.generatedAt)
        let parties = report.submissions.map { party(for: $0, tender: report.tender) }
        let partyBySubmission = Dictionary(uniqueKeysWithValues: zip(report.submissions.map(\.id), parties))
        let stamp = date.filter { $0.isNumber }

        var partyValues: [JSONValue] = [
            .object([
                ("id", .string(options.buyer.id)), ("name", .string(options.buyer.name)), ("roles", .array([.string("buyer")])),
            ])
        ]
        for (submission, party) in zip(report.submissions, parties) {
            var members: [(String, JSONValue)] = [("id", .string(party.id)), ("name", .string(party.name))]
            if let registration = submission.bidder.registration {
                members.append(
                    ("identifier", .object([
                        ("scheme", .string(registration.scheme)), ("id", .string(registration.identifier)),
                        ("legalName", .string(submission.bidder.name)),
                    ])))
            }
            if let locality = submission.bidder.locality {
                members.append(("address", .object([("locality", .string(locality))])))
            }
            let roles = submission.id == winner?.submission ? ["tenderer", "supplier"] : ["tenderer"]
            members.append(("roles", .array(roles.map { .string($0) })))
            partyValues.append(.object(members))
        }

        let tenderers = JSONValue.array(parties.map(reference))
        let tender = JSONValue.object([
            ("id", .string(report.tender)),
            ("title", .string(report.title)),
            ("status", .string(winner == nil ? "unsuccessful" : "complete")),
            ("awardCriteria", .string("ratedCriteria")),
            ("awardCriteriaDetails", .string(awardCriteriaDetails(report.criteria))),
            ("tenderers", tenderers),
            ("numberOfTenderers", .number(report.submissions.count)),
        ])

        var details: [JSONValue] = []
        for submission in report.submissions {
            let ranked = ranking.entry(for: submission.id)
            let failed = ranking.failed.first { $0.submission == submission.id }
            var members: [(String, JSONValue)] = [
                ("id", .string(submission.id)),
                ("date", .string(Wording.isoDateTime(submission.submitted))),
                ("status", .string(ranked != nil ? "valid" : "disqualified")),
                ("tenderers", .array(partyBySubmission[submission.id].map { [reference($0)] } ?? [])),
            ]
            if let price = submission.price {
                members.append(("value", money(price.amount, price.currency)))
            }
            members.append(("tenderscore", scoreDetail(ranked: ranked, failed: failed, criteria: report.criteria)))
            details.append(.object(members))
        }
        let bids = JSONValue.object([
            ("statistics", .array([
                .object([("id", .string("bids")), ("measure", .string("bids")), ("value", .number(report.submissions.count))]),
                .object([
                    ("id", .string("validBids")), ("measure", .string("validBids")), ("value", .number(ranking.ranked.count)),
                ]),
            ])),
            ("details", .array(details)),
        ])

        var release: [(String, JSONValue)] = [
            ("ocid", .string("\(options.ocidPrefix)-\(report.tender)")),
            ("id", .string("\(report.tender)-\(winner == nil ? "update" : "award")-\(stamp)")),
            ("date", .string(date)),
            ("tag", .array([.string(winner == nil ? "tenderUpdate" : "award")])),
            ("initiationType", .string("tender")),
            ("parties", .array(partyValues)),
            ("buyer", .object([("id", .string(options.buyer.id)), ("name", .string(options.buyer.name))])),
            ("tender", tender),
            ("bids", bids),
        ]
        if let winner, let party = partyBySubmission[winner.submission] {
            var award: [(String, JSONValue)] = [
                ("id", .string("\(report.tender)-award-1")),
                ("title", .string("\(report.title): award to \(party.name)")),
                ("status", .string(options.awardStatus.rawValue)),
                ("date", .string(date)),
                ("suppliers", .array([reference(party)])),
            ]
            if let price = report.submission(winner.submission)?.price {
                award.append(("value", money(price.amount, price.currency)))
            }
            release.append(("awards", .array([.object(award)])))
        }

        var package: [(String, JSONValue)] = [
            ("uri", .string(options.packageURI)),
            ("publishedDate", .string(date)),
            ("publisher", .object([("name", .string(options.publisherName))])),
            ("version", .string("1.1")),
        ]
        if options.listsBidExtension {
            package.append(("extensions", .array([.string(OCDSOptions.bidExtension)])))
        }
        package.append(("releases", .array([.object(release)])))
        return .object(package)
    }

    private static func party(for submission: Submission, tender: String) -> OCDSOrganisation {
        let id = submission.bidder.registration.map { "\($0.scheme)-\($0.identifier)" } ?? "\(tender)-\(submission.id)"
        return OCDSOrganisation(id: id, name: submission.bidder.name)
    }

    private static func reference(_ party: OCDSOrganisation) -> JSONValue {
        .object([("id", .string(party.id)), ("name", .string(party.name))])
    }

    private static func money(_ amount: Decimal, _ currency: String) -> JSONValue {
        .object([("amount", .number(amount)), ("currency", .string(currency))])
    }

    private static func scoreDetail(ranked: RankedSubmission?, failed: FailedSubmission?, criteria: Criteria) -> JSONValue {
        var members: [(String, JSONValue)] = []
        let scores: [CriterionScore]
        if let ranked {
            members += [
                ("rank", .number(ranked.rank)), ("tie", .bool(ranked.isTied)), ("quality", .number(ranked.quality)),
                ("price", .number(ranked.price?.points)), ("total", .number(ranked.total)),
            ]
            scores = ranked.criteria
        } else if let failed {
            members += [
                ("quality", .number(failed.quality)),
                ("reasons", .array(failed.reasonTexts.map { .string($0) })),
            ]
            scores = failed.criteria
        } else {
            scores = []
        }
        members.append(("framework", .string(criteria.id)))
        members.append(
            ("criteria", .array(scores.map { score in
                .object([
                    ("criterion", .string(score.criterion)),
                    ("weight", .number(score.weight)),
                    ("moderated", .number(score.moderated.value)),
                    ("method", .string(score.moderated.method.name)),
                    ("weighted", .number(score.weighted)),
                ])
            })))
        return .object(members)
    }

    /// The award criteria in plain words, as a bidder or auditor needs them.
    static func awardCriteriaDetails(_ criteria: Criteria) -> String {
        var parts: [String] = []
        let scale = criteria.scale
        let list = criteria.criteria.map { criterion in
            var text = "\(criterion.title) (\(criterion.id)), weight \(criterion.weight.jsonText)"
            if let threshold = criterion.threshold { text += ", minimum score \(threshold)" }
            return text
        }
        parts.append("Marks out of \(criteria.totalWeight.jsonText). Quality criteria: " + list.joined(separator: "; ") + ".")
        parts.append(
            "Each answer is scored \(scale.min) to \(scale.max); a criterion earns weight × (score − \(scale.min)) ÷ "
                + "(\(scale.max) − \(scale.min)) marks. A bid scoring below a minimum is not ranked.")
        if let price = criteria.price {
            switch price.formula {
            case .lowestPrice:
                parts.append(
                    "Price, weight \(price.weight.jsonText): \(price.weight.jsonText) × lowest ranked price ÷ the bid's price.")
            case .relativeDifference:
                parts.append(
                    "Price, weight \(price.weight.jsonText): \(price.weight.jsonText) × (1 − (the bid's price − lowest ranked "
                        + "price) ÷ lowest ranked price), never below 0.")
            }
        }
        parts.append("Ranked by total marks, then by quality marks; equal bids are reported as tied.")
        return parts.joined(separator: " ")
    }
}
