import Foundation
import GRDB
import Testing
import TenderModel
@testable import TenderSQLite
@testable import TenderStore
import TenderTestSupport

/// The outputs' snapshot takes the bids' outlines from a second connection only when that
/// connection saw the same history as the first: a command that wrote between the two reads
/// must not mix bids of one moment with scores of another.
@Suite struct OutlineConnectionTests {
    @Test func theOutputsSnapshotHoldsEachBidsOutline() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.withBids()
        let storage = try SQLiteStorage.open(at: fixture.storePath, readOnly: true)
        let outputs = try await storage.snapshot(tender: SampleTender.tender, scope: .outputs)
        let whole = try await storage.snapshot(tender: SampleTender.tender, scope: [.responses])
        #expect(outputs.submissions.count == SampleTender.bids.count)
        #expect(outputs.submissions.map(\.submission) == whole.submissions.map { SubmissionOutline.outline(of: $0.submission) })
        #expect(outputs.submissions.map(\.sequence) == whole.submissions.map(\.sequence))
    }

    @Test func outlinesReadAtAnotherMomentAreReadAgain() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.withBids()
        try Self.readTwice(fixture.storePath)
    }

    private static func readTwice(_ path: String) throws {
        let queue = try DatabaseQueue(path: path, configuration: StoreFile.configuration(readOnly: true))
        defer { try? queue.close() }
        try queue.read { db in
            let current = try ProjectionReader.outlines(db)
            var stale = try #require(try current.outlines.first?.get())
            stale.submission.bidder.name = "A bid from another moment"
            // Seen at the same event: the second connection's outlines are the snapshot's.
            let same = ProjectionReader.OutlineRead(lastSequence: current.lastSequence, outlines: [.success(stale)])
            let taken = try ProjectionReader.snapshot(db, scope: .outputs, elsewhere: BackgroundWork { same })
            #expect(taken.submissions.map(\.submission.bidder.name) == ["A bid from another moment"])
            // Seen at another event, or not read at all: read again on this connection.
            for elsewhere in [
                ProjectionReader.OutlineRead(lastSequence: current.lastSequence - 1, outlines: [.success(stale)]), nil,
            ] {
                let read = try ProjectionReader.snapshot(db, scope: .outputs, elsewhere: BackgroundWork { elsewhere })
                #expect(read.submissions.count == SampleTender.bids.count)
                #expect(!read.submissions.contains { $0.submission.bidder.name == "A bid from another moment" })
                let expected = try current.outlines.map { try $0.get().submission }
                #expect(read.submissions.map(\.submission) == expected)
            }
        }
    }
}
