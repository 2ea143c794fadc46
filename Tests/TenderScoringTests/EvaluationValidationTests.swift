import Foundation
import TenderModel
import TenderScoring
import Testing

@Suite("Evaluation input checks")
struct EvaluationValidationTests {
    let criteria = Fixture.criteria([("c", 100, nil)])
    let panel = Fixture.panel([("a", .carer), ("b", .finance)], conflicts: [("b", "S1")])

    func evaluate(_ scores: [Score], consensus: [Consensus] = [], price: Decimal? = nil) throws -> Evaluation {
        try Evaluation(
            criteria: criteria, submissions: [Fixture.bid("S1", price: price)], panel: panel, scores: scores,
            consensus: consensus)
    }

    @Test(
        "inconsistent scores are refused with a code",
        arguments: [
            ([Fixture.score("z", "S1", "c", 3)], ScoringError.Code.unknownMember),
            ([Fixture.score("a", "S9", "c", 3)], .unknownSubmission),
            ([Fixture.score("a", "S1", "nope", 3)], .unknownCriterion),
            ([Fixture.score("a", "S1", "c", 6)], .outsideScale),
            ([Fixture.score("b", "S1", "c", 3)], .conflictedScore),
            ([Fixture.score("a", "S1", "c", 3), Fixture.score("a", "S1", "c", 4)], .duplicate),
        ])
    func refusedScores(scores: [Score], code: ScoringError.Code) {
        let error = #expect(throws: ScoringError.self) { try evaluate(scores) }
        #expect(error?.code == code)
    }

    @Test("inconsistent consensus and prices are refused")
    func refusedOthers() {
        let twice = [Fixture.consensus("S1", "c", 3), Fixture.consensus("S1", "c", 4)]
        #expect(throws: ScoringError.self) { try evaluate([], consensus: twice) }
        #expect(throws: ScoringError.self) { try evaluate([], consensus: [Fixture.consensus("S1", "c", -1)]) }
        let negative = #expect(throws: ScoringError.self) { try evaluate([], price: -1) }
        #expect(negative?.code == .negativePrice)
        #expect(throws: Never.self) { try evaluate([Fixture.score("a", "S1", "c", 3)], price: 0) }
    }
}
