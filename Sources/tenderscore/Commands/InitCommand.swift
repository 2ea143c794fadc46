import ArgumentParser
import TenderSQLite
import TenderWorkflow

/// `tenderscore init`: sets up a tender in a new store, adopting its criteria for good.
struct InitCommand: AsyncParsableCommand {
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

    func run() async throws {
        let person = try store.person()
        let storage = try SQLiteStorage.new(at: store.storePath)
        let document = try documents.read(criteria)
        let created = try await Tender.create(
            in: storage, tender: tender, criteria: document, title: title, by: person, documentOptions: documents.readOptions)
        let snapshot = try await created.snapshot()
        let summary = snapshot.summary
        Terminal.print("Set up tender \(summary.id) in \(store.storePath)")
        Terminal.print("Criteria: \(summary.criteriaID) version \(summary.criteriaVersion), SHA-256 \(summary.criteriaSHA256)")
        Terminal.print("History: \(snapshot.eventCount) event, head \(snapshot.head)")
    }
}
