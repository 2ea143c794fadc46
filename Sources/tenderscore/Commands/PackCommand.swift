import ArgumentParser
import TenderWorkflow
import Foundation
import TenderExport

/// `tenderscore pack`: the evaluation pack one panel member reads before scoring.
struct PackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Write the evaluation pack one panel member reads: each bid they may score beside the questions, guidance and scale.",
        discussion: "Prices are left out: quality is scored without seeing price. Bids the member declared a conflict with are left out.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The panel member's id.")
    var panelist: String

    @Option(help: "The folder to write the pack to (created if missing).")
    var output: String

    @Flag(help: "Replace bidder names with neutral labels (Bidder A, Bidder B...).")
    var anonymise = false

    func run() async throws {
        let tender = try await store.tender(readOnly: true).view(for: try store.person(), doing: nil, .responses)
        let pack = try EvaluationPack(
            tender: tender.summary.id, title: tender.summary.title, criteria: tender.criteria,
            submissions: tender.submissions, panel: tender.panel, panelist: panelist, anonymise: anonymise,
            importWarnings: tender.importWarnings, generatedAt: Date())
        let files = try pack.write(to: URL(fileURLWithPath: output), protecting: store.protectedFiles)
        Terminal.print("Wrote the evaluation pack for \(tender.memberName(panelist)): \(files.count) files in \(output)")
        if let index = files.first(where: { $0.lastPathComponent == "index.html" }) {
            Terminal.print("Start with \(index.path)")
        }
    }
}
