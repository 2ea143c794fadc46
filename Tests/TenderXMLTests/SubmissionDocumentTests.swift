import Foundation
import TenderModel
import TenderXML
import Testing
import TenderTestSupport

@Suite("Submission documents")
struct SubmissionDocumentTests {
    static let sampleBids = SampleDocuments.bids

    @Test("Every sample bid loads as one submission to TND-2026-014", arguments: sampleBids)
    func sampleBid(_ relative: String) throws {
        let loaded = try Fixture.load(relative)
        let submission = try #require(loaded.document.submission)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(relative.hasSuffix("/\(submission.id).xml"))
        #expect(submission.tender == "TND-2026-014")
        #expect(submission.price?.currency == "GBP")
        #expect(submission.responses.count >= 5)
        #expect(submission.location?.line == 2)
        #expect(submission.location?.column == 1)
    }

    @Test("BID-003 reads field by field")
    func bid003() throws {
        let loaded = try Fixture.load("Samples/bids/BID-003.xml")
        let submission = try #require(loaded.document.submission)
        #expect(submission.id == "BID-003")
        #expect(submission.bidder.name == "Open Door Enterprises CIC")
        #expect(submission.bidder.type == .socialEnterprise)
        #expect(submission.bidder.registration == Registration(scheme: "GB-COH", identifier: "10456789"))
        #expect(submission.bidder.locality == "Westfield")
        #expect(submission.price == Money(amount: Decimal(string: "1312000.00") ?? 0, currency: "GBP"))
        #expect(submission.submitted == Date(timeIntervalSince1970: 1_791_305_280))  // 2026-10-06T16:48:00Z
        let first = try #require(submission.responses.first)
        #expect(first.criterion == "local-assets")
        #expect(first.location?.line == 10)
        #expect(first.location?.column == 3)
        #expect(!first.paragraphs.isEmpty)
        #expect(first.wordCount > 50)
    }

    @Test("BID-005 has no locality; its price is held exactly")
    func bid005() throws {
        let submission = try #require(try Fixture.load("Samples/bids/BID-005.xml").document.submission)
        #expect(submission.bidder.type == .large)
        #expect(submission.bidder.locality == nil)
        #expect(submission.price?.amount == Decimal(string: "1028750.00"))
    }

    @Test("The test template reads as written: paragraphs, evidence, an exact price")
    func template() throws {
        let loaded = try loadValid(Template.submission, file: "BID-1.xml")
        let submission = try #require(loaded.document.submission)
        #expect(submission.bidder.name == "Westfield Carers' Cooperative Ltd")
        #expect(submission.bidder.type == .userLed)
        #expect(submission.bidder.locality == nil)
        #expect(submission.price?.amount == Decimal(string: "1180000.50"))
        #expect(submission.submitted == Date(timeIntervalSince1970: 1_791_027_720))  // 2026-10-03T11:42:00Z
        let assets = try #require(submission.response(to: "assets"))
        #expect(assets.paragraphs == ["The time bank and two tenant groups."])
        #expect(assets.evidence == [Evidence(href: "appendix-a.pdf", title: "Asset map")])
        #expect(submission.response(to: "plan")?.paragraphs == ["First we listen.", "Then we start."])
    }

    static let rootTag = SampleDocuments.submissionRootTag

    static let broken: [BrokenDocument] = [
        BrokenDocument(
            "each criterion is answered at most once",
            Template.edit(Template.submission, (#"<response criterion="plan">"#, #"▸<response criterion="assets">"#)),
            message: "criterion 'assets' is answered twice (first at line 9)"),
        BrokenDocument(
            "the submitted time has a time zone",
            Template.edit(
                Template.submission,
                (rootTag, "▸" + rootTag.replacingOccurrences(of: "11:42:00Z", with: "11:42:00"))),
            message: #"submitted="2026-10-03T11:42:00" needs a date, a time and a time zone"#),
        BrokenDocument(
            "the submitted time is a date and time (XSD)",
            Template.edit(
                Template.submission,
                (rootTag, "▸" + rootTag.replacingOccurrences(of: "2026-10-03T11:42:00Z", with: "last Tuesday"))),
            message: "'last Tuesday' is not a date and time such as 2026-10-03T11:42:00Z"),
        BrokenDocument(
            "the price is not negative (XSD)",
            Template.edit(Template.submission, (#"<price currency="GBP">1180000.50</price>"#, #"▸<price currency="GBP">-5.00</price>"#)),
            message: "The value '-5.00' is less than the minimum value allowed ('0')"),
        BrokenDocument(
            "the bidder type is one SPEC.md names (XSD)",
            Template.edit(Template.submission, ("<type>user-led</type>", "▸<type>charity</type>")),
            message: "'charity'"),
        BrokenDocument(
            "the root is in a TenderScore namespace",
            Template.edit(
                Template.submission,
                (rootTag, "▸" + rootTag.replacingOccurrences(of: "urn:tenderscore:submission:1", with: "urn:example:bid"))),
            message: "<submission> in namespace urn:example:bid is not a TenderScore document"),
        BrokenDocument(
            "required attributes are present (XSD)",
            Template.edit(
                Template.submission, (rootTag, "▸" + rootTag.replacingOccurrences(of: #" tender="T-1""#, with: ""))),
            message: "The attribute 'tender' is required but missing"),
        BrokenDocument(
            "the bidder is named (XSD)",
            Template.edit(Template.submission, ("<name>Westfield Carers' Cooperative Ltd</name>", ""), ("<type>", "▸<type>")),
            message: "element 'type': This element is not expected here; expected is ( name )"),
    ]

    @Test("Each rule of a bid is enforced where it is broken", arguments: broken)
    func brokenRule(_ broken: BrokenDocument) {
        expectBroken(broken, file: "bids/BID-1.xml")
    }

    @Test("A bulk file holds many bids; a repeated id is refused where it repeats")
    func bulkFile() throws {
        func bid(_ id: String) -> String {
            #"<submission id="\#(id)" tender="T-1" submitted="2026-10-03T11:42:00+01:00"><bidder><name>N \#(id)</name><type>sme</type></bidder></submission>"#
        }
        let bulk = """
            <submissions xmlns="urn:tenderscore:submission:1">
            \(bid("BID-1"))
            \(bid("BID-2"))
            </submissions>
            """
        let loaded = try loadValid(bulk, file: "bulk.xml")
        let submissions = try #require(loaded.document.submissions)
        #expect(submissions.map(\.id) == ["BID-1", "BID-2"])
        #expect(submissions.map(\.bidder.name) == ["N BID-1", "N BID-2"])
        #expect(submissions.map { $0.location?.line } == [2, 3])
        #expect(loaded.document.kind == .submission)

        let repeated = MarkedDocument(bulk.replacingOccurrences(of: "\n" + bid("BID-2"), with: "\n▸" + bid("BID-1")))
        let diagnostics = refusal(of: repeated.bytes, file: "bulk.xml")
        expectDiagnostic(
            in: diagnostics, containing: "submission id 'BID-1' is used twice (first at line 2)",
            line: repeated.line, column: repeated.column)
    }

    /// `validate` reads bids without copying their paragraphs (`keepsAnswerText` off): every
    /// problem and warning, and every answer's words, must come out as a full read gives them,
    /// whatever the paragraphs hold: text in pieces around a comment or CDATA, empty and blank
    /// paragraphs, a plain-text answer, control characters XML allows and TenderScore refuses.
    @Test("Without copying the answers' text a bid reads to the same problems and words", arguments: answerShapes)
    func withoutAnswerText(_ answer: String) throws {
        let text = Template.edit(
            Template.submission, ("<answer><p>First we listen.</p><p>Then we start.</p></answer>", answer))
        let full = DocumentLoader()
        var bare = DocumentLoader()
        bare.keepsAnswerText = false
        let bytes = Array(text.utf8)
        let whole = Result { () throws(DocumentError) in try full.load(bytes: bytes, file: "BID-1.xml") }
        let counted = Result { () throws(DocumentError) in try bare.load(bytes: bytes, file: "BID-1.xml") }
        switch (whole, counted) {
        case (.success(let whole), .success(let counted)):
            #expect(counted.warnings == whole.warnings)
            let expected = try #require(whole.document.submission)
            let found = try #require(counted.document.submission)
            #expect(found.withoutAnswers() == expected.withoutAnswers())
            #expect(found.responses.map(\.wordCount) == expected.responses.map(\.wordCount))
        case (.failure(let whole), .failure(let counted)):
            #expect(counted.diagnostics == whole.diagnostics)
            #expect(counted.document?.submission?.withoutAnswers() == whole.document?.submission?.withoutAnswers())
        default:
            Issue.record("a full read gave \(whole), a read without the answers' text \(counted)")
        }
    }

    static let answerShapes = [
        "<answer><p>First we listen.</p><p>Then we start.</p></answer>",
        "<answer><p>First <!-- a note --> we listen.</p><p>Then we start.</p></answer>",
        "<answer><p>First<![CDATA[ & ]]>we listen.</p><p>Then   we\n   start.</p></answer>",
        "<answer><p></p><p>   </p><p>Only this one.</p></answer>",
        "<answer><p></p><p> \t </p></answer>",
        "<answer>\n  First we listen.\n\n  Then we start.\n</answer>",
        "<answer><p>A bell \u{7}rings here.</p></answer>",
        "<answer><p>A C1 control \u{86} in one piece.</p><p>And one <!-- x --> in \u{9F} pieces.</p></answer>",
        "<answer><p>Cr\u{E8}che, caf\u{E9} and\u{A0}a no-break space.</p><p>Two <!-- x --> pieces and <p>one</p> more</p></answer>",
    ]
}
