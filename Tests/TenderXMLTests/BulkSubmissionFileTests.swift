import Foundation
import TenderModel
import TenderXML
import Testing
import TenderTestSupport

/// The streaming path for bulk `<submissions>` files: the same bids, the same refusals as the
/// in-memory path, with the per-bid limit still applied.
@Suite struct BulkSubmissionFileTests {
    /// A bulk file made of the sample bids, written into `folder` (each test's own, removed when
    /// the test ends).
    static func bulkFile(in folder: TemporaryFolder, _ bids: [String], name: String = "bulk.xml", prolog: String = "") throws
        -> String
    {
        let body = bids.map { bid in
            bid.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
        }.joined(separator: "\n")
        let text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(prolog)<submissions xmlns=\"urn:tenderscore:submission:1\">\n\(body)\n</submissions>\n"
        return try folder.write(name, text)
    }

    static func sampleBids() throws -> [String] {
        try (1...7).map { try String(contentsOfFile: Fixture.path("Samples/bids/BID-00\($0).xml"), encoding: .utf8) }
    }

    @Test func streamsTheSameBidsAsTheInMemoryPath() throws {
        let folder = try TemporaryFolder("tenderscore-bulk")
        defer { folder.remove() }
        let path = try Self.bulkFile(in: folder, Self.sampleBids())
        #expect(BulkSubmissionFile.isBulk(path: path))
        var streamed: [Submission] = []
        let report = BulkSubmissionFile(path: path).read { streamed.append($0) }
        #expect(report.isValid, "\(report.diagnostics)")
        let inMemory = try DocumentLoader().load(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), file: path)
        guard case .submissions(let bids) = inMemory.document else {
            Issue.record("not read as a bulk file")
            return
        }
        #expect(streamed.map(\.id) == bids.map(\.id))
        #expect(streamed.map(\.responses) == bids.map(\.responses))
        #expect(streamed.map(\.location) == bids.map(\.location))
    }

    @Test func refusesADuplicateIdWithBothLines() throws {
        let folder = try TemporaryFolder("tenderscore-bulk")
        defer { folder.remove() }
        let bids = try Self.sampleBids()
        let path = try Self.bulkFile(in: folder, [bids[0], bids[1], bids[0]])
        let report = BulkSubmissionFile(path: path).read { _ in }
        #expect(!report.isValid)
        #expect(report.diagnostics.contains { $0.message.contains("is used twice") })
    }

    @Test("A bid in a bulk file reports its schema errors and the rules beyond the schema together, in order")
    func everyProblemOfABid() throws {
        let folder = try TemporaryFolder("tenderscore-bulk")
        defer { folder.remove() }
        var bids = try Self.sampleBids()
        bids[1] = bids[1].replacingOccurrences(of: "<type>voluntary</type>", with: "<type>charity</type>")
            .replacingOccurrences(of: #"<response criterion="local-insights">"#, with: #"<response criterion="local-assets">"#)
        let path = try Self.bulkFile(in: folder, bids)
        let report = BulkSubmissionFile(path: path).read { _ in }
        #expect(!report.isValid)
        let charity = report.diagnostics.firstIndex { $0.message.contains("'charity'") }
        let twice = report.diagnostics.firstIndex { $0.message.contains("criterion 'local-assets' is answered twice") }
        #expect(charity != nil && twice != nil, "\(report.diagnostics)")
        if let charity, let twice { #expect(charity < twice) }
        #expect(report.submissionIDs == bids.indices.filter { $0 != 1 }.map { "BID-00\($0 + 1)" })
    }

    @Test("A control character in a bulk file's bid is refused")
    func controlCharacter() throws {
        let folder = try TemporaryFolder("tenderscore-bulk")
        defer { folder.remove() }
        var bids = try Self.sampleBids()
        bids[2] = bids[2].replacingOccurrences(of: "<name>", with: "<name>\u{9B}")
        let report = BulkSubmissionFile(path: try Self.bulkFile(in: folder, bids)).read { _ in }
        #expect(report.diagnostics.contains { $0.message.contains("control character U+009B") }, "\(report.diagnostics)")
        #expect(!report.submissionIDs.contains("BID-003"))
    }

    @Test func refusesADoctype() throws {
        let folder = try TemporaryFolder("tenderscore-bulk")
        defer { folder.remove() }
        let path = try Self.bulkFile(
            in: folder, [try Self.sampleBids()[0]], prolog: "<!DOCTYPE submissions [<!ENTITY a \"b\">]>\n")
        let report = BulkSubmissionFile(path: path).read { _ in }
        #expect(report.diagnostics.contains { $0.message.contains("DTDs are not allowed") })
    }

    @Test func appliesThePerBidLimitToEachBid() throws {
        let folder = try TemporaryFolder("tenderscore-bulk")
        defer { folder.remove() }
        let path = try Self.bulkFile(in: folder, Self.sampleBids())
        var seen = 0
        let report = BulkSubmissionFile(path: path, options: DocumentReadOptions(maxDocumentBytes: 2048)).read { _ in
            seen += 1
        }
        #expect(!report.isValid)
        #expect(report.diagnostics.contains { $0.message.contains("over the limit") })
    }

    @Test func appliesTheBulkLimitToTheFile() throws {
        let folder = try TemporaryFolder("tenderscore-bulk")
        defer { folder.remove() }
        let path = try Self.bulkFile(in: folder, Self.sampleBids())
        let report = BulkSubmissionFile(path: path, options: DocumentReadOptions(maxBulkBytes: 10_000)).read { _ in }
        #expect(report.diagnostics.contains { $0.message.contains("--max-bulk-bytes") })
    }

    @Test func reportsSchemaErrorsWithTheirLine() throws {
        let folder = try TemporaryFolder("tenderscore-bulk")
        defer { folder.remove() }
        var bids = try Self.sampleBids()
        bids[3] = bids[3].replacingOccurrences(of: "<price currency=\"GBP\">", with: "<price currency=\"GBP\">x")
        let path = try Self.bulkFile(in: folder, bids)
        let report = BulkSubmissionFile(path: path).read { _ in }
        #expect(!report.isValid)
        #expect(report.diagnostics.contains { $0.location.line > 1 && $0.message.contains("price") })
    }
}
