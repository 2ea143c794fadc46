import Foundation
import Testing
import TenderStore
import TenderTestSupport
import TenderWorkflow

/// The files kept with a bid sent as a response form are fingerprinted in its event like the
/// form itself: an appendix or the derived XML changed behind the tool's back is caught.
@Suite struct FormTamperingTests {
    @Test(arguments: ["appendix", "derived"])
    func aChangedFileKeptWithAFormIsCaught(which: String) async throws {
        let fixture = try StoreFixture()
        let store = try await fixture.withBids()
        _ = try await store.importForms(folders: [SampleTender.formBids[0]], actor: "Dev Patel")
        #expect(try await store.verify().isIntact)
        let bid = try #require(try await store.receivedFiles(ofSubmission: "BID-008", for: ActingPerson("Dev Patel")))
        let sha = try #require(which == "appendix" ? bid.appendices.first?.sha256 : bid.derived?.sha256)
        try fixture.tamper("DROP TRIGGER documents_no_update")
        try fixture.tamper("UPDATE documents SET bytes = CAST('%PDF-1.4 forged' AS BLOB) WHERE sha256 = '\(sha)'")
        let problem = try #require(try await store.verify().firstProblem)
        #expect(problem.sequence == 10)
        #expect(problem.message.contains("was changed: its bytes no longer have the SHA-256"))
        await #expect {
            _ = try await store.receivedFiles(ofSubmission: "BID-008", for: ActingPerson("Dev Patel"))
        } throws: { error in
            (error as? StoreError)?.message.hasSuffix("received with BID-008, is missing or changed; run verify") == true
        }
    }
}
