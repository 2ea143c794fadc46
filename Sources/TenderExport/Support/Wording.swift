import Foundation
import TenderModel
import TenderScoring

/// Plain words shared by every human-readable format, so a table, a web page and a summary
/// never describe the same thing differently.
enum Wording {
    /// A bidder's name (or anything else a bidder wrote) for a page or a sentence: isolated in
    /// HTML, balanced in plain text (see ``BidiText``). Every human-readable output names bidders
    /// through here.
    static func bidder(_ name: String) -> String { BidiText.isolate(name) }

    /// `expert by experience`, `carer`...
    static func role(_ role: PanelRole) -> String {
        switch role {
        case .commissioner: "commissioner"
        case .expertByExperience: "expert by experience"
        case .carer: "carer"
        case .practitioner: "practitioner"
        case .finance: "finance lead"
        case .independent: "independent member"
        }
    }

    /// What DRAFT means, on every output of a tender not yet finalised.
    static let draftNotice =
        "the tender has not been finalised, so these scores may still change. This is not a decision."

    /// `1 answer`, `7 answers`: counts in words, never "answer(s)".
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }

    /// `commissioners`, `experts by experience`: for a panel's make-up in aggregate.
    static func rolePlural(_ role: PanelRole) -> String {
        switch role {
        case .commissioner: "commissioners"
        case .expertByExperience: "experts by experience"
        case .carer: "carers"
        case .practitioner: "practitioners"
        case .finance: "finance leads"
        case .independent: "independent members"
        }
    }

    /// `An expert by experience`, `A carer`: how a summary attributes a rationale without a name.
    static func roleWithArticle(_ role: PanelRole) -> String {
        let word = Self.role(role)
        let article = word.first.map { "aeiou".contains($0) } == true ? "An" : "A"
        return "\(article) \(word)"
    }

    /// How an item's moderated score was reached, for people.
    static func method(_ method: ModerationMethod) -> String {
        switch method {
        case .consensus: "agreed in moderation"
        case .median: "middle of the panel's scores"
        case let .pending(reason): "not settled yet: \(reason)"
        }
    }

    /// The criterion's title, or its id when the framework has no such criterion.
    static func title(_ criterion: String, in criteria: Criteria) -> String {
        criteria.criterion(criterion)?.title ?? criterion
    }

    /// Every id in a list, in words: `BID-001`, `BID-001 and BID-002`, `A, B and C`.
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// `2026-11-02T09:00:00Z`: what OCDS and machine-readable outputs carry.
    static func isoDateTime(_ date: Date) -> String {
        let parts = utcComponents(date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// `2 November 2026, 09:00 UTC`: what people read; never depends on the machine's locale.
    static func humanDateTime(_ date: Date) -> String {
        let parts = utcComponents(date)
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let month = (parts.month ?? 1) - 1
        let name = months.indices.contains(month) ? months[month] : ""
        return "\(parts.day ?? 0) \(name) \(parts.year ?? 0), "
            + String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0) + " UTC"
    }

    private static func utcComponents(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    /// The rank as tables print it: `1`, or `1=` when tied.
    static func rank(_ entry: RankedSubmission) -> String { entry.isTied ? "\(entry.rank)=" : "\(entry.rank)" }

    /// Text from elsewhere (an import check, a scoring note) with every quoted criterion id
    /// (`'innovation'`) replaced by the criterion's title in quotation marks (“Innovate”).
    static func titles(in text: String, criteria: Criteria) -> String {
        var text = text
        for criterion in criteria.criteria {
            text = text.replacingOccurrences(of: "'\(criterion.id)'", with: "“\(criterion.title)”")
        }
        return text
    }

    /// An import warning as a sentence about the bid, with `subject` naming it ("Carewise Support
    /// Ltd (BID-004)", or "Your bid" in a summary): "BID-004 gives no response to 'innovation'"
    /// becomes "Carewise Support Ltd (BID-004) gave no answer to “Innovate”." rather than
    /// "BID-004: BID-004 gives…".
    static func importWarning(_ text: String, submission: String, subject: String, criteria: Criteria) -> String {
        var body = titles(in: text, criteria: criteria)
        if body.hasPrefix(submission + " ") { body = String(body.dropFirst(submission.count + 1)) }
        body = body.replacingOccurrences(of: "gives no response to", with: "gave no answer to")
        let sentence = body.hasPrefix("gave ") || body.hasPrefix("gives ") ? "\(subject) \(body)" : "\(subject): \(body)"
        return sentence.hasSuffix(".") ? sentence : sentence + "."
    }

    /// An item in words: `BID-002, Innovate`.
    static func item(_ item: ItemKey, in criteria: Criteria) -> String {
        "\(item.submission), \(title(item.criterion, in: criteria))"
    }

    /// A failed bid's reasons with criterion ids replaced by titles, for people.
    static func reason(_ reason: FailedSubmission.Reason, in criteria: Criteria) -> String {
        switch reason {
        case let .belowThreshold(failure):
            "\(title(failure.criterion, in: criteria)): scored \(failure.moderated.scoreText), below the "
                + "minimum of \(failure.threshold) a bid must reach"
        default:
            reason.description
        }
    }

    /// Plain words for one weight's sensitivity: how far a weight would have to move before
    /// another bid came first, in marks out of the total, without "draw level" jargon.
    static func sensitivity(
        _ weight: WeightSensitivity, criteria: Criteria, names: [String: String], leaders: [String] = []
    ) -> String {
        let part: String
        switch weight.part {
        case let .criterion(id): part = "\(title(id, in: criteria)), worth \(weight.weight.jsonText) marks"
        case .price: part = "Price, worth \(weight.weight.jsonText) marks"
        }
        switch weight.outcome {
        case let .leaderChanges(change):
            let who = list(change.newLeaders.map { id in names[id].map { "\($0) (\(id))" } ?? id })
            let moved = change.change.magnitude
            if moved == 0 {
                let way = change.direction == .up ? "more" : "less"
                return "\(part): the leading bid is ahead on the other criteria alone, so giving this any \(way) weight "
                    + "would put \(who) first."
            }
            let way = change.direction == .up ? "more" : "fewer"
            let challengers = change.newLeaders.filter { !leaders.contains($0) }
            let then =
                challengers.count < change.newLeaders.count
                ? "Then \(list(challengers.map { id in names[id].map { "\($0) (\(id))" } ?? id })) would tie with the "
                    + "leading bid."
                : "Then \(who) would score as much as the leading bid, or more."
            return "\(part): another bid would come first only if this were worth \(change.newWeight.displayText) "
                + "marks (\(moved.displayText) \(way)). " + then
        case .noChange:
            return "\(part): no weight between 0 and \(weight.total.jsonText) would change which bid comes first."
        case let .notApplicable(reason):
            return "\(part): not tested, because \(reason)."
        }
    }
}
