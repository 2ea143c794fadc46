import Foundation
import Testing

@testable import TenderStore
import TenderModel
import TenderSQLite
import TenderTestSupport
@_spi(Testing) import TenderWorkflow

/// The chain and the canonical JSON, checked against values worked out independently with
/// Python's hashlib and json (the commands are in each test), so an auditor can recompute them.
@Suite struct HashChainTests {
    @Test func canonicalJSONMatchesPythonSortedCompactOutput() async throws {
        // python3: json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        let payload = ScorePayload(
            score: Score(
                panelist: "p-amira", submission: "BID-001", criterion: "local-assets", value: 4,
                rationale: "Names the Westfield time bank — and \"two\" tenant groups.\n"),
            sheet: nil, amends: nil, previous: nil)
        #expect(
            try CanonicalJSON.encode(payload)
                == #"{"criterion":"local-assets","panelist":"p-amira","rationale":"Names the Westfield time bank — and \"two\" tenant groups.\n","submission":"BID-001","value":4}"#
        )
    }

    @Test func eventHashIsSHA256OfPreviousHashAndLengthPrefixedFields() async throws {
        let payload = try CanonicalJSON.encode(
            ScorePayload(
                score: Score(
                    panelist: "p-amira", submission: "BID-001", criterion: "local-assets", value: 4,
                    rationale: "Names the Westfield time bank — and \"two\" tenant groups.\n"),
                sheet: nil, amends: nil, previous: nil))
        // python3: sha256(bytes(32) + f("7") + f("2026-10-10T09:00:00.000Z") + f("Amira Khan")
        //   + f("score.given") + f(payload) + b"\xff\xff\xff\xff"), f(s) = len(utf8) as 4 bytes big-endian + utf8
        let first = EventChain.hash(
            previousHash: Digest.genesis, sequence: 7, recordedAt: "2026-10-10T09:00:00.000Z", actor: "Amira Khan",
            kind: "score.given", payload: payload, reason: nil)
        #expect(first == "4f4f5c3899db82213d53ca6088f184f49e02d8f538090eaed81fb66902db9da3")
        // An empty reason is not an absent one: f("") is four zero bytes.
        let second = EventChain.hash(
            previousHash: try #require(first), sequence: 8, recordedAt: "2026-10-10T09:00:01.250Z", actor: "Dev Patel",
            kind: "tender.finalised", payload: #"{"events":7,"tender":"TND-2026-014"}"#, reason: "")
        #expect(second == "c7d4974ea4fe72056ae2fe04e389011b59b57115ee2613727d21667e3ab22585")
    }

    @Test func timestampsAreUTCMillisecondsAndRoundTrip() async throws {
        let date = Date(timeIntervalSince1970: 1_791_622_800.25)
        #expect(Timestamp.text(date) == "2026-10-10T09:00:00.250Z")
        #expect(Timestamp.date("2026-10-10T09:00:00.250Z") == Timestamp.truncated(date))
        #expect(Timestamp.text(Date(timeIntervalSince1970: 1_791_622_800.9999)) == "2026-10-10T09:00:00.999Z")
        #expect(Timestamp.date("2026-10-10 09:00:00") == nil)
    }
}
