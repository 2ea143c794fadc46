import Foundation
import Testing
import TenderForms

/// Answers are read by the markers alone: a form whose markers were deleted, copied or renamed
/// is refused, naming the question, and a form for another tender is refused.
@Suite struct MarkerTests {
    private func refusal(_ data: Data, named name: String) throws -> FormError {
        let url = try Fixtures.write(data, named: name, in: Fixtures.temporaryFolder())
        return try #require(throws: FormError.self) { try Fixtures.read(url) }
    }

    private func docx(_ edit: (String) -> String) throws -> Data {
        try Fixtures.editing(Fixtures.form(.docx), part: "word/document.xml", edit)
    }

    private func odt(_ edit: (String) -> String) throws -> Data {
        try Fixtures.editing(Fixtures.form(.odt), part: "content.xml", edit)
    }

    @Test func aDeletedWordControlIsNamed() throws {
        let error = try refusal(
            docx { $0.replacingOccurrences(of: "w:val=\"tenderscore:criterion:local-insights\"", with: "w:val=\"answer\"") },
            named: "deleted.docx")
        #expect(error.code == .missingMarker)
        #expect(error.question == "local-insights")
        #expect(
            error.message
                == "the answer box of question 2 (local-insights: Apply local insights) is missing from the form (it was deleted); ask the bidder to copy their answers into a fresh form"
        )
    }

    @Test func aDeletedOpenDocumentSectionIsNamed() throws {
        let error = try refusal(
            odt { $0.replacingOccurrences(of: "text:name=\"tenderscore:evidence:innovation\"", with: "text:name=\"Section9\"") },
            named: "deleted.odt")
        #expect(error.code == .missingMarker)
        #expect(error.question == "innovation")
        #expect(error.message.hasPrefix("the appendices box of question 4 (innovation: Innovate) is missing from the form"))
    }

    /// What LibreOffice 7.4 does to a Word form it saves: the content controls lose their tags.
    @Test func aWordFormWhoseControlsLostTheirTagsIsExplained() throws {
        let error = try refusal(
            docx { $0.replacingOccurrences(of: "<w:tag w:val=\"tenderscore:", with: "<w:tag w:val=\"x-") }, named: "resaved.docx")
        #expect(error.code == .missingMarker)
        #expect(error.question == nil)
        #expect(
            error.message
                == "none of the form's boxes (Word content controls tagged by TenderScore) are in this file: it was not made from the TenderScore form, or it was saved by a program that drops content controls (LibreOffice 7.4 and earlier do); ask the bidder to fill in the .docx form in Word, or the .odt form in LibreOffice"
        )
    }

    /// What LibreOffice does to a block control it cannot keep: an inline control around the
    /// first paragraph's text. The box is still read, with a warning to check it.
    @Test func anAnswerBoxMovedInsideAParagraphIsReadWithAWarning() throws {
        var xml = try String(decoding: #require(Fixtures.entries(of: Fixtures.form(.docx)).first { $0.0 == "word/document.xml" }).1, as: UTF8.self)
        for (tag, value) in [("tenderscore:bidder:name", "Inline Ltd"), ("tenderscore:bidder:type", "sme"), ("tenderscore:price", "5")] {
            xml = WordFormEditing.fill(xml, tag: tag, paragraphs: [value])
        }
        xml = WordFormEditing.fill(xml, tag: "tenderscore:criterion:innovation", paragraphs: ["First paragraph."])
        let tag = "<w:tag w:val=\"tenderscore:criterion:innovation\"/>"
        let tagAt = try #require(xml.range(of: tag))
        let sdtStart = try #require(xml.range(of: "<w:sdt>", options: .backwards, range: xml.startIndex..<tagAt.lowerBound))
        let sdtEnd = try #require(xml.range(of: "</w:sdt>", range: tagAt.upperBound..<xml.endIndex))
        let control = String(xml[sdtStart.lowerBound..<sdtEnd.upperBound])
        let inline = control.replacingOccurrences(of: "<w:sdtContent><w:p>", with: "<w:sdtContent>")
            .replacingOccurrences(of: "</w:p></w:sdtContent>", with: "</w:sdtContent>")
        xml.replaceSubrange(
            sdtStart.lowerBound..<sdtEnd.upperBound, with: "<w:p>\(inline)</w:p><w:p><w:r><w:t>Second paragraph.</w:t></w:r></w:p>")
        let package = try Fixtures.editing(Fixtures.form(.docx), part: "word/document.xml") { _ in xml }
        let url = try Fixtures.write(package, named: "inline.docx", in: Fixtures.temporaryFolder())
        let form = try Fixtures.read(url)
        #expect(form.answers["innovation"] == [.paragraph("First paragraph.")])
        #expect(
            form.warnings == [
                "\(url.path): warning: the answer box of question 4 (innovation: Innovate) was saved inside a paragraph (a word processor rewrote it), so only the text still inside the box was read; compare the answer with the original file"
            ])
    }

    @Test func anOpenDocumentWithoutItsSectionsIsExplained() throws {
        let error = try refusal(
            odt { $0.replacingOccurrences(of: "text:name=\"tenderscore:", with: "text:name=\"x-") }, named: "retyped.odt")
        #expect(error.code == .missingMarker)
        #expect(error.message.hasPrefix("none of the form's boxes (sections named by TenderScore) are in this file"))
    }

    @Test func aCopiedWordControlIsNamed() throws {
        let error = try refusal(
            docx { xml in
                guard let start = xml.range(of: "<w:sdt><w:sdtPr><w:alias w:val=\"Answer to question 1"),
                    let end = xml.range(of: "</w:sdt>", range: start.upperBound..<xml.endIndex)
                else { return xml }
                let control = xml[start.lowerBound..<end.upperBound]
                return xml.replacingCharacters(in: start.lowerBound..<end.upperBound, with: control + control)
            }, named: "copied.docx")
        #expect(error.code == .duplicateMarker)
        #expect(error.question == "local-assets")
        #expect(
            error.message
                == "the answer box of question 1 (local-assets: Recognise local assets) appears twice in the form (it was copied); keep exactly one and send the form again"
        )
    }

    @Test func aSectionLibreOfficeRenamedOnCopyIsNamedAsACopy() throws {
        let error = try refusal(
            odt { xml in
                xml.replacingOccurrences(
                    of: "<text:section text:style-name=\"Answer_20_Section\" text:name=\"tenderscore:criterion:local-assets\">",
                    with:
                        "<text:section text:name=\"tenderscore:criterion:local-assets1\"><text:p>copy</text:p></text:section><text:section text:style-name=\"Answer_20_Section\" text:name=\"tenderscore:criterion:local-assets\">"
                )
            }, named: "copied.odt")
        #expect(error.code == .duplicateMarker)
        #expect(error.question == "local-assets")
        #expect(
            error.message
                == "the answer box of question 1 (local-assets: Recognise local assets) appears to have been copied (a second box is marked tenderscore:criterion:local-assets1); keep one answer box per question"
        )
    }

    @Test func aMarkerForAnotherFrameworkIsRefused() throws {
        let error = try refusal(
            odt { $0.replacingOccurrences(of: "tenderscore:criterion:innovation\"", with: "tenderscore:criterion:staffing\"") },
            named: "other.odt")
        #expect(error.code == .unknownMarker)
        #expect(error.question == "staffing")
        #expect(
            error.message
                == "the form has the answer box for a question staffing that is not in these criteria; the form may be for another tender")
    }

    @Test func aFormForAnotherTenderIsRefused() throws {
        let error = try refusal(
            docx { $0.replacingOccurrences(of: ">TND-2026-014<", with: ">TND-2025-003<") }, named: "other-tender.docx")
        #expect(error.code == .wrongTender)
        #expect(error.message == "the form is for tender TND-2025-003, not TND-2026-014; the bid may have been sent to the wrong tender")
    }

    /// Values that cannot be used, each refused in words the bidder can act on.
    @Test(arguments: [
        ("tenderscore:bidder:type", "charity", "the type of organisation is “charity”; write one of user-led, voluntary, social-enterprise, sme, large, public"),
        ("tenderscore:price", "about a million", "the price “about a million” is not an amount; write it in GBP as numbers only, for example 1180000.00"),
        ("tenderscore:price", "1.000.000", "the price “1.000.000” is not an amount; write it in GBP as numbers only, for example 1180000.00"),
        ("tenderscore:price", "1149000,50", "the price “1149000,50” is not an amount; write it in GBP as numbers only, for example 1180000.00"),
        ("tenderscore:bidder:registration-scheme", "", "the registration number is given without its register; write GB-COH, GB-CHC or another org-id.guide code"),
    ])
    func unusableValuesAreRefused(marker: String, value: String, message: String) throws {
        guard BidderPython.available() else { return }
        let folder = try Fixtures.temporaryFolder()
        let blank = try Fixtures.write(Fixtures.form(.docx), named: "blank.docx", in: folder)
        var answers = RoundTripTests.answers()
        answers.fields[marker] = value
        let filled = folder.appendingPathComponent("bad.docx")
        try BidderPython.fill(form: blank, answers: answers, output: filled)
        let error = try #require(throws: FormError.self) { try Fixtures.read(filled) }
        #expect(error.code == .invalidAnswer)
        #expect(error.message == message)
    }
}
