import ArgumentParser
import TenderWorkflow

/// `tenderscore init`: sets up a tender in a new store, adopting its criteria for good.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a tender with its criteria framework, in a new store file or a PostgreSQL database.",
        discussion: "The framework is fixed from this moment: its SHA-256 is recorded and it never changes.")

    @OptionGroup var store: StoreOptions

    @OptionGroup var documents: DocumentOptions

    @Option(help: "The criteria framework file (see Criteria/).")
    var criteria: String

    @Option(help: "A title for the tender.")
    var title: String?

    func run() async throws {
        guard let tender = store.tenderID else {
            throw ValidationError("Missing expected argument '--tender <tender>': name the new tender, as bids name it.")
        }
        let person = try store.person()
        let storage = try await StoreOptions.storageForNewTender(store.storeSpec)
        let document = try documents.read(criteria)
        let created = try await Tender.create(
            in: storage, tender: tender, criteria: document, title: title, by: person, documentOptions: documents.readOptions)
        let snapshot = try await created.snapshot()
        let summary = snapshot.summary
        Terminal.print("Set up tender \(summary.id) in \(store.storeName)")
        Terminal.print("Criteria: \(summary.criteriaID) version \(summary.criteriaVersion), SHA-256 \(summary.criteriaSHA256)")
        Terminal.print("History: \(snapshot.eventCount) event, head \(snapshot.head)")
    }
}
