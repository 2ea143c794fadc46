import ArgumentParser
import Foundation
import TenderSQLite
import TenderStore
import TenderWorkflow

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read and verify the history.", subcommands: [Log.self, Verify.self])

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "log", abstract: "List the history: who changed what, when and why.")

        @OptionGroup var store: StoreOptions

        @Option(help: "Only events about this submission.")
        var submission: String?

        @Option(help: "Only events about this panel member.")
        var member: String?

        @Option(help: "table or json.")
        var format: ListingFormat = .table

        func run() async throws {
            let person = try store.person()
            let events = try await store.tender(readOnly: true).history(for: person, submission: submission, member: member)
            Terminal.print(try format.output.render(history: events))
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check that the history is intact and that everything the tool reads matches it.",
            discussion: "Exit 0 when intact; 1 naming the first entry that does not hold.")

        @OptionGroup var store: StoreOptions

        @Option(help: "A head hash written down earlier (for example the one finalise printed); catches a removed tail.")
        var expectHead: String?

        func run() async throws {
            let storage: any TenderStorage
            do {
                storage = try await store.storage(readOnly: true)
            } catch let error as StoreError where error.code == .damaged {
                // Damage is what verify exists to find: a finding, not a failure to run.
                Terminal.error("The history cannot be trusted: \(error.message)")
                throw ExitCode(1)
            }
            if let file = storage as? SQLiteStorage, file.isImmutableCopy {
                Terminal.print("\(store.storeName) cannot be written here, so it was read as an unchanging copy (read-only).")
            }
            let verification = try await Tender.open(in: storage, tender: store.tenderID).verify(expectHead: expectHead)
            if let problem = verification.firstProblem {
                Terminal.error("The history does NOT hold: \(problem)")
                for other in verification.problems.dropFirst().prefix(10) { Terminal.error("  also: \(other)") }
                throw ExitCode(1)
            }
            Terminal.print("Intact: \(verification.eventCount) events, head \(verification.head ?? "none")")
            if let expectHead {
                let after = verification.eventsAfterExpectedHead ?? 0
                Terminal.print(
                    "The expected head \(expectHead) is in the history"
                        + (after > 0 ? ", with \(after) event\(after == 1 ? "" : "s") recorded after it." : " and is its last event."))
            }
        }
    }
}
