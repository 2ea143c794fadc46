import Foundation
import TenderExport
import TenderScoring
import TenderStore

/// Every format TenderScore writes, in one place: what each listing can be written as, and the
/// one function that writes it. Front ends choose a format by name and print or save the text.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json, ocds, html

    /// The formats of the ranking.
    public static let ranking: [OutputFormat] = [.table, .csv, .json, .ocds, .html]
    /// The formats of the agreement statistics and of the history.
    public static let listing: [OutputFormat] = [.table, .json]

    /// What a ranking report in this format shows beyond the ranking, agreement and co-production
    /// check: CSV and JSON show neither the sensitivity report (a dozen re-rankings) nor the
    /// import warnings (worked out from every answer of every bid, hundreds of megabytes on a
    /// national framework), so a ranking in those formats works out neither and reads no answer.
    public var rankingParts: ReportParts {
        switch self {
        case .csv, .json, .ocds: []
        case .table: [.importWarnings]
        case .html: .all
        }
    }

    /// What a ranking in this format reads: each bid whole where it shows import warnings or,
    /// for OCDS, the bidders' registrations and localities; CSV and JSON need only the columns.
    /// No format shows a score's rationale.
    public var rankingScope: SnapshotScope {
        self == .csv || self == .json ? .withoutRationales : .outputs
    }

    /// The ranking in this format. OCDS needs `ocds`; a table in colour only for a terminal.
    public func render(
        _ report: TenderReport, ocds: OCDSOptions? = nil, colour: Bool = false, decision: DecisionRecordInputs = .init()
    ) throws -> String {
        switch self {
        case .table: return RankingTable.render(report, colour: colour)
        case .csv: return RankingCSV.render(report)
        case .json: return RankingJSON.render(report)
        case .html: return try DecisionReport.render(report, inputs: decision)
        case .ocds:
            guard let ocds else {
                throw StoreError(.invalidInput, "the OCDS format needs the contracting authority's name (--buyer-name)")
            }
            return try OCDSReleasePackage.render(report, options: ocds)
        }
    }

    /// The agreement statistics in this format (table or JSON).
    public func render(agreement view: TenderView) throws -> String {
        let report = view.evaluation.agreement()
        let coProduction = view.evaluation.coProduction()
        guard self == .json else {
            var lines = ["Agreement of the panel (Krippendorff's alpha)", Self.row("criterion", "ordinal", "interval", "reading")]
            for criterion in report.criteria {
                lines.append(Self.row(criterion.criterion, criterion.alpha.ordinal, criterion.alpha.interval))
            }
            lines.append(Self.row("overall", report.overall.ordinal, report.overall.interval))
            lines.append("")
            lines.append("Each member's lean against the moderated scores (positive: scores higher)")
            for member in report.members {
                let lean = member.meanDeviation.map { ($0 >= 0 ? "+" : "") + $0.displayText } ?? "n/a"
                lines.append("  \(view.memberName(member.member)): \(lean) over \(member.items) items")
            }
            lines.append("")
            if let warning = coProduction.warning { lines.append("Warning: \(warning)") }
            for gap in coProduction.flaggedCriteria {
                lines.append(
                    "Lived experience view differs on \(gap.criterion): experts by experience and carers \(gap.livedExperienceMean.displayText), others \(gap.othersMean.displayText). Discuss it in moderation.")
            }
            return lines.joined(separator: "\n")
        }
        func alpha(_ value: KrippendorffAlpha) -> JSONValue {
            guard let number = value.value else {
                return .object([("value", .null), ("reading", .null), ("undefined", .string(value.undefined?.description ?? ""))])
            }
            return .object([("value", .number(number)), ("reading", .string(value.reliability?.rawValue))])
        }
        let object = JSONValue.object([
            ("tender", .string(view.summary.id)),
            ("criteria", .array(report.criteria.map {
                .object([
                    ("criterion", .string($0.criterion)), ("ordinal", alpha($0.alpha.ordinal)),
                    ("interval", alpha($0.alpha.interval)), ("nominal", alpha($0.alpha.nominal)),
                ])
            })),
            ("overall", .object([
                ("ordinal", alpha(report.overall.ordinal)), ("interval", alpha(report.overall.interval)),
                ("nominal", alpha(report.overall.nominal)),
            ])),
            ("members", .array(report.members.map {
                .object([
                    ("member", .string($0.member)), ("role", .string($0.role.rawValue)), ("items", .number($0.items)),
                    ("meanDeviation", .number($0.meanDeviation)),
                ])
            })),
        ])
        return object.serialised()
    }

    /// The history in this format (table or JSON). Every stored text in the table is made safe
    /// to print: no recorded name or reason can forge a line.
    public func render(history events: [HistoryEvent]) throws -> String {
        guard self == .json else {
            var lines = events.map { event -> String in
                let reason = event.reason.map { " (why: \(SafeText.terminal($0)))" } ?? ""
                return "#\(event.sequence)  \(event.timestamp)  \(SafeText.terminal(event.actor))  \(event.kind.words): \(SafeText.terminal(event.summary))\(reason)"
            }
            lines.append("\(events.count) event\(events.count == 1 ? "" : "s")")
            return lines.joined(separator: "\n")
        }
        let rows = events.map { event -> JSONValue in
            .object([
                ("sequence", .number(event.sequence)), ("time", .string(event.timestamp)), ("actor", .string(event.actor)),
                ("kind", .string(event.kind.rawValue)), ("summary", .string(event.summary)),
                ("reason", .string(event.reason)), ("amends", event.amends.map { .number($0) } ?? .null),
                ("submissions", .array(event.submissions.map { .string($0) })),
                ("members", .array(event.members.map { .string($0) })),
                // The canonical payload is valid JSON as stored; an unreadable one is shown as text.
                ("payload", CanonicalJSON.isCanonical(event.payload) ? .embedded(event.payload) : .string(event.payload)),
                ("previousHash", .string(event.previousHash)), ("hash", .string(event.hash)),
            ])
        }
        return JSONValue.array(rows).serialised()
    }

    private static func row(_ name: String, _ ordinal: String, _ interval: String, _ reading: String) -> String {
        name.padding(toLength: 22, withPad: " ", startingAt: 0) + ordinal.padding(toLength: 10, withPad: " ", startingAt: 0)
            + interval.padding(toLength: 10, withPad: " ", startingAt: 0) + reading
    }

    private static func row(_ name: String, _ ordinal: KrippendorffAlpha, _ interval: KrippendorffAlpha) -> String {
        let format: (KrippendorffAlpha) -> String = { $0.value.map { String(format: "%.3f", $0) } ?? "n/a" }
        let reading = ordinal.reliability?.rawValue ?? (ordinal.undefined?.description ?? "n/a")
        return row(name, format(ordinal), format(interval), reading)
    }
}
