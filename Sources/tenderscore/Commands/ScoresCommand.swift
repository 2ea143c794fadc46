import ArgumentParser
import Foundation
import TenderExport
import TenderModel
import TenderWorkflow

struct ScoresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores", abstract: "Blank scoresheets and panel members' scores.",
        subcommands: [Template.self, Import.self, Withdraw.self])

    struct Template: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "template",
            abstract: "Print a blank scoresheet for exactly the items one member may score.",
            discussion: """
                Conflicts are left out. Fill in a score and a rationale for each row; a row left with \
                neither is 'not scored yet', so a sheet can be handed in part-filled and completed later.
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "The panel member's id.")
        var panelist: String

        @Option(help: "csv or xml.")
        var format: SheetFormat = .csv

        @Option(help: "Write the template to this file instead of standard output (an existing file only with --replace).")
        var output: String?

        @Flag(help: "Replace the --output file if it exists.")
        var replace = false

        enum SheetFormat: String, ExpressibleByArgument, CaseIterable {
            case csv, xml
        }

        func run() async throws {
            let tender = try await store.tender(readOnly: true)
            let (text, items) = try await tender.scoresheetTemplate(for: panelist, xml: format == .xml)
            if let output {
                try OutputFile(path: URL(fileURLWithPath: output), protecting: store.protectedFiles, replace: replace).write(text)
                Terminal.print("Wrote a blank scoresheet of \(items) items for \(panelist) to \(output)")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Record one member's scoresheet (XML or CSV), whole or not at all.",
            discussion: "Changing a score already given needs --reason; the history keeps the old score, the new one and the reason. After finalise every change is refused.")

        @OptionGroup var store: StoreOptions

        @OptionGroup var documents: DocumentOptions

        @Option(help: "Why scores already given are changed.")
        var reason: String?

        @Argument(help: "The scoresheet file (.xml or .csv).")
        var file: String

        func run() async throws {
            let person = try store.person()
            let tender = try await store.tender(documents: documents.readOptions)
            let report = try await tender.importScores(try documents.read(file), by: person, reason: reason)
            ImportOutput.print(report, what: "scoresheet")
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw",
            abstract: "Withdraw every score one member gave one bid, with a reason (a conflict declared after scoring).",
            discussion: """
                The commissioner does this; the history keeps each score withdrawn beside the reason. Then the \
                conflict can be recorded by importing the panel again with --reason.
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "The panel member whose scores are withdrawn.")
        var panelist: String

        @Option(help: "The bid.")
        var submission: String

        @Option(help: "Why the scores are withdrawn.")
        var reason: String

        func run() async throws {
            let person = try store.person()
            let events = try await store.tender().withdrawScores(
                member: panelist, submission: submission, reason: reason, by: person)
            for event in events { Terminal.print("#\(event.sequence) \(SafeText.terminal(event.summary))") }
            Terminal.print("Withdrew \(events.count) score\(events.count == 1 ? "" : "s") of \(panelist) on \(submission).")
        }
    }
}
