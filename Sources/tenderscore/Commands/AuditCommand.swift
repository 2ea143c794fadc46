import ArgumentParser
import Foundation
import TenderStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read and verify the history.", subcommands: [Log.self, Verify.self])

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the history: who changed what, when and why.")

        @OptionGroup var store: StoreOptions

        @Option(help: "Only events about this submission.")
        var submission: String?

        @Option(help: "Only events about this panel member.")
        var member: String?

        @Option(help: "table or json.")
        var format: OutputFormat = .table

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case table, json
        }

        func run() throws {
            let record = try TenderRecord.open(at: store.storePath, readOnly: true)
            if try record.panel() != nil {
                try OpenTender(record: record).requireIndependenceRespected(
                    actor: store.actingPerson, doing: "read the history")
            }
            let events = try record.events(submission: submission, member: member)
            switch format {
            case .table:
                for event in events {
                    let reason = event.reason.map { " (why: \($0))" } ?? ""
                    Terminal.print("#\(event.sequence)  \(event.timestamp)  \(event.actor)  \(event.kind)  \(event.summary)\(reason)")
                }
                Terminal.print("\(events.count) event\(events.count == 1 ? "" : "s")")
            case .json:
                let rows: [[String: Any]] = events.map { event in
                    var row: [String: Any] = [
                        "sequence": event.sequence, "time": event.timestamp, "actor": event.actor,
                        "kind": event.kind.rawValue, "summary": event.summary, "hash": event.hash,
                        "previousHash": event.previousHash, "submissions": event.submissions, "members": event.members,
                    ]
                    row["reason"] = event.reason ?? NSNull()
                    row["amends"] = event.amends ?? NSNull()
                    if let payload = try? JSONSerialization.jsonObject(with: Data(event.payload.utf8)) {
                        row["payload"] = payload
                    }
                    return row
                }
                let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
                Terminal.print(String(decoding: data, as: UTF8.self))
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that the history is intact and that everything the tool reads matches it.",
            discussion: "Exit 0 when intact; 1 naming the first entry that does not hold.")

        @OptionGroup var store: StoreOptions

        @Option(help: "A head hash written down earlier (for example the one finalise printed); catches a removed tail.")
        var expectHead: String?

        func run() throws {
            let record = try TenderRecord.open(at: store.storePath, readOnly: true)
            let verification = try record.verify(expectHead: expectHead)
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
