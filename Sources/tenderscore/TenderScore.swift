import ArgumentParser
import Foundation

/// The `tenderscore` command. Exit codes are fixed by SPEC.md: 0 success, 1 a refusal or invalid
/// input, 2 a usage error (argument-parser's own default for usage errors is 64).
@main
struct TenderScore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenderscore",
        abstract: "Score tenders for social care services, fairly and on the record.",
        subcommands: [ValidateCommand.self, DemoCommand.self])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let refusal as Refusal {
            Terminal.error(refusal.message)
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.error(fullMessage(for: error))
                Terminal.error("Run 'tenderscore --help' for the commands and their options.")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
