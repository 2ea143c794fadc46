import Foundation
import TenderExport
import TenderModel
import TenderScoring

/// A small tender built to order, for the hostile cases the sample does not have: a bid whose id
/// is `index` or 245 characters long, a price of twenty digits, a euro framework, a bidder name
/// ending in a right-to-left override. Every member scores every item 4 (or as given), so the
/// ranking is final without moderation.
enum CustomTender {
    struct Bid {
        var id: String
        var name: String
        var price: Decimal
        var score: Int = 4
        var alsoKnownAs: [String] = []
        var answer: String = "An answer."
    }

    static func report(
        _ bids: [Bid], currency: String = "GBP", isFinalised: Bool = true, consensus: [Consensus] = [],
        members: [PanelMember] = [
            PanelMember(id: "m-1", name: "Mina One", role: .carer),
            PanelMember(id: "m-2", name: "Theo Two", role: .commissioner),
        ]
    ) throws -> TenderReport {
        let levels = (0...5).map { ScaleLevel(value: $0, label: "L\($0)", descriptor: "Level \($0) descriptor.") }
        let criteria = Criteria(
            id: "mini", version: "1", currency: currency, title: "Mini framework",
            scale: Scale(min: 0, max: 5, levels: levels), divergence: 2,
            price: PriceWeighting(weight: 30, formula: .lowestPrice),
            criteria: [
                Criterion(id: "quality", weight: 40, threshold: 2, title: "Quality", question: "Q?", guidance: "G."),
                Criterion(id: "people", weight: 30, title: "People", question: "P?", guidance: "G."),
            ])
        let submissions = bids.map { bid in
            Submission(
                id: bid.id, tender: "TND-MINI", submitted: Date(timeIntervalSince1970: 1_790_000_000),
                bidder: Bidder(name: bid.name, type: .sme, alsoKnownAs: bid.alsoKnownAs),
                price: Money(amount: bid.price, currency: currency),
                responses: [
                    Response(criterion: "quality", paragraphs: [bid.answer]),
                    Response(criterion: "people", paragraphs: [bid.answer]),
                ])
        }
        let panel = Panel(tender: "TND-MINI", members: members)
        var scores: [Score] = []
        for bid in bids {
            for criterion in ["quality", "people"] {
                for member in members.map(\.id) {
                    scores.append(
                        Score(
                            panelist: member, submission: bid.id, criterion: criterion, value: bid.score,
                            rationale: "Internal note by \(member) on \(bid.id)"))
                }
            }
        }
        let evaluation = try Evaluation(
            criteria: criteria, submissions: submissions, panel: panel, scores: scores, consensus: consensus)
        return try TenderReport(
            tender: "TND-MINI", title: "Mini tender", evaluation: evaluation, mode: .final, isFinalised: isFinalised,
            generatedAt: SampleTender.generatedAt)
    }

    static func pack(_ report: TenderReport, panelist: String = "m-1", anonymise: Bool = false) throws -> EvaluationPack {
        try EvaluationPack(
            tender: report.tender, title: report.title, criteria: report.criteria, submissions: report.submissions,
            panel: report.panel, panelist: panelist, anonymise: anonymise, generatedAt: report.generatedAt)
    }

    /// A fresh folder path under the temporary directory (not created).
    static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tenderscore-\(name)-\(UUID().uuidString)")
    }
}
