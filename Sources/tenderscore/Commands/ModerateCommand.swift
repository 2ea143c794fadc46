import ArgumentParser
import Foundation
import TenderModel
import TenderScoring
import TenderStore

struct ModerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moderate", abstract: "Discuss and agree the items where members disagree.",
        subcommands: [List.self, Agree.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the items that need discussion, with every member's score and rationale.",
            discussion: """
                An item needs discussion when its scores diverge, or when experts by experience and \
                carers scored it far from the other members. An item opens for moderation only when every \
                member who may score it has done so. --all also lists items already agreed.
                """)

        @OptionGroup var store: StoreOptions

        @Flag(help: "Also list the items already agreed.")
        var all = false

        func run() throws {
            let tender = try OpenTender(store, readOnly: true)
            try tender.requireIndependenceRespected(actor: store.actingPerson, doing: "see the moderation list")
            let list = ModerationList(tender: tender)
            let shown = list.needingDiscussion.filter { all || $0.consensus == nil }
            if shown.isEmpty {
                Terminal.print(all ? "No item has needed discussion." : "No item is waiting for moderation.")
            }
            for entry in shown {
                Terminal.print(list.describe(entry))
                Terminal.print()
            }
            let waiting = tender.evaluation.items.filter {
                if case .pending(.incomplete) = $0.method { return true } else { return false }
            }
            if !waiting.isEmpty {
                Terminal.print("\(waiting.count) item\(waiting.count == 1 ? " is" : "s are") not open yet, awaiting scores:")
                for item in waiting.prefix(20) {
                    Terminal.print("  \(item.item.submission) \(item.item.criterion): \(item.method.description)")
                }
                if waiting.count > 20 { Terminal.print("  … and \(waiting.count - 20) more") }
            }
        }
    }

    struct Agree: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the score the panel agreed for one item, with why and who was there.",
            discussion: "The members' own scores stay on record. Changing an agreed score needs --reason.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The submission id.")
        var submission: String

        @Argument(help: "The criterion id.")
        var criterion: String

        @Argument(help: "The agreed score.")
        var score: Int

        @Option(help: "Why the panel agreed this score.")
        var rationale: String

        @Option(help: "Members present, comma-separated ids.")
        var attendees: String?

        @Option(help: "Members who do not agree, comma-separated ids.")
        var dissent: String?

        @Option(help: "Why an agreed score is changed.")
        var reason: String?

        func run() throws {
            let tender = try OpenTender(store)
            let item = ItemKey(submission: submission, criterion: criterion)
            if let moderated = tender.evaluation.moderated[item], case .pending(.incomplete(let awaiting)) = moderated.method {
                throw Refusal(
                    "moderation of \(submission) \(criterion) is not open yet: awaiting scores from \(awaiting.joined(separator: ", ")). "
                        + "Every member who may score an item scores it independently first.")
            }
            let consensus = try tender.record.recordConsensus(
                submission: submission, criterion: criterion, value: score, rationale: rationale,
                attendees: Self.ids(attendees), dissenters: Self.ids(dissent), actor: store.actingPerson, reason: reason)
            Terminal.print("Agreed \(consensus.submission) \(consensus.criterion): \(consensus.value)")
        }

        static func ids(_ list: String?) -> [String] {
            (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }
}

/// The items a moderation meeting discusses, and how each is put in front of the panel.
struct ModerationList {
    struct Entry {
        var moderated: ModeratedScore
        var reasons: [String]
        var consensus: Consensus? { moderated.consensus }
    }

    let tender: OpenTender
    let needingDiscussion: [Entry]

    init(tender: OpenTender) {
        self.tender = tender
        let gaps = Dictionary(
            tender.evaluation.coProduction().itemsNeedingModeration.map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
        let divergence = tender.criteria.divergence
        needingDiscussion = tender.evaluation.items.compactMap { moderated -> Entry? in
            let scores = moderated.scores
            guard scores.awaiting.isEmpty, !scores.scores.isEmpty else { return nil }
            var reasons: [String] = []
            if let range = scores.range, range >= divergence {
                reasons.append("scores diverge from \(scores.values.first ?? 0) to \(scores.values.last ?? 0)")
            }
            if let gap = gaps[moderated.item] {
                reasons.append(
                    "experts by experience and carers averaged \(gap.livedExperienceMean.displayText), other members \(gap.othersMean.displayText)")
            }
            return reasons.isEmpty ? nil : Entry(moderated: moderated, reasons: reasons)
        }
    }

    func describe(_ entry: Entry) -> String {
        let item = entry.moderated.item
        let title = tender.criteria.criterion(item.criterion)?.title ?? item.criterion
        let bidder = tender.submissions.first { $0.id == item.submission }?.bidder.name ?? item.submission
        var lines = ["\(item.submission) (\(bidder)), \(title) [\(item.criterion)]"]
        lines.append("  Why: " + entry.reasons.joined(separator: "; "))
        let rationales = Dictionary(
            tender.scores.filter { $0.item == item }.map { ($0.panelist, $0.rationale) }, uniquingKeysWith: { first, _ in first })
        for (member, value) in entry.moderated.scores.scores.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(value)  \(tender.memberName(member)): \(rationales[member] ?? "")")
        }
        for member in entry.moderated.scores.conflicted {
            lines.append("  –  \(tender.memberName(member)): conflicted, does not score this bid")
        }
        if let consensus = entry.consensus {
            lines.append("  Agreed \(consensus.value): \(consensus.rationale)")
        } else {
            lines.append("  Not agreed yet: tenderscore moderate agree \(item.submission) \(item.criterion) SCORE --rationale \"…\"")
        }
        return lines.joined(separator: "\n")
    }
}
