import ArgumentParser
import Foundation
import TenderExport
import TenderStore

/// The `tenderscore` command. Exit codes are fixed by SPEC.md: 0 success, 1 a refusal or invalid
/// input, 2 a usage error (argument-parser's own default for usage errors is 64).
@main
struct TenderScore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenderscore",
        abstract: "Score tenders for social care services, fairly and on the record.",
        subcommands: [
            ValidateCommand.self, InitCommand.self, PanelCommand.self, SubmissionsCommand.self, ScoresCommand.self,
            PackCommand.self, ModerateCommand.self, AgreementCommand.self, RankCommand.self, SummariesCommand.self,
            FinaliseCommand.self, AuditCommand.self, QuestionnaireCommand.self, PublishCommand.self, StoreCommand.self,
            UsersCommand.self, ServeCommand.self, DemoCommand.self,
        ])

    static func main() async {
        defer { OpenedStores.closeAll() }
        do {
            var command = try parseAsRoot(Self.negativeScoresAsValues(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let refusal as Refusal {
            Terminal.error("tenderscore: " + refusal.message)
            OpenedStores.closeAll()
            Foundation.exit(1)
        } catch let error as ExportError {
            Terminal.error("tenderscore: " + error.message)
            OpenedStores.closeAll()
            Foundation.exit(1)
        } catch let error as StoreError {
            Terminal.error("tenderscore: " + error.message)
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            OpenedStores.closeAll()
            Foundation.exit(1)
        } catch {
            OpenedStores.closeAll()
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.error(fullMessage(for: error))
                Terminal.error("Run 'tenderscore --help' for the commands and their options.")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// argument-parser reads `-1` as an option and would answer "Missing expected argument". A
    /// negative score is a value that the tender's scale refuses, in plain words, so the score of
    /// `moderate agree` is moved after `--`, where it is read as the value it is. It is the last
    /// positional argument, so nothing else changes meaning.
    static func negativeScoresAsValues(_ arguments: [String]) -> [String] {
        guard arguments.starts(with: ["moderate", "agree"]), !arguments.contains("--"),
            let index = arguments.indices.dropFirst(2).first(where: { index in
                let token = arguments[index]
                return token.count > 1 && token.hasPrefix("-") && token.dropFirst().allSatisfy(\.isNumber)
            })
        else { return arguments }
        var moved = arguments
        let score = moved.remove(at: index)
        return moved + ["--", score]
    }
}
