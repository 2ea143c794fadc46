import ArgumentParser
import Foundation
import TenderWorkflow

/// `tenderscore store`: moving a tender between stores.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Move a tender between stores.", subcommands: [Copy.self])

    /// `tenderscore store copy FROM TO`: one tender's whole history, replayed into another store.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy one tender's whole history to another store (a file or a PostgreSQL database).",
            discussion: """
                Every event is copied exactly as recorded (same times, people and hashes), with every document it \
                received, in one transaction; the copy is then verified and shares the source's head hash. Refused \
                when the target already holds the tender. The source is only read.
                """)

        @Argument(help: "The store to copy from: a file, or postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
        var from: String

        @Argument(help: "The store to copy to: a new file, or a PostgreSQL database without this tender.")
        var to: String

        @Option(help: "The tender to copy, when the source holds more than one (default: $TENDERSCORE_TENDER).")
        var tender: String?

        func run() async throws {
            let chosen = tender ?? ProcessInfo.processInfo.environment["TENDERSCORE_TENDER"].flatMap { $0.isEmpty ? nil : $0 }
            let source = try await Tender.open(in: try await StoreOptions.storage(for: from, readOnly: true), tender: chosen)
            let target = try await StoreOptions.storageForNewTender(to)
            let copy = try await source.copy(to: target)
            Terminal.print(
                "Copied tender \(copy.tender) from \(StoreOptions.displayName(of: from)) to \(StoreOptions.displayName(of: to)): \(copy.eventCount) events, \(copy.documentCount) documents")
            Terminal.print("Both verify with head \(copy.head)")
        }
    }
}
