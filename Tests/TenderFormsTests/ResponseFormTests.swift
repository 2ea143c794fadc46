import Foundation
import Testing
import TenderForms
import TenderXML

/// The form as written: markers for every place to write, real headings and lists, the
/// language and title set, no layout tables; and a blank form is not mistaken for a bid.
@Suite struct ResponseFormTests {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    private func part(_ name: String, of package: Data) throws -> XMLTreeElement {
        let bytes = try #require(try Fixtures.entries(of: package).first { $0.0 == name }?.1)
        return try XMLTreeReader.parse(bytes: Array(bytes), file: name)
    }

    @Test func docxCarriesAControlForEveryPlaceToWrite() throws {
        let criteria = try Fixtures.criteria()
        let document = try part("word/document.xml", of: Fixtures.form(.docx))
        let tags = document.descendants("tag", namespace: Self.w).compactMap { $0.attribute("val", namespace: Self.w) }
        for criterion in criteria.criteria {
            #expect(tags.filter { $0 == "tenderscore:criterion:\(criterion.id)" }.count == 1)
            #expect(tags.filter { $0 == "tenderscore:evidence:\(criterion.id)" }.count == 1)
        }
        #expect(tags.contains("tenderscore:price"))
        #expect(tags.contains("tenderscore:tender"))
        #expect(document.descendants("tbl", namespace: Self.w).isEmpty, "no layout tables")
        let styles = document.descendants("pStyle", namespace: Self.w).compactMap { $0.attribute("val", namespace: Self.w) }
        #expect(styles.filter { $0 == "Heading1" }.count == 1)
        #expect(styles.filter { $0 == "Heading2" }.count == criteria.criteria.count + 4)
        #expect(styles.contains("ListBullet"))
        let stylesPart = try part("word/styles.xml", of: Fixtures.form(.docx))
        #expect(stylesPart.descendants("lang", namespace: Self.w).first?.attribute("val", namespace: Self.w) == "en-GB")
        let core = try part("docProps/core.xml", of: Fixtures.form(.docx))
        let title = core.descendants("title", namespace: "http://purl.org/dc/elements/1.1/").first
        #expect(title?.content == [.text("Response form: \(Fixtures.title)")])
    }

    @Test func odtCarriesASectionForEveryPlaceToWrite() throws {
        let criteria = try Fixtures.criteria()
        let package = try Fixtures.form(.odt)
        let entries = try Fixtures.entries(of: package)
        #expect(entries.first?.0 == "mimetype")
        #expect(entries.first?.1 == Data("application/vnd.oasis.opendocument.text".utf8))
        let content = try part("content.xml", of: package)
        let names = content.descendants("section", namespace: Self.textNS).compactMap { $0.attribute("name", namespace: Self.textNS) }
        #expect(Set(names).count == names.count)
        for criterion in criteria.criteria {
            #expect(names.contains("tenderscore:criterion:\(criterion.id)"))
        }
        #expect(content.descendants("h", namespace: Self.textNS).count == criteria.criteria.count + 5)
        #expect(!content.descendants("list", namespace: Self.textNS).isEmpty)
        #expect(content.descendants("table", namespace: "urn:oasis:names:tc:opendocument:xmlns:table:1.0").isEmpty)
        let styles = try part("styles.xml", of: package)
        let language = styles.descendants("text-properties", namespace: "urn:oasis:names:tc:opendocument:xmlns:style:1.0").first
        #expect(language?.attribute("language", namespace: "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0") == "en")
        #expect(language?.attribute("country", namespace: "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0") == "GB")
        let meta = try part("meta.xml", of: package)
        #expect(meta.descendants("title", namespace: "http://purl.org/dc/elements/1.1/").first?.content == [.text("Response form: \(Fixtures.title)")])
    }

    @Test(arguments: FormFormat.allCases) func aBlankFormIsRefusedForItsMissingName(format: FormFormat) throws {
        let folder = try Fixtures.temporaryFolder()
        let url = try Fixtures.write(Fixtures.form(format), named: "blank.\(format.rawValue)", in: folder)
        let error = try #require(throws: FormError.self) { try Fixtures.read(url) }
        #expect(error.code == .invalidAnswer)
        #expect(error.description == "\(url.path): error: the name of the organisation is blank")
    }

    @Test func writingRefusesAnotherExtension() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("form.pdf")
        let error = try #require(throws: FormError.self) {
            try ResponseForm(tender: Fixtures.tender, title: Fixtures.title, criteria: Fixtures.criteria()).write(to: url)
        }
        #expect(error.code == .unsupportedFormat)
        #expect(error.message.contains(".docx (Word) or .odt (LibreOffice)"))
    }

    /// Writes both forms where a person can open them (TENDERSCORE_FORMS_OUTPUT=DIR).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TENDERSCORE_FORMS_OUTPUT"] != nil))
    func writeFormsForInspection() throws {
        let folder = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["TENDERSCORE_FORMS_OUTPUT"]))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for format in FormFormat.allCases {
            try ResponseForm(tender: Fixtures.tender, title: Fixtures.title, criteria: Fixtures.criteria())
                .write(to: folder.appendingPathComponent("response-form.\(format.rawValue)"))
        }
    }
}
