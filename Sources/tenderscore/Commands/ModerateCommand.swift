import ArgumentParser
import Foundation
import TenderWorkflow

struct ModerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moderate", abstract: "Discuss and agree the items where members disagree.",
        subcommands: [List.self, Agree.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the items that need discussion, with every member's score and rationale.",
            discussion: """
                An item needs discussion when its scores diverge, or when experts by experience and \
                carers scored it far from the other members. An item opens for moderation only when every \
                member who may score it has done so. --all also lists items already agreed.
                """)

        @OptionGroup var store: StoreOptions

        @Flag(help: "Also list the items already agreed.")
        var all = false

        func run() async throws {
            let person = try store.person()
            Self.print(try await store.tender(readOnly: true).moderationList(for: person), all: all)
            OpenedStores.finish()
        }

        static func print(_ list: ModerationList, all: Bool) {
            let shown = list.needingDiscussion.filter { all || $0.consensus == nil }
            if shown.isEmpty {
                Terminal.print(all ? "No item has needed discussion." : "No item is waiting for moderation.")
            }
            for entry in shown {
                Terminal.print(list.describe(entry))
                Terminal.print()
            }
            let waiting = list.waiting
            if !waiting.isEmpty {
                Terminal.print("\(waiting.count) item\(waiting.count == 1 ? " is" : "s are") not open yet, awaiting scores:")
                for item in waiting.prefix(20) {
                    Terminal.print("  \(item.item.submission) \(item.item.criterion): \(item.method.description)")
                }
                if waiting.count > 20 { Terminal.print("  … and \(waiting.count - 20) more") }
            }
        }
    }

    struct Agree: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agree",
            abstract: "Record the score the panel agreed for one item, with why and who was there.",
            discussion: "The members' own scores stay on record. Changing an agreed score needs --reason.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The submission id.")
        var submission: String

        @Argument(help: "The criterion id.")
        var criterion: String

        @Argument(help: "The agreed score.")
        var score: Int

        @Option(help: "Why the panel agreed this score: the panel's internal note, for the record and auditors.")
        var rationale: String

        @Option(
            name: .customLong("for-bidder"),
            help: "What the bidder is told in their assessment summary, by reference to their own tender (never another bidder's).")
        var forBidder: String?

        @Option(help: "Members present, comma-separated ids.")
        var attendees: String?

        @Option(help: "Members who do not agree, comma-separated ids.")
        var dissent: String?

        @Option(help: "Why an agreed score is changed.")
        var reason: String?

        func run() async throws {
            let person = try store.person()
            let agreed = try await store.tender().agree(
                submission: submission, criterion: criterion, value: score, rationale: rationale,
                bidderExplanation: forBidder, attendees: Self.ids(attendees), dissenters: Self.ids(dissent), by: person,
                reason: reason)
            Self.report(agreed)
        }

        static func report(_ agreed: AgreedScore) {
            let consensus = agreed.consensus
            Terminal.print("Agreed \(consensus.submission) \(consensus.criterion): \(consensus.value)")
            for warning in agreed.warnings { Terminal.error("warning: \(warning)") }
        }

        static func ids(_ list: String?) -> [String] {
            (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }
}
