import ArgumentParser
import TenderStore

/// `tenderscore init`: sets up a tender in a new store, adopting its criteria for good.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a tender in a new store with its criteria framework.",
        discussion: "The framework is fixed from this moment: its SHA-256 is recorded and it never changes.")

    @OptionGroup var store: StoreOptions

    @OptionGroup var documents: DocumentOptions

    @Option(help: "The tender's identifier, as bids name it (for example TND-2026-014).")
    var tender: String

    @Option(help: "The criteria framework file (see Criteria/).")
    var criteria: String

    @Option(help: "A title for the tender.")
    var title: String?

    func run() throws {
        let record = try TenderRecord.create(
            at: store.storePath, tender: tender, criteriaFile: criteria, title: title, actor: store.actingPerson,
            documentOptions: documents.readOptions)
        let summary = try record.tender()
        let head = try record.head()
        Terminal.print("Set up tender \(summary.id) in \(store.storePath)")
        Terminal.print("Criteria: \(summary.criteriaID) version \(summary.criteriaVersion), SHA-256 \(summary.criteriaSHA256)")
        Terminal.print("History: \(head.sequence) event, head \(head.hash)")
    }
}
