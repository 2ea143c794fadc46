import Foundation
import TenderPostgres
import TenderTestSupport
import Testing

/// An auditor verifies against a streaming replica (a hot standby, read-only by nature), so the
/// council's primary is not loaded by an audit: the replica's copy verifies with the primary's
/// head, and a change sent to it is refused with nothing changed.
///
/// `.ci/run` starts the standby beside the throwaway primary (`pg_basebackup -R`) and sets
/// `$TENDERSCORE_TEST_POSTGRES_REPLICA` to its URL; with `$TENDERSCORE_REQUIRE_CHECKERS` set,
/// a missing replica fails the test instead of skipping it.
@Suite(
    "an auditor verifies against a streaming replica",
    .enabled(
        if: PostgresTestServer.environment["TENDERSCORE_TEST_POSTGRES_REPLICA"] != nil
            || PostgresTestServer.environment["TENDERSCORE_REQUIRE_CHECKERS"] != nil))
struct StreamingReplicaTests {
    @Test func theReplicaVerifiesWithThePrimarysHead() async throws {
        let replicaServer = try #require(
            PostgresTestServer.environment["TENDERSCORE_TEST_POSTGRES_REPLICA"].flatMap { try? PostgresURL(parsing: $0) },
            "TENDERSCORE_TEST_POSTGRES_REPLICA is not set: CI requires this test; see .ci/run for the standby")
        let primary = try await PostgresTestServer.freshDatabase()
        let tender = try await PostgresFixture(url: primary).scored()
        let head = try await tender.snapshot().head

        var replica = primary
        replica.host = replicaServer.host
        replica.port = replicaServer.port
        let store = PostgresTestServer.raw(replica)
        let environment = ["TENDERSCORE_STORE": store, "TENDERSCORE_ACTOR": "a-morgan"]

        // The standby replays the primary's log: wait (up to 60 s) until it has the whole history.
        var verified: CLI.Outcome?
        for _ in 0..<120 {
            let outcome = try CLI.run(["audit", "verify", "--expect-head", head], environment: environment)
            if outcome.status == 0 {
                verified = outcome
                break
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        let outcome = try #require(verified, "the replica never verified with the primary's head \(head)")
        #expect(outcome.stdout.hasPrefix("Intact: ") && outcome.stdout.contains("head \(head)"), "\(outcome.all)")

        // A change sent to the replica is refused, in words, and the history stays as it was.
        let refused = try CLI.run(
            ["init", "--tender", "TND-2026-099", "--criteria", "Criteria/coproduction-commissioning.xml"],
            environment: ["TENDERSCORE_STORE": store, "TENDERSCORE_ACTOR": "Dev Patel"])
        #expect(refused.status == 1, "\(refused.all)")
        #expect(refused.stderr.contains("\(replica.redacted) was opened read-only; nothing can be changed through it."), "\(refused.all)")
        if let password = replica.password, !password.isEmpty {
            #expect(!outcome.all.contains(password) && !refused.all.contains(password))
        }
        #expect(try await tender.snapshot().head == head)
    }
}
