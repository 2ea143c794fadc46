import TenderModel
import TenderStore

/// Blank scoresheets, so that a member's sheet names exactly what they may score.
public enum ScoresheetTemplate {
    /// The items `panelist` may score: every criterion of every bid they are not conflicted with.
    public static func items(for panelist: String, view: TenderView) -> [ItemKey] {
        view.submissions.map(\.id).sorted().flatMap { submission -> [ItemKey] in
            if view.panel.isConflicted(member: panelist, submission: submission) { return [] }
            return view.criteria.criteria.map { ItemKey(submission: submission, criterion: $0.id) }
        }
    }

    /// The five columns import reads, then the bidder's name and the question's title so that a
    /// member can fill the sheet in without looking ids up; import ignores the extra columns.
    public static func csv(panelist: String, items: [ItemKey], view: TenderView) -> String {
        let bidders = Dictionary(view.submissions.map { ($0.id, $0.bidder.name) }, uniquingKeysWith: { first, _ in first })
        var lines = ["panelist,submission,criterion,score,rationale,bidder,question"]
        lines += items.map { item in
            let question = view.criteria.criterion(item.criterion)?.title ?? ""
            return [panelist, item.submission, item.criterion, "", "", bidders[item.submission] ?? "", question]
                .map(field).joined(separator: ",")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func xml(tender: String, panelist: String, items: [ItemKey], criteria: Criteria) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<!-- Give each score a whole number from \(criteria.scale.min) to \(criteria.scale.max) in value=\"\" and your reason as the text.",
            "     A score left with neither is not scored yet. -->",
            "<scoresheet xmlns=\"urn:tenderscore:scoresheet:1\" tender=\"\(tender)\" panelist=\"\(panelist)\">",
        ]
        lines += items.map { "  <score submission=\"\($0.submission)\" criterion=\"\($0.criterion)\" value=\"\"></score>" }
        lines.append("</scoresheet>")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Tender {
    /// A blank sheet for `panelist`, in CSV or XML: refused for someone not on the panel.
    public func scoresheetTemplate(for panelist: String, xml: Bool) async throws(StoreError) -> (text: String, items: Int) {
        let view = try TenderView(snapshot: try await snapshot(), reader: try ActingPerson(panelist))
        guard view.panel.member(panelist) != nil else {
            throw StoreError(
                .invalidInput,
                "'\(panelist)' is not a member of the panel (members: \(view.panel.members.map(\.id).joined(separator: ", ")))")
        }
        let items = ScoresheetTemplate.items(for: panelist, view: view)
        let text =
            xml
            ? ScoresheetTemplate.xml(tender: view.summary.id, panelist: panelist, items: items, criteria: view.criteria)
            : ScoresheetTemplate.csv(panelist: panelist, items: items, view: view)
        return (text, items.count)
    }
}
