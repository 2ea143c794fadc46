import ArgumentParser
import Foundation
import TenderWorkflow

/// `tenderscore publish`: records what was sent out, to whom and when, after review.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Record that reviewed outputs were sent: each file kept byte for byte with its SHA-256, the recipient and the time.",
        discussion: """
            Write the outputs (summaries, the report, the award record), read each one and redact what \
            must not go out, then record what you send with this command: `audit log` shows it, and the \
            assessment summaries' sending date starts the standstill period. Refused before finalise.
            """)

    @OptionGroup var store: StoreOptions

    @OptionGroup var documents: DocumentOptions

    @Option(help: "Who the files went to (a bidder, the cabinet, the public).")
    var to: String

    @Option(help: "What the files are, in words (for example \"assessment summary\").")
    var what: String = "output"

    @Argument(help: "The files exactly as sent.")
    var files: [String]

    func run() async throws {
        let person = try store.person()
        let tender = try await store.tender(documents: documents.readOptions)
        let events = try await tender.publish(try files.map { try documents.read($0) }, to: to, as: what, by: person)
        for event in events { Terminal.print("#\(event.sequence) \(SafeText.terminal(event.summary))") }
        Terminal.print("Recorded \(events.count) publication\(events.count == 1 ? "" : "s") to \(SafeText.terminal(to)).")
    }
}
