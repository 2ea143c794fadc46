import Foundation
import TenderModel
import TenderScoring

/// Small tenders built in code, so every test states the numbers it depends on.
enum Fixture {
    static let tender = "TND-TEST"
    static let date = Date(timeIntervalSince1970: 1_790_000_000)

    static func scale(_ min: Int = 0, _ max: Int = 5) -> Scale {
        Scale(min: min, max: max, levels: (min...max).map { ScaleLevel(value: $0, label: "L\($0)", descriptor: "") })
    }

    /// - Parameter criteria: (id, weight, threshold) in framework order.
    static func criteria(
        _ criteria: [(String, Decimal, Int?)], price: PriceWeighting? = nil, scale: Scale = scale(), divergence: Int = 2
    ) -> Criteria {
        Criteria(
            id: "framework", version: "1", currency: "GBP", title: "Test framework", scale: scale, divergence: divergence,
            price: price,
            criteria: criteria.map { Criterion(id: $0.0, weight: $0.1, threshold: $0.2, title: $0.0, question: "", guidance: "") })
    }

    static func bid(_ id: String, price: Decimal?, currency: String = "GBP") -> Submission {
        Submission(
            id: id, tender: tender, submitted: date, bidder: Bidder(name: "Bidder \(id)", type: .voluntary),
            price: price.map { Money(amount: $0, currency: currency) }, responses: [])
    }

    static func panel(_ members: [(String, PanelRole)], conflicts: [(member: String, submission: String)] = []) -> Panel {
        Panel(
            tender: tender, members: members.map { PanelMember(id: $0.0, name: $0.0, role: $0.1) },
            conflicts: conflicts.map { Conflict(member: $0.member, submission: $0.submission, reason: "test") })
    }

    static func score(_ member: String, _ submission: String, _ criterion: String, _ value: Int) -> Score {
        Score(panelist: member, submission: submission, criterion: criterion, value: value, rationale: "because")
    }

    static func consensus(_ submission: String, _ criterion: String, _ value: Int) -> Consensus {
        Consensus(
            submission: submission, criterion: criterion, value: value, rationale: "agreed", recordedBy: "chair",
            recordedAt: date)
    }

    /// An evaluation with one panel member, whose score is therefore each item's moderated score:
    /// the quickest way to state "bid X scores s on criterion c" in ranking tests.
    /// - Parameter bids: (id, price, scores by criterion id).
    static func evaluation(_ criteria: Criteria, _ bids: [(String, Decimal?, [String: Int])]) throws -> Evaluation {
        let scores = bids.flatMap { bid in bid.2.map { score("p-1", bid.0, $0.key, $0.value) } }
        return try Evaluation(
            criteria: criteria, submissions: bids.map { self.bid($0.0, price: $0.1) },
            panel: panel([("p-1", .commissioner)]), scores: scores)
    }

    static func decimal(_ text: String) -> Decimal { Decimal(string: text) ?? .nan }
}
