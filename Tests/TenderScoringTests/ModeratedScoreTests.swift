import Foundation
import TenderModel
import TenderScoring
import Testing

@Suite("Moderated scores")
struct ModeratedScoreTests {
    let item = ItemKey(submission: "BID-1", criterion: "c")

    func scores(_ values: [Int], eligible extra: [String] = []) -> ItemScores {
        let byMember = Dictionary(uniqueKeysWithValues: values.enumerated().map { ("m\($0.offset)", $0.element) })
        return ItemScores(item: item, scores: byMember, eligible: Array(byMember.keys) + extra, conflicted: [])
    }

    // Odd counts take the middle score; even counts the mean of the middle two (SPEC.md).
    // [3,4,4] → 4; [4,2,3] sorted [2,3,4] → 3; [3,4] → 3.5; [2,3,3,4] → (3+3)/2 = 3;
    // [1,2,2,1] sorted [1,1,2,2] → (1+2)/2 = 1.5. Divergence 3, so none of these diverge.
    @Test(
        "median of odd and even counts",
        arguments: [([3, 4, 4], "4"), ([4, 2, 3], "3"), ([3, 4], "3.5"), ([2, 3, 3, 4], "3"), ([1, 2, 2, 1], "1.5"), ([5], "5")])
    func median(values: [Int], expected: String) {
        let moderated = ModeratedScore.moderate(scores(values), consensus: nil, divergence: 3)
        #expect(moderated.method == .median)
        #expect(moderated.value == Fixture.decimal(expected))
    }

    // Divergence 2: [2,4] has max − min = 2, which reaches it; [2,3,3] has 1, which does not.
    @Test("scores diverging by the divergence or more have no moderated score")
    func divergence() {
        let split = ModeratedScore.moderate(scores([2, 4, 3]), consensus: nil, divergence: 2)
        #expect(split.value == nil)
        #expect(split.method == .pending(.divergent(lowest: 2, highest: 4)))
        #expect(split.method.name == "none")
        let close = ModeratedScore.moderate(scores([2, 3, 3]), consensus: nil, divergence: 2)
        #expect(close.value == 3)
    }

    // The panel's scores [1,5] diverge; the recorded consensus 4 stands, and their scores stay
    // on the record beside it. A consensus also overrides a settled median: [2,2,2] would be 2.
    @Test("a consensus overrides divergence and the median")
    func consensusOverrides() {
        let agreed = Fixture.consensus("BID-1", "c", 4)
        let divergent = ModeratedScore.moderate(scores([1, 5]), consensus: agreed, divergence: 2)
        #expect(divergent.value == 4)
        #expect(divergent.method == .consensus)
        #expect(divergent.scores.values == [1, 5])
        #expect(ModeratedScore.moderate(scores([2, 2, 2]), consensus: agreed, divergence: 2).value == 4)
    }

    @Test("a median waits for every eligible member unless told otherwise")
    func incomplete() {
        let waiting = scores([3, 3], eligible: ["m9"])
        #expect(ModeratedScore.moderate(waiting, consensus: nil, divergence: 2).method == .pending(.incomplete(awaiting: ["m9"])))
        #expect(ModeratedScore.moderate(waiting, consensus: nil, divergence: 2, completeness: .anyScore).value == 3)
        // Divergence is reported first: no late score can undo it.
        let split = scores([1, 4], eligible: ["m9"])
        #expect(ModeratedScore.moderate(split, consensus: nil, divergence: 2).method == .pending(.divergent(lowest: 1, highest: 4)))
        #expect(ModeratedScore.moderate(scores([]), consensus: nil, divergence: 2).method == .pending(.noScores))
    }

    // m-x declared a conflict with BID-2: their missing score is absent, not 0. The others gave
    // 4 and 4, so the median is 4 (a zero would have made [0,4,4] diverge at divergence 2).
    @Test("a conflicted member's missing score is absent, never zero")
    func conflictedIsAbsent() throws {
        let criteria = Fixture.criteria([("c", 100, nil)])
        let panel = Fixture.panel([("m-a", .carer), ("m-b", .commissioner), ("m-x", .finance)], conflicts: [("m-x", "BID-2")])
        let evaluation = try Evaluation(
            criteria: criteria, submissions: [Fixture.bid("BID-2", price: nil)], panel: panel,
            scores: [Fixture.score("m-a", "BID-2", "c", 4), Fixture.score("m-b", "BID-2", "c", 4)])
        let moderated = try #require(evaluation.moderated[ItemKey(submission: "BID-2", criterion: "c")])
        #expect(moderated.value == 4)
        #expect(moderated.method == .median)
        #expect(moderated.scores.conflicted == ["m-x"])
        #expect(moderated.scores.eligible == ["m-a", "m-b"])
    }

    // The fields share one box between copies: a change to a copy must leave the original as
    // it was, and equal fields must be equal and hash alike whichever box holds them.
    @Test("a moderated score is a value: changing a copy leaves the original alone")
    func copiesAreValues() {
        let original = ModeratedScore.moderate(scores([3, 4, 4]), consensus: nil, divergence: 3)
        var copy = original
        #expect(copy == original)
        copy.value = 2
        copy.method = .consensus
        copy.item = ItemKey(submission: "BID-2", criterion: "c")
        #expect(original.value == 4 && original.method == .median && original.item == item)
        #expect(copy.value == 2 && copy.method == .consensus && copy.item.submission == "BID-2")
        #expect(copy != original)
        let rebuilt = ModeratedScore(
            item: original.item, value: original.value, method: original.method, scores: original.scores,
            consensus: original.consensus)
        #expect(rebuilt == original)
        #expect(Set([original, rebuilt, copy]).count == 2)
    }
}
