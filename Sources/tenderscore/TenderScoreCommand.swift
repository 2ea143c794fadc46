import ArgumentParser

@main
struct TenderScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenderscore",
        abstract: "Score tenders for social care services, fairly and on the record.",
        subcommands: [ValidateCommand.self])
}
