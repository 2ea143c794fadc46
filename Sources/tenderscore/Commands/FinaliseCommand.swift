import ArgumentParser

/// `tenderscore finalise`: freezes the scores once every item has a moderated score.
struct FinaliseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finalise",
        abstract: "Freeze the tender's scores; later changes are refused.",
        discussion: "Refused while any item lacks a moderated score. Prints the history's head hash: write it down, it is what 'audit verify --expect-head' checks against.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Why the scores are final (for example, the panel's sign-off meeting).")
    var reason: String

    func run() throws {
        let tender = try OpenTender(store)
        let pending = tender.evaluation.pendingItems
        guard pending.isEmpty else {
            let lines = pending.map { "  \($0.item.submission) \($0.item.criterion): \($0.method.description)" }
            throw Refusal(
                "\(pending.count) item\(pending.count == 1 ? " has" : "s have") no moderated score yet, so the tender cannot be finalised:\n"
                    + lines.joined(separator: "\n"))
        }
        let head = try tender.record.finalise(reason: reason, actor: store.actingPerson)
        Terminal.print("Tender \(tender.summary.id) is final. No score or consensus can change from now on.")
        Terminal.print("Head of the history: \(head)")
        Terminal.print("Keep this hash: 'tenderscore audit verify --expect-head \(head)' proves nothing was removed since.")
    }
}
