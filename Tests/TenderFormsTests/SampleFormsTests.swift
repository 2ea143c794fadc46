import Foundation
import Testing
import TenderForms
import TenderModel
import TenderXML

/// The two sample bids that arrived as filled-in forms (Samples/forms/): BID-008 as .docx,
/// BID-009 as .odt, each a folder with its appendix.
///
/// `TENDERSCORE_WRITE_SAMPLES=1 swift test --filter regenerateSamples` writes them again: the
/// blank forms from the criteria, filled by fill_form.py with BID-00N.answers.json, and the
/// appendix PDFs.
@Suite struct SampleFormsTests {
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Samples/forms")

    static let appendices: [String: (file: String, title: String, lines: [String])] = [
        "BID-008": (
            "appendix-a-northfield-asset-map.pdf", "Appendix A: Northfield asset map (spring 2026)",
            [
                "Drawn with members of the Northfield circles, April and May 2026.",
                "Northfield Library - Thursday games club; quiet hour for autistic visitors.",
                "Northfield Community Larder - eleven members volunteer on their own rota.",
                "Westfield Time Bank - gardening, baking and dog walking hours.",
                "Hollins Road allotments - two plots shared with the tenants' group.",
                "Westfield Harriers - walk-jog group, Saturday mornings.",
            ]
        ),
        "BID-009": (
            "appendix-a-sensory-timetable.pdf", "Appendix A: Sensory-friendly timetable",
            [
                "An example week, as the person sees it in pictures.",
                "Monday - climbing wall, quiet session, 10:00 with Dan.",
                "Tuesday - college evening class (cooking), 18:00 with Priya.",
                "Wednesday - rest day.",
                "Thursday - leisure centre swim, quiet session, 09:00 with Dan.",
                "Friday - new timetable for next week arrives by 15:00.",
            ]
        ),
    ]

    @Test(.enabled(if: ProcessInfo.processInfo.environment["TENDERSCORE_WRITE_SAMPLES"] != nil))
    func regenerateSamples() throws {
        let form = try ResponseForm(tender: Fixtures.tender, title: Fixtures.title, criteria: Fixtures.criteria())
        for format in FormFormat.allCases {
            try form.write(to: Self.folder.appendingPathComponent("response-form.\(format.rawValue)"))
        }
        for (bid, format) in [("BID-008", FormFormat.docx), ("BID-009", FormFormat.odt)] {
            let bidFolder = Self.folder.appendingPathComponent(bid)
            try? FileManager.default.removeItem(at: bidFolder)
            try FileManager.default.createDirectory(at: bidFolder, withIntermediateDirectories: true)
            let answers = Self.folder.appendingPathComponent("\(bid).answers.json")
            try BidderPython.fill(
                form: Self.folder.appendingPathComponent("response-form.\(format.rawValue)"), answersFile: answers,
                output: bidFolder.appendingPathComponent("\(bid).\(format.rawValue)"))
            let appendix = try #require(Self.appendices[bid])
            try SimplePDF.make(title: appendix.title, lines: appendix.lines)
                .write(to: bidFolder.appendingPathComponent(appendix.file))
        }
    }

    @Test func theCommittedBlankFormsAreWhatTenderScoreWritesToday() throws {
        let form = try ResponseForm(tender: Fixtures.tender, title: Fixtures.title, criteria: Fixtures.criteria())
        for format in FormFormat.allCases {
            let committed = try Data(contentsOf: Self.folder.appendingPathComponent("response-form.\(format.rawValue)"))
            #expect(committed == (try form.data(format)), "run TENDERSCORE_WRITE_SAMPLES=1 to write the samples again")
        }
    }

    @Test(arguments: [
        ("BID-008", FormFormat.docx, "Northfield Circle of Friends", BidderType.voluntary, "1149000.00", "local-assets"),
        ("BID-009", FormFormat.odt, "Kestrel Support Partnership Ltd", BidderType.sme, "1224500", "innovation"),
    ])
    func sampleBidReadsFromItsFolder(
        bid: String, format: FormFormat, name: String, type: BidderType, price: String, evidenced: String
    ) throws {
        let criteria = try Fixtures.criteria()
        let form = try CompletedForm.read(
            folder: Self.folder.appendingPathComponent(bid), criteria: criteria, tender: Fixtures.tender,
            submissionID: bid, submitted: Date(timeIntervalSince1970: 1_791_000_000))
        #expect(form.format == format)
        #expect(form.warnings.isEmpty)
        let submission = form.submission
        #expect(submission.bidder.name == name)
        #expect(submission.bidder.type == type)
        #expect(submission.price == Money(amount: try #require(Decimal(string: price)), currency: "GBP"))
        #expect(submission.responses.map(\.criterion) == criteria.criteria.map(\.id))
        for criterion in criteria.criteria {
            let words = form.wordCount(for: criterion.id)
            #expect(words > 20 && words <= (criterion.maxWords ?? .max), "\(bid) \(criterion.id): \(words) words")
        }
        let appendix = try #require(Self.appendices[bid])
        #expect(form.appendices.map(\.fileName) == [appendix.file])
        #expect(submission.response(to: evidenced)?.evidence.map(\.href) == [appendix.file])
        #expect(form.answers.values.contains { $0.contains { if case .listItem = $0 { true } else { false } } })
        #expect(submission.original?.sha256 == form.original.sha256)
        let loaded = try DocumentLoader().load(bytes: Array(form.submissionXML.utf8), file: "\(bid).xml")
        #expect(loaded.warnings.isEmpty)
    }
}
