import Foundation
import TenderModel
import TenderXML
import Testing
import TenderTestSupport

@Suite("Scoresheet documents, XML and CSV")
struct ScoresheetDocumentTests {
    static let expectedScores = [
        Score(
            panelist: "p-amira", submission: "BID-1", criterion: "assets", value: 3,
            rationale: "Names the time bank and two tenant groups."),
        Score(
            panelist: "p-amira", submission: "BID-1", criterion: "plan", value: 2,
            rationale: "A plan with dates, but no budget."),
    ]

    @Test("The XML template reads as written")
    func xmlTemplate() throws {
        let loaded = try loadValid(Template.scoresheet, file: "p-amira.xml")
        let sheet = try #require(loaded.document.scoresheet)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(sheet.tender == "T-1")
        #expect(sheet.panelist == "p-amira")
        #expect(sheet.scores.map { $0.withoutLocation } == Self.expectedScores)
        #expect(sheet.scores.map { $0.location?.line } == [3, 4])
        #expect(sheet.scores.map { $0.location?.column } == [3, 3])
    }

    @Test("The CSV form gives the same scores, located by row")
    func csvTemplate() throws {
        let loaded = try loadValid(Template.scoresheetCSV, file: "p-amira.csv")
        let sheet = try #require(loaded.document.scoresheet)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.document.kind == .scoresheet)
        #expect(sheet.tender == nil)
        #expect(sheet.panelist == "p-amira")
        #expect(sheet.scores.map { $0.withoutLocation } == Self.expectedScores)
        #expect(sheet.scores.map { $0.location } == [2, 3].map { TenderModel.SourceLocation(file: "p-amira.csv", line: $0, column: 1) })
    }

    @Test("A CSV file saved by a spreadsheet as \"CSV UTF-8\" (with a BOM, CRLF lines) reads the same")
    func csvWithBOMAndCRLF() throws {
        let text = Template.scoresheetCSV.replacingOccurrences(of: "\n", with: "\r\n")
        let loaded = try DocumentLoader().load(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "p-amira.CSV")
        let sheet = try #require(loaded.document.scoresheet)
        #expect(sheet.scores.map { $0.withoutLocation } == Self.expectedScores)
    }

    @Test("A quoted rationale over several lines keeps the rows after it located")
    func multiLineRationale() {
        let csv = MarkedDocument(
            """
            panelist,submission,criterion,score,rationale
            p-amira,BID-1,assets,3,"Names the time bank,
            and two tenant groups."
            ▸p-amira,BID-1,plan,two,A plan.

            """)
        let diagnostics = refusal(of: csv.bytes, file: "p-amira.csv")
        expectDiagnostic(in: diagnostics, containing: #"score "two" is not a whole number"#, line: csv.line, column: 1)
    }

    static let broken: [BrokenDocument] = [
        BrokenDocument(
            "XML: a score is a whole number (XSD)",
            Template.edit(
                Template.scoresheet,
                (#"<score submission="BID-1" criterion="plan" value="2">"#, #"▸<score submission="BID-1" criterion="plan" value="2.5">"#)),
            message: "'2.5' is not a whole number"),
        BrokenDocument(
            "XML: each item is scored once",
            Template.edit(
                Template.scoresheet,
                (#"<score submission="BID-1" criterion="plan" value="2">"#, #"▸<score submission="BID-1" criterion="assets" value="2">"#)),
            message: "BID-1 is scored twice on 'assets' (first at line 3)"),
        BrokenDocument(
            "XML: every score has a rationale",
            Template.edit(
                Template.scoresheet,
                (#"<score submission="BID-1" criterion="plan" value="2">A plan with dates, but no budget.</score>"#,
                 #"▸<score submission="BID-1" criterion="plan" value="2">   </score>"#)),
            message: "the score for BID-1 on 'plan' has no rationale; every score needs its reason"),
        BrokenDocument(
            "XML: a rationale needs its score",
            Template.edit(
                Template.scoresheet,
                (#"<score submission="BID-1" criterion="plan" value="2">"#, #"▸<score submission="BID-1" criterion="plan" value="">"#)),
            message: "BID-1 on 'plan' has a rationale but no score"),
        BrokenDocument(
            "XML: the panelist is named (XSD)",
            Template.edit(Template.scoresheet, (#"<scoresheet xmlns="urn:tenderscore:scoresheet:1" tender="T-1" panelist="p-amira">"#, #"▸<scoresheet xmlns="urn:tenderscore:scoresheet:1" tender="T-1">"#)),
            message: "The attribute 'panelist' is required but missing"),
    ]

    @Test("Each rule of an XML scoresheet is enforced where it is broken", arguments: broken)
    func brokenXML(_ broken: BrokenDocument) {
        expectBroken(broken, file: "scores/p-amira.xml")
    }

    static let brokenCSV: [BrokenDocument] = [
        BrokenDocument(
            "CSV: a score is a whole number",
            Template.edit(Template.scoresheetCSV, ("p-amira,BID-1,plan,2,", "▸p-amira,BID-1,plan,2.5,")),
            message: #"score "2.5" is not a whole number"#),
        BrokenDocument(
            "CSV: each item is scored once",
            Template.edit(Template.scoresheetCSV, ("p-amira,BID-1,plan,2,", "▸p-amira,BID-1,assets,2,")),
            message: "BID-1 is scored twice on 'assets' (first at line 2)"),
        BrokenDocument(
            "CSV: every score has a rationale",
            Template.edit(Template.scoresheetCSV, (#"p-amira,BID-1,plan,2,"A plan with dates, but no budget.""#, #"▸p-amira,BID-1,plan,2,"#)),
            message: "the score for BID-1 on 'plan' has no rationale"),
        BrokenDocument(
            "CSV: a rationale needs its score",
            Template.edit(Template.scoresheetCSV, ("p-amira,BID-1,plan,2,", "▸p-amira,BID-1,plan, ,")),
            message: "BID-1 on 'plan' has a rationale but no score"),
        BrokenDocument(
            "CSV: the header names every column",
            Template.edit(Template.scoresheetCSV, ("panelist,submission,criterion,score,rationale", "▸panelist,submission,criterion,score,reason")),
            message: "the header row has no 'rationale' column; it must be panelist,submission,criterion,score,rationale"),
        BrokenDocument(
            "CSV: a row has as many fields as the header",
            Template.edit(Template.scoresheetCSV, ("p-amira,BID-1,assets,3,", "▸p-amira,BID-1,3,")),
            message: "this row has 4 fields where the header has 5"),
        BrokenDocument(
            "CSV: one member per sheet",
            Template.edit(Template.scoresheetCSV, ("p-amira,BID-1,plan,2,", "▸p-dev,BID-1,plan,2,")),
            message: "this row is for 'p-dev', but the sheet is p-amira's; one member per sheet"),
        BrokenDocument(
            "CSV: identifiers are NCName-like",
            Template.edit(Template.scoresheetCSV, ("p-amira,BID-1,plan,2,", "▸p-amira,BID 1,plan,2,")),
            message: "submission 'BID 1' is not a valid identifier"),
    ]

    @Test("Each rule of a CSV scoresheet is enforced where it is broken", arguments: brokenCSV)
    func brokenCSVRule(_ broken: BrokenDocument) {
        expectBroken(broken, file: "scores/p-amira.csv")
    }

    @Test("A template row left blank is not scored yet: the rest of the sheet is read")
    func blankTemplateRows() throws {
        let xml = Template.edit(
            Template.scoresheet,
            (#"<score submission="BID-1" criterion="plan" value="2">A plan with dates, but no budget.</score>"#,
             #"<score submission="BID-1" criterion="plan" value=""/>"#))
        let csv = Template.edit(Template.scoresheetCSV, (#"p-amira,BID-1,plan,2,"A plan with dates, but no budget.""#, "p-amira,BID-1,plan,,"))
        for (text, file) in [(xml, "p-amira.xml"), (csv, "p-amira.csv")] {
            let loaded = try loadValid(text, file: file)
            let sheet = try #require(loaded.document.scoresheet)
            #expect(sheet.scores.map { $0.withoutLocation } == [Self.expectedScores[0]], "\(file)")
            #expect(loaded.warnings.isEmpty, "\(file): \(loaded.warnings)")
        }
    }

    @Test("A CSV file that is not UTF-8 is refused with what to do about it")
    func csvNotUTF8() throws {
        let latin1 = try #require(Template.scoresheetCSV.replacingOccurrences(of: "Names", with: "Nämes").data(using: .isoLatin1))
        let diagnostics = refusal(of: [UInt8](latin1), file: "p-amira.csv")
        expectDiagnostic(in: diagnostics, containing: #"save it from the spreadsheet as "CSV UTF-8""#, line: 1, column: 1)
    }

    @Test("An empty CSV file is refused")
    func csvEmpty() {
        let diagnostics = refusal(of: Array("\n\n".utf8), file: "p-amira.csv")
        expectDiagnostic(in: diagnostics, containing: "it needs the header row", line: 1, column: 1)
    }
}

extension Score {
    var withoutLocation: Score {
        var copy = self
        copy.location = nil
        return copy
    }
}
