import Foundation
import TenderModel
import TenderScoring

/// `rank --format json`: the ranking as SPEC.md fixes it, for other tools.
///
/// Keys come in SPEC.md's order: `tender`, `criteria`, `final`, then (provisional rankings only)
/// `provisional` and `missing`, then `ranking` and `failed`, then `warnings` when there are any.
///
/// - `final` is true once the scores have been frozen with `tenderscore finalise`
///   (``TenderReport/isFinalised``); a provisional ranking is never final.
/// - `provisional: true` marks a ranking made while items still lack a moderated score, and
///   `missing` lists those items as `{ "submission", "criterion" }`, sorted. Both keys are absent
///   from a ranking in which every item is settled.
/// - Numbers are exact: every digit of the `Decimal` arithmetic (`28.333…` to 38 significant
///   digits), never rounded through a binary float. `price` is null for a quality-only framework;
///   a pending item's `moderated` and `weighted` are null, and its `method` is `"none"`.
/// - `scores` holds each member's own score, keyed by member id in id order; conflicted members,
///   and members who have not scored, are absent.
/// - `warnings` carries what every report must say (a panel that was not co-produced, the
///   zero-price rule).
public enum RankingJSON {
    public static func render(_ report: TenderReport) -> String {
        value(report).serialised()
    }

    static func value(_ report: TenderReport) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("tender", .string(report.tender)),
            ("criteria", .string(report.criteria.id)),
            ("final", .bool(report.isFinalised)),
        ]
        if report.isProvisional {
            members.append(("provisional", .bool(true)))
            members.append(
                ("missing", .array(report.ranking.missingItems.map { item in
                    .object([("submission", .string(item.submission)), ("criterion", .string(item.criterion))])
                })))
        }
        members.append(("ranking", .array(report.ranking.ranked.concurrentMap(entry))))
        members.append(
            ("failed", .array(report.ranking.failed.map { failed in
                .object([
                    ("submission", .string(failed.submission)),
                    ("bidder", .string(failed.bidder)),
                    ("reasons", .array(failed.reasonTexts.map { .string($0) })),
                ])
            })))
        let warnings = report.reportWarnings
        if !warnings.isEmpty {
            members.append(("warnings", .array(warnings.map { .string($0) })))
        }
        return .object(members)
    }

    private static func entry(_ entry: RankedSubmission) -> JSONValue {
        .object([
            ("rank", .number(entry.rank)),
            ("tie", .bool(entry.isTied)),
            ("submission", .string(entry.submission)),
            ("bidder", .string(entry.bidder)),
            ("quality", .number(entry.quality)),
            ("price", .number(entry.price?.points)),
            ("total", .number(entry.total)),
            ("criteria", .array(entry.criteria.map(criterion))),
        ])
    }

    static func criterion(_ score: CriterionScore) -> JSONValue {
        let own = score.moderated.scores.scores.sorted { $0.key < $1.key }
        return .object([
            ("criterion", .string(score.criterion)),
            ("scores", .object(own.map { ($0.key, .number($0.value)) })),
            ("moderated", .number(score.moderated.value)),
            ("method", .string(score.moderated.method.name)),
            ("weighted", .number(score.weighted)),
        ])
    }
}
