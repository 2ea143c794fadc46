import Foundation
import TenderModel
import TenderXML
import Testing
import TenderWorkflow
import TenderTestSupport

/// A bid that is a valid document on its own but breaks a rule of the tender it is sent to.
struct MismatchedBid: Sendable, CustomTestStringConvertible {
    var rule: String
    var document: MarkedDocument
    var tender: String?
    var message: String
    var severity: Diagnostic.Severity

    init(_ rule: String, _ marked: String, tender: String? = "T-1", message: String, severity: Diagnostic.Severity = .error) {
        self.rule = rule
        self.document = MarkedDocument(marked)
        self.tender = tender
        self.message = message
        self.severity = severity
    }

    var testDescription: String { rule }
}

@Suite("Submissions checked against their tender")
struct SubmissionImportChecksTests {
    static func templateCriteria() throws -> Criteria {
        try #require(try loadValid(Template.criteria, file: "framework.xml").document.criteria)
    }

    @Test("The template bid fits the template framework without a word")
    func fits() throws {
        let submission = try #require(try loadValid(Template.submission).document.submission)
        #expect(ImportChecks.check(submission, tender: "T-1", criteria: try Self.templateCriteria()).isEmpty)
    }

    static let rootTag = SampleDocuments.submissionRootTag
    static let planResponse = """
          <response criterion="plan">
            <answer><p>First we listen.</p><p>Then we start.</p></answer>
          </response>

        """

    static let mismatches: [MismatchedBid] = [
        MismatchedBid(
            "an unknown criterion is an error",
            Template.edit(Template.submission, (#"<response criterion="plan">"#, #"▸<response criterion="budget">"#)),
            message: "'budget' is not a criterion of test-framework (its criteria are assets, plan)"),
        MismatchedBid(
            "a missing response is a warning",
            Template.edit(Template.submission, (rootTag, "▸" + rootTag), (planResponse, "")),
            message: "BID-1 gives no response to 'plan'", severity: .warning),
        MismatchedBid(
            "an answer over maxWords is a warning",
            Template.edit(
                Template.submission,
                (#"<response criterion="assets">"#, #"▸<response criterion="assets">"#),
                ("The time bank and two tenant groups.", "One two three four five six seven eight nine ten eleven twelve.")),
            message: "the answer to 'assets' has 12 words, over the limit of 10", severity: .warning),
        MismatchedBid(
            "the tender matches",
            Template.edit(Template.submission, (rootTag, "▸" + rootTag)), tender: "T-2",
            message: "BID-1 is for tender T-1, not T-2"),
        MismatchedBid(
            "a price is required when price carries marks",
            Template.edit(Template.submission, (rootTag, "▸" + rootTag), (#"  <price currency="GBP">1180000.50</price>"# + "\n", "")),
            message: "BID-1 gives no price, and price carries marks in test-framework"),
        MismatchedBid(
            "the price is in the tender's currency",
            Template.edit(
                Template.submission, (rootTag, "▸" + rootTag),
                (#"<price currency="GBP">"#, #"<price currency="EUR">"#)),
            message: "the price is in EUR, but the tender is priced in GBP"),
    ]

    @Test("Each rule between a bid and its tender is enforced where it is broken", arguments: mismatches)
    func mismatch(_ mismatch: MismatchedBid) throws {
        let file = "bids/BID-1.xml"
        let loaded = try DocumentLoader().load(bytes: mismatch.document.bytes, file: file)
        let submission = try #require(loaded.document.submission)
        let found = ImportChecks.check(submission, tender: mismatch.tender, criteria: try Self.templateCriteria())
        expectDiagnostic(
            in: found, containing: mismatch.message, severity: mismatch.severity, file: file,
            line: mismatch.document.line, column: mismatch.document.column)
        #expect(found.containsErrors == (mismatch.severity == .error), "\(found)")
    }

    @Test("Without a tender to compare, the tender is not checked")
    func noTender() throws {
        let submission = try #require(try loadValid(Template.submission).document.submission)
        var other = submission
        other.tender = "T-9"
        #expect(ImportChecks.check(other, tender: nil, criteria: try Self.templateCriteria()).isEmpty)
    }

    @Test("A quality-only framework needs no price")
    func qualityOnly() throws {
        let text = Template.edit(Template.submission, (#"  <price currency="GBP">1180000.50</price>"# + "\n", ""))
        let submission = try #require(try loadValid(text).document.submission)
        var criteria = try Self.templateCriteria()
        criteria.price = nil
        #expect(ImportChecks.check(submission, tender: "T-1", criteria: criteria).isEmpty)
    }

    @Test("The sample bids fit the co-production framework; BID-004 leaves a question out, BID-005 runs long")
    func sampleBids() throws {
        let criteria = try #require(try Fixture.load("Criteria/coproduction-commissioning.xml").document.criteria)
        for relative in SampleDocuments.bids {
            let submission = try #require(try Fixture.load(relative).document.submission)
            let found = ImportChecks.check(submission, tender: "TND-2026-014", criteria: criteria)
            #expect(!found.containsErrors, "\(relative): \(found)")
            switch submission.id {
            case "BID-004":
                expectDiagnostic(
                    in: found, containing: "BID-004 gives no response to 'innovation'", severity: .warning, line: 2, column: 1)
            case "BID-005":
                // 666 words counted independently (a script over the XML text) against maxWords="500".
                expectDiagnostic(
                    in: found, containing: "the answer to 'long-term' has 666 words, over the limit of 500", severity: .warning,
                    line: 42, column: 3)
            default:
                #expect(found.isEmpty, "\(relative): \(found)")
            }
        }
    }
}
