import ArgumentParser
import TenderStore
import TenderWorkflow

struct PanelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel", abstract: "Record the evaluation panel.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import the panel and its declared conflicts.",
            discussion: "Replacing a panel already recorded needs --reason, and is refused if a score already given would become invalid.")

        @OptionGroup var store: StoreOptions

        @OptionGroup var documents: DocumentOptions

        @Option(help: "Why the panel is being replaced (needed when one is already recorded).")
        var reason: String?

        @Argument(help: "The panel XML file.")
        var file: String

        func run() async throws {
            let person = try store.person()
            let tender = try await store.tender(documents: documents.readOptions)
            let report = try await tender.importPanel(try documents.read(file), by: person, reason: reason)
            ImportOutput.print(report, what: "panel")
        }
    }
}

/// How every import tells the person what happened.
enum ImportOutput {
    static func print(_ report: ImportReport, what: String) {
        for warning in report.warnings { Terminal.error(warning.description) }
        if report.events.isEmpty && report.unchanged == 0 {
            Terminal.print("Nothing recorded: the \(what) holds nothing to record yet.")
        } else if report.events.isEmpty {
            Terminal.print("Nothing changed: the \(what) is already recorded exactly so.")
        } else {
            if report.events.count <= 10 {
                for event in report.events { Terminal.print("#\(event.sequence) \(SafeText.terminal(event.summary))") }
            } else if let first = report.events.first, let last = report.events.last {
                let kinds = Dictionary(grouping: report.events, by: \.kind)
                    .sorted { $0.key.rawValue < $1.key.rawValue }
                    .map { "\($0.value.count) × \($0.key.words)" }
                Terminal.print(
                    "Events \(first.sequence) to \(last.sequence): \(kinds.joined(separator: ", ")). `tenderscore audit log` lists each one.")
            }
            let count = report.events.count
            Terminal.print(
                "Recorded \(count) event\(count == 1 ? "" : "s"). The history's head (the fingerprint of its latest event) is now \(report.head).")
        }
        if report.unchanged > 0 && !report.events.isEmpty {
            Terminal.print("\(report.unchanged) already recorded exactly so, left as they were.")
        }
    }
}
