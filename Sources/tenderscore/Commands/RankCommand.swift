import ArgumentParser
import Foundation
import TenderExport
import TenderWorkflow

/// `tenderscore rank`: the ranking from the moderated results, in the format asked for.
struct RankCommand: AsyncParsableCommand {
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

    @Option(help: "Write to this file instead of standard output (never over the store; an existing file only with --replace).")
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var replace = false

    @Option(help: "OCDS: the contracting authority's name.")
    var buyerName: String?

    @Option(help: "OCDS: the contracting authority's identifier (default: from its name).")
    var buyerID: String?

    @Option(help: "OCDS: the publisher's registered ocid prefix.")
    var ocidPrefix = "ocds-tenderscore"

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, ocds, html

        var output: OutputFormat { OutputFormat(rawValue: rawValue) ?? .table }
    }

    func validate() throws {
        if format == .ocds && (buyerName ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--format ocds needs --buyer-name: OCDS names the contracting authority")
        }
    }

    func run() async throws {
        let person = try store.person()
        let tender = try await store.tender(readOnly: true)
        // Only what the format shows is read and worked out (OutputFormat.rankingParts).
        let view = try await tender.view(for: person, doing: "see the ranking", format.output.rankingScope)
        let report = try view.report(provisional: provisional, only: format.output.rankingParts)
        let colour = output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var ocds: OCDSOptions?
        if format == .ocds {
            // An award record announces the award: never from a tender that is not final.
            guard view.summary.isFinalised else {
                throw Refusal(
                    "the OCDS award record announces an award, and tender \(view.summary.id) is not finalised yet; finalise it first (`tenderscore finalise --reason …`)")
            }
            ocds = .award(tender: view.summary.id, buyerName: buyerName ?? "", buyerID: buyerID, ocidPrefix: ocidPrefix)
        }
        let text = try format.output.render(
            report, ocds: ocds, colour: colour, decision: try await tender.decisionRecord(view))
        if let output {
            try OutputFile(path: URL(fileURLWithPath: output), protecting: store.protectedFiles, replace: replace).write(text)
            Terminal.print("Wrote the \(report.isProvisional ? "provisional " : "")ranking as \(format.rawValue) to \(output)")
        } else {
            FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
        }
        OpenedStores.finish()
    }
}
