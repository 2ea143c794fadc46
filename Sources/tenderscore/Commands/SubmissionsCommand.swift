import ArgumentParser
import Foundation
import TenderWorkflow

struct SubmissionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submissions", abstract: "Record the bids received.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import bids: files, folders of .xml files, or bulk <submissions> files.",
            discussion: """
                Every file is checked before anything is stored; one bad file and nothing is imported, \
                with every problem listed. A bid already on record is refused unless --replace is given \
                with --reason; a bid that has been scored cannot be replaced.
                """)

        @OptionGroup var store: StoreOptions

        @OptionGroup var documents: DocumentOptions

        @Flag(help: "Declare the import a replacement of bids already on record.")
        var replace = false

        @Option(help: "Why the bids are replaced (required with --replace).")
        var reason: String?

        @Argument(help: "Bid files or folders.")
        var files: [String]

        func validate() throws {
            if replace && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--replace needs --reason: say why the bid is replaced")
            }
            if !replace && reason != nil {
                throw ValidationError("--reason goes with --replace")
            }
        }

        func run() async throws {
            let person = try store.person()
            let tender = try await store.tender(documents: documents.readOptions)
            let paths = DocumentFiles.expand(files, extensions: ["xml"])
            let bulk = paths.filter { BulkSubmissionSource.isBulk(path: $0) }
            let single = try paths.filter { !bulk.contains($0) }.map { try documents.read($0) }
            let report = try await tender.importSubmissions(
                single, bulk: bulk.map(BulkSubmissionSource.init), by: person, replacementReason: replace ? reason : nil)
            ImportOutput.print(report, what: "bids")
        }
    }
}
