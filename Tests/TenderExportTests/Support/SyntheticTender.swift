import Foundation
import TenderExport
import TenderModel
import TenderScoring

/// A tiny made-up tender for the cases the sample does not have: a tie for first place, a bidder
/// whose name is a spreadsheet formula, and a failure reason with a line break in it.
enum SyntheticTender {
    static func report() throws -> TenderReport {
        let levels = (0...5).map { ScaleLevel(value: $0, label: "L\($0)", descriptor: "Level \($0)") }
        let criteria = Criteria(
            id: "mini", version: "1", currency: "GBP", title: "Mini framework", scale: Scale(min: 0, max: 5, levels: levels),
            divergence: 2, price: PriceWeighting(weight: 30, formula: .lowestPrice),
            criteria: [
                Criterion(id: "quality", weight: 40, threshold: 2, title: "Quality", question: "Q?", guidance: "G."),
                Criterion(id: "people", weight: 30, title: "People", question: "P?", guidance: "G."),
            ])
        func bid(_ id: String, _ name: String, _ amount: Decimal, currency: String = "GBP") -> Submission {
            Submission(
                id: id, tender: "TND-MINI", submitted: Date(timeIntervalSince1970: 1_790_000_000),
                bidder: Bidder(name: name, type: .sme), price: Money(amount: amount, currency: currency),
                responses: [
                    Response(criterion: "quality", paragraphs: ["An answer."]),
                    Response(criterion: "people", paragraphs: ["An answer."]),
                ])
        }
        let submissions = [
            bid("BID-A", "=HYPERLINK(\"https://evil.example\",\"click\")", 1000),
            bid("BID-B", "Plain, \"Quoted\" Ltd", 1000),
            bid("BID-C", "@Mention Ltd", 900, currency: "GBP\n=1+1"),
        ]
        let panel = Panel(
            tender: "TND-MINI",
            members: [
                PanelMember(id: "m-1", name: "One", role: .carer), PanelMember(id: "m-2", name: "Two", role: .commissioner),
            ])
        var scores: [Score] = []
        for submission in submissions {
            for criterion in ["quality", "people"] {
                for member in ["m-1", "m-2"] {
                    scores.append(
                        Score(
                            panelist: member, submission: submission.id, criterion: criterion, value: 4,
                            rationale: "-Solid answer"))
                }
            }
        }
        let evaluation = try Evaluation(criteria: criteria, submissions: submissions, panel: panel, scores: scores)
        return try TenderReport(
            tender: "TND-MINI", title: "Mini tender", evaluation: evaluation, mode: .final, isFinalised: true,
            generatedAt: SampleTender.generatedAt)
    }
}
