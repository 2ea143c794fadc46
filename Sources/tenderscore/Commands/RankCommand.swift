import ArgumentParser
import Foundation
import TenderExport
import TenderScoring

/// `tenderscore rank`: the ranking from the moderated results, in the format asked for.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank the bids from the moderated results (table, CSV, JSON, OCDS or an HTML report).",
        discussion: """
            Refused while any item lacks a moderated score, listing the items, unless --provisional; \
            every provisional output says so plainly. OCDS needs a final ranking and --buyer-name.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "table, csv, json, ocds or html.")
    var format: Format = .table

    @Flag(help: "Rank on what is known while items still lack a moderated score.")
    var provisional = false

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "OCDS: the contracting authority's name.")
    var buyerName: String?

    @Option(help: "OCDS: the contracting authority's identifier (default: from its name).")
    var buyerID: String?

    @Option(help: "OCDS: the publisher's registered ocid prefix.")
    var ocidPrefix = "ocds-tenderscore"

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, ocds, html
    }

    func validate() throws {
        if format == .ocds && (buyerName ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--format ocds needs --buyer-name: OCDS names the contracting authority")
        }
    }

    func run() throws {
        let tender = try OpenTender(store, readOnly: true)
        try tender.requireIndependenceRespected(actor: store.actingPerson, doing: "see the ranking")
        let report = try ReportBuilder.report(tender, provisional: provisional)
        let text: String
        switch format {
        case .table:
            let colour = output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            text = RankingTable.render(report, colour: colour)
        case .csv:
            text = RankingCSV.render(report)
        case .json:
            text = RankingJSON.render(report)
        case .html:
            text = try DecisionReport.render(report)
        case .ocds:
            let name = buyerName ?? ""
            let id = buyerID ?? Self.slug(name)
            text = try OCDSReleasePackage.render(
                report,
                options: OCDSOptions(
                    ocidPrefix: ocidPrefix, buyer: OCDSOrganisation(id: id, name: name), publisherName: name,
                    packageURI: "urn:tenderscore:\(tender.summary.id):award"))
        }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            Terminal.print("Wrote the \(report.isProvisional ? "provisional " : "")ranking as \(format.rawValue) to \(output)")
        } else {
            FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
        }
    }

    static func slug(_ name: String) -> String {
        let words = name.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.isEmpty ? "buyer" : words.joined(separator: "-")
    }
}

/// Builds the report every output is rendered from, turning "not ready" into a refusal that
/// lists what is missing.
enum ReportBuilder {
    static func report(_ tender: OpenTender, provisional: Bool) throws -> TenderReport {
        do {
            return try TenderReport(
                tender: tender.summary.id, title: tender.summary.title, evaluation: tender.evaluation,
                mode: provisional ? .provisional : .final, importWarnings: ImportWarnings.byBid(tender),
                isFinalised: tender.summary.isFinalised, generatedAt: Date())
        } catch {
            let pending = tender.evaluation.pendingItems
            guard !pending.isEmpty else { throw Refusal(error.message) }
            let lines = pending.map { "  \($0.item.submission) \($0.item.criterion): \($0.method.description)" }
            throw Refusal(
                "\(pending.count) item\(pending.count == 1 ? " has" : "s have") no moderated score yet, so there is no final ranking "
                    + "(use --provisional to see where things stand):\n" + lines.joined(separator: "\n"))
        }
    }
}
