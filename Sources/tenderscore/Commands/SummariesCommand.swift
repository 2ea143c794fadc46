import ArgumentParser
import TenderWorkflow
import Foundation
import TenderExport

/// `tenderscore summaries`: one assessment summary per bidder, for the award letters.
struct SummariesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summaries",
        abstract: "Write one assessment summary per bidder (HTML and Markdown).",
        discussion: """
            As the Procurement Act 2023 asks (Procurement Regulations 2024, regulation 31): the award \
            criteria and weights, the bidder's score on each with the panel's reasons, the total, and \
            for an unsuccessful bidder the same for the winning bid. Needs a final ranking.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The folder to write the summaries to (created if missing).")
    var output: String

    func run() async throws {
        let person = try store.person()
        let view = try await store.tender(readOnly: true).view(for: person, doing: "see the assessment summaries", .outputs)
        // The summaries show the import warnings, never the sensitivity report.
        let report = try view.report(provisional: false, only: [.importWarnings])
        let summaries = try AssessmentSummary.all(for: report)
        let files = try AssessmentSummary.write(summaries, to: URL(fileURLWithPath: output), protecting: store.protectedFiles)
        Terminal.write(summaries.map { summary in
            let outcome: String
            switch summary.outcome {
            case .successful: outcome = "successful"
            case .unsuccessful: outcome = "unsuccessful"
            case .notRanked: outcome = "not ranked (below a minimum score, or no usable price)"
            }
            return .output("\(summary.submission) \(summary.bidder): \(outcome)")
        })
        Terminal.print("Wrote \(files.count) files to \(output)")
        OpenedStores.finish()
    }
}
