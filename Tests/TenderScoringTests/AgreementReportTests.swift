import Foundation
import TenderModel
import TenderScoring
import Testing

@Suite("Agreement report")
struct AgreementReportTests {
    /// The panel matrix of ``KrippendorffAlphaTests/panel`` as a tender: members a, b, c score
    /// S1…S4 on "c1"; a is conflicted with S4. "c2" repeats the same scores.
    func evaluation() throws -> Evaluation {
        let matrix = KrippendorffAlphaTests.panel
        let members = ["a", "b", "c"]
        var scores: [Score] = []
        for (row, member) in members.enumerated() {
            for (column, value) in matrix[row].enumerated() {
                guard let value else { continue }
                scores.append(Fixture.score(member, "S\(column + 1)", "c1", value))
                scores.append(Fixture.score(member, "S\(column + 1)", "c2", value))
            }
        }
        return try Evaluation(
            criteria: Fixture.criteria([("c1", 50, nil), ("c2", 50, nil)]),
            submissions: (1...4).map { Fixture.bid("S\($0)", price: nil) },
            panel: Fixture.panel([("a", .expertByExperience), ("b", .commissioner), ("c", .finance)], conflicts: [("a", "S4")]),
            scores: scores)
    }

    @Test("per criterion: units are submissions, conflicts are missing values")
    func perCriterion() throws {
        let report = try evaluation().agreement()
        #expect(report.criteria.map(\.criterion) == ["c1", "c2"])
        // Same figure as the krippendorff package gives for the matrix (see KrippendorffAlphaTests).
        let ordinal = try #require(report.criteria.first?.alpha.ordinal.value)
        #expect(abs(ordinal - 0.8246753246753247) < 1e-12)
        #expect(report.criteria.first?.alpha.ordinal.reliability == .reliable)
        #expect(report.criteria.first?.alpha[.nominal].reliability == .unreliable)
    }

    // Overall, units are the 8 items: the four submissions' units twice. Duplicating units
    // leaves the observed disagreement's share alone but changes n, so alpha moves a little.
    // Expected: the krippendorff package 0.9.0 on the 3 × 8 matrix (the panel matrix beside
    // itself): ordinal 0.8159090909090909, interval 0.8230337078651685, nominal 0.32978723404255317.
    @Test("overall: units are items")
    func overall() throws {
        let report = try evaluation().agreement()
        #expect(report.overall.ordinal.pairableUnits == 8)
        let expected: [(AlphaMetric, Double)] = [
            (.ordinal, 0.8159090909090909), (.interval, 0.8230337078651685), (.nominal, 0.32978723404255317),
        ]
        for (metric, value) in expected {
            let alpha = try #require(report.overall[metric].value)
            #expect(abs(alpha - value) < 1e-12)
        }
    }

    // Moderated: S1 [4,5,4] → 4, S2 [2,2,3] → 2, S3 [3,3,2] → 3, S4 [1,1] (a conflicted) → 1.
    // a: 0, 0, 0 → mean 0 over 3 items. b: +1, 0, 0, 0 → 0.25. c: 0, +1, −1, 0 → 0, |…| 0.5.
    // Each per criterion, and c2 repeats c1, so the means are the same over 6 or 8 items.
    @Test("members' mean deviation from the moderated scores")
    func deviations() throws {
        let members = try evaluation().agreement().members
        #expect(members.map(\.member) == ["a", "b", "c"])
        #expect(members.map(\.items) == [6, 8, 8])
        #expect(members.map(\.meanDeviation) == [0, Fixture.decimal("0.25"), 0])
        #expect(members.map(\.meanAbsoluteDeviation) == [0, Fixture.decimal("0.25"), Fixture.decimal("0.5")])
        #expect(members.first?.role == .expertByExperience)
    }
}
