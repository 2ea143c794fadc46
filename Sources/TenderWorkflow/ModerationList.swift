import TenderModel
import TenderScoring
import TenderStore

/// The items a moderation meeting discusses, and how each is put in front of the panel.
///
/// An item is listed once every member who may score it has done so, when its scores diverge
/// or when the experts by experience, or the carers, scored it apart from the other members
/// (``VoiceFlag``), even when the overall spread alone would not need moderation. A member
/// never sees a bid they declared a conflict with.
public struct ModerationList: Sendable {
    public struct Entry: Sendable {
        public var moderated: ModeratedScore
        public var reasons: [String]
        public var consensus: Consensus? { moderated.consensus }
    }

    public let view: TenderView
    public let needingDiscussion: [Entry]

    public init(view: TenderView) {
        self.view = view
        let flags = Dictionary(grouping: view.evaluation.voiceFlags(), by: \.item)
        let divergence = view.criteria.divergence
        let hidden = view.reader.member(of: view.panel).map { member in
            Set(view.panel.conflicts.filter { $0.member == member.id }.map(\.submission))
        } ?? []
        needingDiscussion = view.evaluation.items.compactMap { moderated -> Entry? in
            let scores = moderated.scores
            guard scores.awaiting.isEmpty, !scores.scores.isEmpty, !hidden.contains(moderated.item.submission) else { return nil }
            var reasons: [String] = []
            if let range = scores.range, range >= divergence {
                reasons.append("scores diverge from \(scores.values.first ?? 0) to \(scores.values.last ?? 0)")
            }
            for flag in flags[moderated.item] ?? [] {
                reasons.append(
                    "the \(flag.voice.rawValue) scored \(flag.direction.rawValue) (median \(flag.voiceMedian.displayText)) than the other members (median \(flag.othersMedian.displayText)): their view is discussed, not averaged away")
            }
            return reasons.isEmpty ? nil : Entry(moderated: moderated, reasons: reasons)
        }
    }

    /// Items not yet open for moderation because members have still to score them.
    public var waiting: [ModeratedScore] {
        view.evaluation.items.filter {
            if case .pending(.incomplete) = $0.method { return true } else { return false }
        }
    }

    /// The entry as lines of plain text, every stored text made safe to print.
    public func describe(_ entry: Entry) -> String {
        let item = entry.moderated.item
        let title = view.criteria.criterion(item.criterion)?.title ?? item.criterion
        let bidder = view.submissions.first { $0.id == item.submission }?.bidder.name ?? item.submission
        var lines = ["\(item.submission) (\(SafeText.terminal(bidder))), \(title) [\(item.criterion)]"]
        lines.append("  Why: " + entry.reasons.joined(separator: "; "))
        let rationales = Dictionary(
            view.scores.filter { $0.item == item }.map { ($0.panelist, $0.rationale) }, uniquingKeysWith: { first, _ in first })
        for (member, value) in entry.moderated.scores.scores.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(value)  \(view.memberName(member)): \(SafeText.terminal(rationales[member] ?? ""))")
        }
        for member in entry.moderated.scores.conflicted {
            lines.append("  –  \(view.memberName(member)): conflicted, does not score this bid")
        }
        if let consensus = entry.consensus {
            lines.append("  Agreed \(consensus.value): \(SafeText.terminal(consensus.rationale))")
        } else {
            lines.append("  Not agreed yet: tenderscore moderate agree \(item.submission) \(item.criterion) SCORE --rationale \"…\"")
        }
        return lines.joined(separator: "\n")
    }
}

extension Tender {
    /// The moderation list as `person` may see it: only after they have scored independently.
    public func moderationList(for person: ActingPerson) async throws(StoreError) -> ModerationList {
        ModerationList(view: try await view(for: person, doing: "see the moderation list"))
    }
}
