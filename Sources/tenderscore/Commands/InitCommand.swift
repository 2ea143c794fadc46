import ArgumentParser
import Foundation
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

    @Option(help: "The contract's budget in the framework's currency (for example 1250000.00); the decision report sets the recommended bid's price against it.")
    var budget: String?

    func validate() throws {
        if let budget, Self.amount(budget) == nil {
            throw ValidationError("--budget takes an amount such as 1250000.00 (digits, at most one decimal point, above zero); '\(budget)' is not one")
        }
    }

    /// A plain decimal amount above zero (``BudgetAmount``, as the web app's set-up takes it).
    static func amount(_ text: String) -> Decimal? { BudgetAmount.parse(text) }

    func run() async throws {
        guard let tender = store.tenderID else {
            throw ValidationError("Missing expected argument '--tender <tender>': name the new tender, as bids name it.")
        }
        let person = try store.person()
        let storage = try await StoreOptions.storageForNewTender(store.storeSpec)
        let document = try documents.read(criteria)
        let created = try await Tender.create(
            in: storage, tender: tender, criteria: document, title: title, budget: budget.flatMap(Self.amount), by: person,
            documentOptions: documents.readOptions)
        let snapshot = try await created.snapshot()
        let summary = snapshot.summary
        Terminal.print("Set up tender \(summary.id) in \(store.storeName)")
        Terminal.print("Criteria: \(summary.criteriaID) version \(summary.criteriaVersion), SHA-256 \(summary.criteriaSHA256)")
        Terminal.print("History: \(snapshot.eventCount) event, head \(snapshot.head)")
    }
}
