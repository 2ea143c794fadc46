import Foundation
import Testing
import TenderModel
import TenderStore
import TenderSQLite
import TenderTestSupport
@_spi(Testing) import TenderWorkflow

/// Changes made to the SQLite file behind the tool's back, each as someone with the file and an
/// SQLite tool could make them, and each caught by verify at the right event.
@Suite struct TamperingTests {
    /// A scored tender, the event that gave Amira's score of BID-002 on innovation, and the head.
    private func scoredStore() async throws -> (StoreFixture, Tender, HistoryEvent) {
        let fixture = try StoreFixture()
        let store = try await fixture.scored()
        let event = try #require(
            try await store.events(submission: "BID-002", member: "p-amira").first {
                $0.kind == EventKind.scoreGiven && $0.payload.contains(#""criterion":"innovation""#)
            })
        #expect(try await store.verify().isIntact)
        return (fixture, store, event)
    }

    @Test func theTriggersRefuseChangesToTheHistory() async throws {
        let (fixture, store, event) = try await scoredStore()
        #expect(throws: (any Error).self) {
            try fixture.tamper("UPDATE events SET actor = 'someone else' WHERE seq = \(event.sequence)")
        }
        #expect(throws: (any Error).self) { try fixture.tamper("DELETE FROM events WHERE seq = \(event.sequence)") }
        #expect(throws: (any Error).self) { try fixture.tamper("DELETE FROM documents") }
        #expect(try await store.verify().isIntact)
    }

    @Test func anUpdatedScoreIsCaughtAtTheEventThatGaveIt() async throws {
        let (fixture, store, event) = try await scoredStore()
        let score = try #require(try await store.currentScore("p-amira", "BID-002", "innovation"))
        let forged = score.value == 5 ? 1 : 5
        try fixture.tamper(
            "UPDATE scores SET value = \(forged) WHERE panelist = 'p-amira' AND submission_id = 'BID-002' AND criterion_id = 'innovation'")
        let result = try await store.verify()
        #expect(!result.isIntact)
        #expect(result.problems.count == 1)
        let problem = try #require(result.firstProblem)
        #expect(problem.sequence == event.sequence)
        #expect(problem.message.contains("scores table was changed outside TenderScore"))
        #expect(problem.message.contains("value is \(forged) in the table but \(score.value) in the history"))
    }

    @Test func aDeletedScoreIsCaughtAtTheEventThatGaveIt() async throws {
        let (fixture, store, event) = try await scoredStore()
        try fixture.tamper(
            "DELETE FROM scores WHERE panelist = 'p-amira' AND submission_id = 'BID-002' AND criterion_id = 'innovation'")
        let problem = try #require(try await store.verify().firstProblem)
        #expect(problem.sequence == event.sequence)
        #expect(problem.message.contains("score p-amira/BID-002/innovation it records is missing from the scores table"))
    }

    @Test func anInsertedScoreIsCaught() async throws {
        let (fixture, store, _) = try await scoredStore()
        try fixture.tamper(
            "INSERT INTO scores VALUES ('p-ruth', 'BID-005', 'innovation', 0, 'Backdated', 3)")
        let problem = try #require(try await store.verify().firstProblem)
        #expect(problem.sequence == nil)
        #expect(problem.message.contains("p-ruth/BID-005/innovation that no event in the history records"))
    }

    @Test func aChangedPriceIsCaught() async throws {
        let (fixture, store, _) = try await scoredStore()
        let received = try #require(try await store.events(submission: "BID-006").first { $0.kind == EventKind.submissionReceived })
        try fixture.tamper("UPDATE submissions SET price_amount = '999000' WHERE submission_id = 'BID-006'")
        let problem = try #require(try await store.verify().firstProblem)
        #expect(problem.sequence == received.sequence)
        #expect(problem.message.contains("price_amount is \"999000\" in the table"))
    }

    @Test func anEditedEventPayloadIsCaughtOnceTheTriggerIsDropped() async throws {
        let (fixture, store, event) = try await scoredStore()
        try fixture.tamper("DROP TRIGGER events_no_update")
        let forged = event.payload.replacingOccurrences(of: #""value":"#, with: #""value":1"#)
        try fixture.tamper(
            "UPDATE events SET payload = '\(forged.replacingOccurrences(of: "'", with: "''"))' WHERE seq = \(event.sequence)")
        let result = try await store.verify()
        let problem = try #require(result.firstProblem)
        #expect(problem.sequence == event.sequence)
        #expect(problem.message == "its content does not match its hash: it was changed after it was recorded")
        #expect(result.problems.contains { $0.message.contains("events_no_update has been removed") })
    }

    @Test func anEditedEventHashIsCaught() async throws {
        let (fixture, store, event) = try await scoredStore()
        try fixture.tamper("DROP TRIGGER events_no_update")
        try fixture.tamper("UPDATE events SET hash = '\(String(repeating: "ab", count: 32))' WHERE seq = \(event.sequence)")
        let problems = try await store.verify().problems
        #expect(problems.first?.sequence == event.sequence)
        #expect(problems.first?.message.contains("does not match its hash") == true)
        #expect(problems.contains { $0.sequence == event.sequence + 1 && $0.message.contains("does not follow from the event before it") })
    }

    @Test func aRewrittenChainStillLeavesTheProjectionToBeCaught() async throws {
        // Dropping the triggers alone already fails verification: the safeguards are part of
        // what an intact store looks like.
        let (fixture, store, _) = try await scoredStore()
        try fixture.tamper("DROP TRIGGER events_no_delete")
        let result = try await store.verify()
        #expect(result.problems.map(\.description) == [
            "the append-only safeguard events_no_delete has been removed: the store was changed outside TenderScore"
        ])
    }

    @Test func aTruncatedTailIsCaughtWithTheExpectedHead() async throws {
        let (fixture, store, _) = try await scoredStore()
        let head = try await store.head()
        let last = try #require(try await store.events().last)
        #expect(last.kind == EventKind.scoreGiven)
        // Remove the last event and the score it set, so the rest is self-consistent.
        try fixture.tamper("DROP TRIGGER events_no_delete")
        try fixture.tamper("DELETE FROM events WHERE seq = \(head.sequence)")
        try fixture.tamper("DELETE FROM scores WHERE event_seq = \(head.sequence)")
        // Put the safeguard back exactly as it was.
        try fixture.tamper(
            """
            CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'the history is append-only: an event cannot be deleted'); END
            """)

        // Without the head written down, a cleanly cut tail cannot be seen...
        let unaided = try await store.verify()
        #expect(unaided.isIntact)
        #expect(unaided.eventCount == head.sequence - 1)
        // ...with it, it is.
        let result = try await store.verify(expectHead: head.hash)
        let problem = try #require(result.firstProblem)
        #expect(problem.sequence == head.sequence)
        #expect(problem.message.contains("The history's head is \(unaided.head ?? "") (event \(head.sequence - 1)); you gave \(head.hash)"))
        #expect(problem.message.contains("Check that you copied it whole and exactly"))
        // A prefix of 16 or more digits is enough to write down.
        #expect(!(try await store.verify(expectHead: String(head.hash.prefix(16)))).isIntact)
        #expect(try await store.verify(expectHead: String(unaided.head?.prefix(16) ?? "")).isIntact)
    }

    @Test func aDeletedLastEventWhoseRowsRemainIsCaughtEvenWithoutTheHead() async throws {
        let (fixture, store, _) = try await scoredStore()
        let head = try await store.head()
        try fixture.tamper("DROP TRIGGER events_no_delete")
        try fixture.tamper("DELETE FROM events WHERE seq = \(head.sequence)")
        let problems = try await store.verify().problems
        #expect(problems.contains { $0.message.contains("that no event in the history records (it claims to come from event \(head.sequence))") })
    }

    @Test func aChangedOriginalDocumentIsCaught() async throws {
        let (fixture, store, _) = try await scoredStore()
        let received = try #require(try await store.events(submission: "BID-004").first { $0.kind == EventKind.submissionReceived })
        let sha = try #require(try await store.originalDocument(ofSubmission: "BID-004")?.sha256)
        try fixture.tamper("DROP TRIGGER documents_no_update")
        try fixture.tamper("UPDATE documents SET bytes = CAST('<submission/>' AS BLOB) WHERE sha256 = '\(sha)'")
        let problem = try #require(try await store.verify().firstProblem)
        #expect(problem.sequence == received.sequence)
        #expect(problem.message.contains("was changed: its bytes no longer have the SHA-256"))
    }

    @Test func aChangedCriteriaWeightIsCaughtAtTheFirstEvent() async throws {
        let (fixture, store, _) = try await scoredStore()
        try fixture.tamper(
            #"UPDATE tender SET criteria_json = replace(criteria_json, '"weight":"12"', '"weight":"22"')"#)
        let problem = try #require(try await store.verify().firstProblem)
        #expect(problem.sequence == 1)
        #expect(problem.message.contains("criteria_json"))
    }
}
