import Crypto
import Foundation
import Testing
import TenderForms
import TenderModel
import TenderXML

/// Forms written by TenderScore, filled in by python-docx and odfpy as a bidder's word processor
/// would, read back: every answer equals what was written, paragraphs and lists included.
@Suite struct RoundTripTests {
    static func answers(evidence: [String: [String]] = [:]) -> FilledAnswers {
        var blocks: [String: [FilledAnswers.Block]] = [
            "tenderscore:criterion:local-assets": [
                .p("We already work with the Westfield Time Bank & the Hollins Road tenants' group."),
                .p("Three things we will build on:"),
                .bullet("The library's Tuesday drop-in"),
                .bullet("Westfield Allotment Society — two plots are ours"),
                .bullet("St Luke's hall, free on weekday mornings"),
                .p("People choose which of these they join; nobody is referred."),
            ],
            "tenderscore:criterion:working-together": [
                .p("Members decide these, by vote:"),
                .number("Who we recruit"),
                .number("How the activities budget is spent"),
            ],
        ]
        for (criterion, lines) in evidence {
            blocks["tenderscore:evidence:\(criterion)"] = lines.map { .p($0) }
        }
        return FilledAnswers(
            fields: [
                "tenderscore:bidder:name": "Westfield Friends  Together CIC",
                "tenderscore:bidder:type": "social-enterprise",
                "tenderscore:bidder:registration-scheme": "GB-COH",
                "tenderscore:bidder:registration": "12345678",
                "tenderscore:bidder:locality": "Westfield",
                "tenderscore:bidder:contact": "Sam Okafor, sam@example.org, 0161 496 0000",
                "tenderscore:price": "£1,095,000.00",
            ], blocks: blocks)
    }

    @Test(arguments: FormFormat.allCases) func filledFormReadsBackAsWritten(format: FormFormat) throws {
        guard BidderPython.available() else { return }
        let folder = try Fixtures.temporaryFolder()
        let blank = try Fixtures.write(Fixtures.form(format), named: "blank.\(format.rawValue)", in: folder)
        let filled = folder.appendingPathComponent("BID-100.\(format.rawValue)")
        let appendix = try Fixtures.write(Data("Westfield asset map\n".utf8), named: "asset-map.txt", in: folder)
        try BidderPython.fill(
            form: blank, answers: Self.answers(evidence: ["local-assets": ["asset-map.txt: Asset map of Westfield"]]),
            output: filled)

        let form = try Fixtures.read(filled, appendices: [appendix])
        #expect(form.format == format)
        #expect(
            form.answers["local-assets"] == [
                .paragraph("We already work with the Westfield Time Bank & the Hollins Road tenants' group."),
                .paragraph("Three things we will build on:"),
                .listItem("The library's Tuesday drop-in", ordered: false, level: 0),
                .listItem("Westfield Allotment Society — two plots are ours", ordered: false, level: 0),
                .listItem("St Luke's hall, free on weekday mornings", ordered: false, level: 0),
                .paragraph("People choose which of these they join; nobody is referred."),
            ])
        #expect(
            form.answers["working-together"] == [
                .paragraph("Members decide these, by vote:"),
                .listItem("Who we recruit", ordered: true, level: 0),
                .listItem("How the activities budget is spent", ordered: true, level: 0),
            ])
        #expect(form.wordCount(for: "working-together") == 14, "5 + 3 + 6: list numbers are not words")
        #expect(form.answers["innovation"] == nil, "an unanswered question stays unanswered")

        let submission = form.submission
        #expect(submission.bidder.name == "Westfield Friends Together CIC")
        #expect(submission.bidder.type == .socialEnterprise)
        #expect(submission.bidder.registration == Registration(scheme: "GB-COH", identifier: "12345678"))
        #expect(submission.bidder.locality == "Westfield")
        #expect(submission.price == Money(amount: try #require(Decimal(string: "1095000.00")), currency: "GBP"))
        #expect(form.contact == "Sam Okafor, sam@example.org, 0161 496 0000")
        #expect(submission.responses.map(\.criterion) == ["local-assets", "working-together"])
        #expect(submission.response(to: "local-assets")?.evidence == [Evidence(href: "asset-map.txt", title: "Asset map of Westfield")])
        #expect(submission.response(to: "local-assets")?.paragraphs.count == 6)

        let bytes = try Data(contentsOf: filled)
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        #expect(form.original.bytes == bytes)
        #expect(submission.original == OriginalDocument(fileName: "BID-100.\(format.rawValue)", sha256: digest))
        #expect(form.appendices.map(\.fileName) == ["asset-map.txt"])
        #expect(form.warnings.isEmpty)

        // The derived submission is valid submission XML, and reads back the same.
        let xml = form.submissionXML
        #expect(xml.contains("<original file=\"BID-100.\(format.rawValue)\" sha256=\"\(digest)\"/>"))
        let loaded = try DocumentLoader().load(bytes: Array(xml.utf8), file: "BID-100.xml")
        guard case .submission(let again) = loaded.document else {
            Issue.record("not read as a submission")
            return
        }
        #expect(again.responses.map(\.paragraphs) == submission.responses.map(\.paragraphs))
        #expect(again.responses.map(\.evidence) == submission.responses.map(\.evidence))
        #expect(again.bidder == submission.bidder)
        #expect(again.price == submission.price)
    }

    @Test func anAppendixNoAnswerNamesIsKeptWithAWarning() throws {
        guard BidderPython.available() else { return }
        let folder = try Fixtures.temporaryFolder()
        let blank = try Fixtures.write(Fixtures.form(.docx), named: "blank.docx", in: folder)
        let filled = folder.appendingPathComponent("BID-101.docx")
        try BidderPython.fill(form: blank, answers: Self.answers(), output: filled)
        let extra = try Fixtures.write(Data("%PDF-1.4\n".utf8), named: "letters.pdf", in: folder)
        let form = try Fixtures.read(filled, appendices: [extra])
        #expect(form.appendices.map(\.fileName) == ["letters.pdf"])
        #expect(
            form.warnings == [
                "\(filled.path): warning: the appendix letters.pdf was sent but no answer names it; it is kept with the bid but not listed as evidence"
            ])
    }

    @Test func anAppendixNamedButNotSentIsRefusedNamingTheQuestion() throws {
        guard BidderPython.available() else { return }
        let folder = try Fixtures.temporaryFolder()
        let blank = try Fixtures.write(Fixtures.form(.odt), named: "blank.odt", in: folder)
        let filled = folder.appendingPathComponent("BID-102.odt")
        try BidderPython.fill(
            form: blank, answers: Self.answers(evidence: ["local-assets": ["map.pdf: Asset map"]]), output: filled)
        let error = try #require(throws: FormError.self) { try Fixtures.read(filled) }
        #expect(error.code == .missingAppendix)
        #expect(error.question == "local-assets")
        #expect(
            error.description
                == "\(filled.path): error: question 1 (local-assets: Recognise local assets) names the appendix “map.pdf”, but no appendices were sent; ask the bidder for the file, or check the name"
        )
    }

    @Test func aBidSentAsAFolderIsReadWhole() throws {
        guard BidderPython.available() else { return }
        let work = try Fixtures.temporaryFolder()
        let blank = try Fixtures.write(Fixtures.form(.docx), named: "blank.docx", in: work)
        let bid = work.appendingPathComponent("BID-103")
        try FileManager.default.createDirectory(at: bid, withIntermediateDirectories: true)
        try BidderPython.fill(
            form: blank, answers: Self.answers(evidence: ["local-assets": ["asset-map.txt: Asset map"]]),
            output: bid.appendingPathComponent("response.docx"))
        _ = try Fixtures.write(Data("map".utf8), named: "asset-map.txt", in: bid)
        let form = try CompletedForm.read(
            folder: bid, criteria: Fixtures.criteria(), tender: Fixtures.tender, submissionID: "BID-103", submitted: Date())
        #expect(form.original.fileName == "response.docx")
        #expect(form.appendices.map(\.fileName) == ["asset-map.txt"])
    }
}
