import ArgumentParser
import Foundation
import TenderModel
import TenderScoring

/// `tenderscore agreement`: how far the panel agreed, per criterion and overall.
struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Agreement statistics: Krippendorff's alpha per criterion and overall, and each member's lean.",
        discussion: "Alpha below 0.667 is read as unreliable, 0.667 to 0.8 as tentative, 0.8 and above as reliable (Krippendorff's guidance).")

    @OptionGroup var store: StoreOptions

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    func run() throws {
        let tender = try OpenTender(store, readOnly: true)
        try tender.requireIndependenceRespected(actor: store.actingPerson, doing: "see the agreement statistics")
        let report = tender.evaluation.agreement()
        let coProduction = tender.evaluation.coProduction()
        switch format {
        case .table:
            Terminal.print("Agreement of the panel (Krippendorff's alpha)")
            Terminal.print(Self.row("criterion", "ordinal", "interval", "reading"))
            for criterion in report.criteria {
                Terminal.print(Self.row(criterion.criterion, criterion.alpha.ordinal, criterion.alpha.interval))
            }
            Terminal.print(Self.row("overall", report.overall.ordinal, report.overall.interval))
            Terminal.print()
            Terminal.print("Each member's lean against the moderated scores (positive: scores higher)")
            for member in report.members {
                let lean = member.meanDeviation.map { ($0 >= 0 ? "+" : "") + $0.displayText } ?? "n/a"
                Terminal.print("  \(tender.memberName(member.member)): \(lean) over \(member.items) items")
            }
            Terminal.print()
            if let warning = coProduction.warning { Terminal.print("Warning: \(warning)") }
            for gap in coProduction.flaggedCriteria {
                Terminal.print(
                    "Lived experience view differs on \(gap.criterion): experts by experience and carers \(gap.livedExperienceMean.displayText), others \(gap.othersMean.displayText). Discuss it in moderation.")
            }
        case .json:
            func alpha(_ value: KrippendorffAlpha) -> Any {
                value.value.map { ["value": $0, "reading": value.reliability?.rawValue ?? NSNull()] as [String: Any] }
                    ?? ["value": NSNull(), "reading": NSNull(), "undefined": value.undefined?.description ?? ""]
            }
            let object: [String: Any] = [
                "tender": tender.summary.id,
                "criteria": report.criteria.map {
                    ["criterion": $0.criterion, "ordinal": alpha($0.alpha.ordinal), "interval": alpha($0.alpha.interval),
                     "nominal": alpha($0.alpha.nominal)] as [String: Any]
                },
                "overall": ["ordinal": alpha(report.overall.ordinal), "interval": alpha(report.overall.interval),
                            "nominal": alpha(report.overall.nominal)],
                "members": report.members.map {
                    ["member": $0.member, "role": $0.role.rawValue, "items": $0.items,
                     "meanDeviation": $0.meanDeviation.map { NSDecimalNumber(decimal: $0) } ?? NSNull()] as [String: Any]
                },
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            Terminal.print(String(decoding: data, as: UTF8.self))
        }
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
