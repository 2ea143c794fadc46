import ArgumentParser
import TenderWorkflow
import Foundation
import TenderExport
import TenderModel

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

    @Option(
        name: .customLong("other-name"),
        help: "With --anonymise: another name a bidder goes by, replaced too (BID-005=Beacon; repeat for more).")
    var otherNames: [String] = []

    func validate() throws {
        for pair in otherNames where Self.split(pair) == nil {
            throw ValidationError("--other-name takes BID=NAME (for example BID-005=Beacon); '\(pair)' has no '=' or an empty side")
        }
        if !otherNames.isEmpty && !anonymise {
            throw ValidationError("--other-name goes with --anonymise")
        }
    }

    static func split(_ pair: String) -> (bid: String, name: String)? {
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        let bid = pair[..<equals].trimmingCharacters(in: .whitespaces)
        let name = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        return bid.isEmpty || name.isEmpty ? nil : (bid, name)
    }

    func run() async throws {
        let opened = try await store.tender(readOnly: true)
        let tender = try await opened.view(for: try store.person(), doing: nil, .responses)
        let declared = Dictionary(grouping: otherNames.compactMap(Self.split), by: \.bid).mapValues { $0.map(\.name) }
        if let unknown = declared.keys.sorted().first(where: { id in !tender.submissions.contains { $0.id == id } }) {
            throw Refusal("--other-name names \(unknown), which is not a bid of this tender")
        }
        let submissions = tender.submissions.map { submission -> Submission in
            var named = submission
            named.bidder.alsoKnownAs += declared[submission.id] ?? []
            return named
        }
        let pack = try EvaluationPack(
            tender: tender.summary.id, title: tender.summary.title, criteria: tender.criteria,
            submissions: submissions, panel: tender.panel, panelist: panelist, anonymise: anonymise,
            importWarnings: tender.importWarnings, evidence: try await opened.packEvidence(for: panelist, view: tender),
            generatedAt: Date())
        let files = try pack.write(to: URL(fileURLWithPath: output), protecting: store.protectedFiles)
        Terminal.print("Wrote the evaluation pack for \(tender.memberName(panelist)): \(files.count) files in \(output)")
        if let index = files.first(where: { $0.lastPathComponent == "index.html" }) {
            Terminal.print("Start with \(index.path)")
        }
    }
}
