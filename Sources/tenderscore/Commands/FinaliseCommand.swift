import ArgumentParser

/// `tenderscore finalise`: freezes the scores once every item has a moderated score.
struct FinaliseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finalise",
        abstract: "Freeze the tender's scores; later changes are refused.",
        discussion: "Refused while any item lacks a moderated score. Prints the history's head hash: write it down, it is what 'audit verify --expect-head' checks against.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Why the scores are final (for example, the panel's sign-off meeting).")
    var reason: String

    @Option(name: .customLong("condition"), help: "A condition the panel attaches to the award (repeat for more); the decision report lists them.")
    var conditions: [String] = []

    func run() async throws {
        let person = try store.person()
        let tender = try await store.tender()
        let head = try await tender.finalise(reason: reason, conditions: conditions, by: person)
        Terminal.print("Tender \(tender.id) is final. No score or consensus can change from now on.")
        Terminal.print("Head of the history: \(head)")
        Terminal.print("Keep this hash: 'tenderscore audit verify --expect-head \(head)' proves nothing was removed since.")
    }
}
