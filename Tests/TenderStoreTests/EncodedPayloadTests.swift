import Foundation
import Testing

@testable import TenderStore
import TenderModel
import TenderTestSupport
import TenderXML

/// A payload encoded before the write (`EncodedPayload`, as `submissions import` does on every
/// core) makes the same event, byte for byte and hash for hash, as the payload itself.
@Suite struct EncodedPayloadTests {
    @Test(arguments: 1...7)
    func sameEventAsThePayload(_ number: Int) throws {
        let path = SampleTender.bids[number - 1]
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let loaded = try DocumentLoader().load(bytes: bytes, file: path)
        guard case .submission(let submission) = loaded.document else {
            Issue.record("\(path) is not a bid")
            return
        }
        let payload = SubmissionPayload(
            submission: submission, document: DocumentReference(file: path, sha256: Digest.sha256(bytes), bytes: bytes.count),
            amends: nil)
        let time = Date(timeIntervalSince1970: 1_790_000_000)
        let direct = try EventChain.prepare(
            after: Digest.genesis, sequence: 5, kind: .submissionReceived, payload: payload, actor: "Dev Patel", reason: nil,
            at: time)
        let encoded = try EventChain.prepare(
            after: Digest.genesis, sequence: 5, kind: .submissionReceived, payload: try EncodedPayload(payload),
            actor: "Dev Patel", reason: nil, at: time)
        #expect(encoded.record == direct.record)
        #expect(encoded.payload == direct.payload)
        #expect(encoded.members == direct.members)
        #expect(encoded.record.payload.contains(submission.id))
    }
}
