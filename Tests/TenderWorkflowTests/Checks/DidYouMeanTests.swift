import Foundation
import TenderModel
import TenderXML
import Testing
import TenderWorkflow
import TenderTestSupport

/// Ids are matched exactly, but a near miss is answered once per distinct wrong value with the
/// id that was probably meant, and the lines it occurs on.
@Suite("Did you mean: near misses of ids in scoresheets and bids")
struct DidYouMeanTests {
    static func check(_ text: String, file: String = "scores/p-dev.csv") throws -> [Diagnostic] {
        let tender = try ScoresheetImportChecksTests.sampleTender()
        let sheet = try #require(try DocumentLoader().load(bytes: Array(text.utf8), file: file).document.scoresheet)
        return ImportChecks.check(sheet, criteria: tender.criteria, panel: tender.panel, submissions: tender.submissions)
    }

    @Test("A sheet of 'P-Dev' is told once, with the lines, that the member is 'p-dev'")
    func memberCase() throws {
        let text = try SampleDocuments.csvSheet().replacingOccurrences(of: "p-dev,", with: "P-Dev,")
        let found = try Self.check(text)
        #expect(found.count == 1, "\(found)")
        let diagnostic = expectDiagnostic(in: found, containing: "did you mean 'p-dev'?", line: 2, column: 1)
        #expect(diagnostic?.message.contains("'P-Dev' is not a member of the panel") == true)
        #expect(diagnostic?.message.contains("on lines 2–43") == true, "\(found)")
    }

    @Test("'bid-001' on six lines is one diagnostic suggesting 'BID-001'")
    func submissionCase() throws {
        let text = try SampleDocuments.csvSheet().replacingOccurrences(of: ",BID-001,", with: ",bid-001,")
        let found = try Self.check(text)
        #expect(found.count == 1, "\(found)")
        let diagnostic = expectDiagnostic(in: found, containing: "there is no submission bid-001 in this tender; did you mean 'BID-001'?", line: 2)
        #expect(diagnostic?.message.contains("on lines 2–7") == true, "\(found)")
    }

    @Test("A criterion's title in place of its id suggests the id; scattered lines are listed")
    func criterionTitle() throws {
        let text = try SampleDocuments.csvSheet().replacingOccurrences(of: ",innovation,", with: ",Innovate,")
        let found = try Self.check(text)
        #expect(found.count == 1, "\(found)")
        let diagnostic = expectDiagnostic(
            in: found, containing: "'Innovate' is not a criterion of coproduction-commissioning; did you mean 'innovation'?", line: 5)
        // BID-001…BID-007 each have an innovation row, six lines apart: lines 5, 11, …, 41.
        #expect(diagnostic?.message.contains("on line 5 and 6 more lines") == true, "\(found)")
    }

    @Test("An unknown id with no near miss is still reported once, without a guess")
    func noGuess() throws {
        let text = try SampleDocuments.csvSheet().replacingOccurrences(of: ",BID-002,", with: ",BID-099,")
        let found = try Self.check(text)
        #expect(found.count == 1, "\(found)")
        let diagnostic = expectDiagnostic(in: found, containing: "there is no submission BID-099 in this tender", line: 8)
        #expect(diagnostic?.message.contains("did you mean") == false)
        #expect(diagnostic?.message.contains("on lines 8–13") == true, "\(found)")
    }

    @Test("A bid answering a criterion by its title is told the id")
    func bidCriterionTitle() throws {
        let tender = try ScoresheetImportChecksTests.sampleTender()
        var text = try String(contentsOfFile: Fixture.path("Samples/bids/BID-001.xml"), encoding: .utf8)
        text = text.replacingOccurrences(of: #"criterion="local-assets""#, with: #"criterion="Local-Assets""#)
        let bid = try #require(try loadValid(text, file: "BID-001.xml").document.submission)
        let found = ImportChecks.check(bid, tender: "TND-2026-014", criteria: tender.criteria)
        expectDiagnostic(in: found, containing: "'Local-Assets' is not a criterion of coproduction-commissioning; did you mean 'local-assets'?")
    }
}
