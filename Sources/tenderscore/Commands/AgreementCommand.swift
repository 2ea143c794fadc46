import ArgumentParser
import TenderWorkflow

/// `tenderscore agreement`: how far the panel agreed, per criterion and overall.
struct AgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Agreement statistics: Krippendorff's alpha per criterion and overall, and each member's lean.",
        discussion: "Alpha below 0.667 is read as unreliable, 0.667 to 0.8 as tentative, 0.8 and above as reliable (Krippendorff's guidance).")

    @OptionGroup var store: StoreOptions

    @Option(help: "table or json.")
    var format: ListingFormat = .table

    func run() async throws {
        let person = try store.person()
        let view = try await store.tender(readOnly: true).view(for: person, doing: "see the agreement statistics")
        Terminal.print(try format.output.render(agreement: view))
        OpenedStores.finish()
    }
}

/// `table` or `json`: the formats of listings (agreement, history).
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json

    var output: OutputFormat { self == .json ? .json : .table }
}
