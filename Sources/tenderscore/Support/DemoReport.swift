import Foundation
import TenderModel

/// What the demo prints about the sample tender.
struct DemoReport {
    var criteria: Criteria
    var panel: Panel
    var submissions: [Submission]
    var scoresheets: [Scoresheet]

    func print() {
        Terminal.print("2. The tender \(panel.tender), scored against \"\(criteria.title)\"")
        for criterion in criteria.criteria {
            let threshold = criterion.threshold.map { ", must score at least \($0)" } ?? ""
            Terminal.print("   \(pad(Amounts.plain(criterion.weight), 3)) marks  \(criterion.title)\(threshold)")
        }
        if let price = criteria.price {
            Terminal.print("   \(pad(Amounts.plain(price.weight), 3)) marks  Price (\(price.formula.rawValue))")
        }
        Terminal.print()
        Terminal.print("3. The panel")
        for member in panel.members {
            Terminal.print("   \(member.name), \(member.role.rawValue)")
        }
        for conflict in panel.conflicts {
            let name = panel.member(conflict.member)?.name ?? conflict.member
            Terminal.print("   Conflict: \(name) does not score \(conflict.submission) (\(conflict.reason))")
        }
        Terminal.print(
            panel.isCoProduced
                ? "   Co-produced: people with lived experience score as equals."
                : "   Warning: no expert by experience or carer on the panel; the commissioning was not co-produced.")
        Terminal.print()
        Terminal.print("4. The bids")
        for submission in submissions.sorted(by: { $0.id < $1.id }) {
            let price = submission.price.map(Amounts.money) ?? "no price"
            Terminal.print("   \(submission.id)  \(pad(price, 14))  \(submission.bidder.name) (\(submission.bidder.type.displayName))")
        }
        Terminal.print()
        let scoreCount = scoresheets.reduce(0) { $0 + $1.scores.count }
        Terminal.print("5. \(scoresheets.count) scoresheets with \(scoreCount) scores, each with its rationale")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
