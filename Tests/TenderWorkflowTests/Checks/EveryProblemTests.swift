import Foundation
import TenderModel
import TenderXML
import Testing
import TenderWorkflow
import TenderTestSupport

/// A document is refused with every problem in it, in file order, so that a panel member or a
/// bidder fixes everything in one pass instead of one error per attempt.
@Suite("Every problem at once, in file order")
struct EveryProblemTests {
    /// The sample tender's framework and panel, and a sheet, read together as `validate` reads
    /// them; returns the sheet's diagnostics.
    static func validate(sheet text: String, name: String) throws -> [Diagnostic] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let criteria = try folder.write(
            [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixture.path("Criteria/coproduction-commissioning.xml")))),
            to: "criteria.xml")
        let panel = try folder.write(
            [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixture.path("Samples/panel.xml")))), to: "panel.xml")
        let sheet = try folder.write(Array(text.utf8), to: name)
        let set = DocumentSet(paths: [criteria, panel, sheet], loader: DocumentLoader())
        #expect(!set.isValid(sheet))
        return set.diagnostics(for: sheet)
    }

    @Test("A CSV sheet with a score of 6 on line 2 and no rationale on line 3 reports both, line 2 first")
    func csvSheetAgainstTender() throws {
        var lines = try SampleDocuments.csvSheetLines()
        lines[1] = lines[1].replacingOccurrences(of: "local-assets,4,", with: "local-assets,6,")
        lines[2] = "p-dev,BID-001,local-insights,4,"
        let diagnostics = try Self.validate(sheet: lines.joined(separator: "\n"), name: "p-dev.csv")
        #expect(diagnostics.map(\.location.line) == [2, 3], "\(diagnostics)")
        expectDiagnostic(in: diagnostics, containing: "score 6 is outside the scale 0–5", line: 2)
        expectDiagnostic(in: diagnostics, containing: "has no rationale", line: 3)
    }

    @Test("An XML sheet reports its schema errors and the rules beyond the schema together, in order")
    func xmlSheetSchemaAndRules() throws {
        var text = try String(contentsOfFile: Fixture.path("Samples/scoresheets/p-amira.xml"), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        // Line 3 loses its rationale (a rule beyond the XSD); line 4 gets a score of 4.5 (the XSD).
        lines[2] = #"  <score submission="BID-001" criterion="local-assets" value="4"></score>"#
        lines[3] = lines[3].replacingOccurrences(of: #"value="5""#, with: #"value="4.5""#)
        lines[6] = lines[6].replacingOccurrences(of: #"value="#, with: #"value="6" old="#)
        text = lines.joined(separator: "\n")
        let diagnostics = refusal(of: Array(text.utf8), file: "p-amira.xml")
        #expect(diagnostics.map(\.location.line) == [3, 4, 7], "\(diagnostics)")
        expectDiagnostic(in: diagnostics, containing: "has no rationale", line: 3, column: 3)
        expectDiagnostic(in: diagnostics, containing: "'4.5' is not a whole number", line: 4)
        #expect(diagnostics.filter { $0.location.line == 4 }.count == 1, "one problem, said once: \(diagnostics)")
        expectDiagnostic(in: diagnostics, containing: "attribute 'old' is not allowed", line: 7)
    }

    @Test("A panel reports a bad role (XSD) and a conflict with a non-member (beyond it) together")
    func panelSchemaAndRules() throws {
        let text = Template.edit(
            Template.panel,
            (#"role="commissioner""#, #"role="chair""#),
            (#"<conflict member="p-dev""#, #"<conflict member="p-zed""#))
        let diagnostics = refusal(of: Array(text.utf8), file: "panel.xml")
        #expect(diagnostics.map(\.location.line) == [4, 5], "\(diagnostics)")
        expectDiagnostic(in: diagnostics, containing: "The value 'chair' is not an element of the set", line: 4)
        expectDiagnostic(in: diagnostics, containing: "'p-zed', who is not a member", line: 5)
    }

    @Test("A bid reports a bad bidder type (XSD) and a criterion answered twice (beyond it) together")
    func submissionSchemaAndRules() throws {
        let text = Template.edit(
            Template.submission,
            ("<type>user-led</type>", "<type>charity</type>"),
            (#"<response criterion="plan">"#, #"<response criterion="assets">"#))
        let diagnostics = refusal(of: Array(text.utf8), file: "BID-1.xml")
        #expect(diagnostics.map(\.location.line) == [5, 13], "\(diagnostics)")
        expectDiagnostic(in: diagnostics, containing: "The value 'charity' is not an element of the set", line: 5)
        expectDiagnostic(in: diagnostics, containing: "criterion 'assets' is answered twice", line: 13)
    }

    @Test("A framework reports a bad threshold (XSD) and weights that miss 100 (beyond it) together")
    func criteriaSchemaAndRules() throws {
        let text = Template.edit(
            Template.criteria,
            (#"threshold="1""#, #"threshold="one""#),
            (#"<criterion id="plan" weight="30">"#, #"<criterion id="plan" weight="20">"#))
        let diagnostics = refusal(of: Array(text.utf8), file: "criteria.xml")
        #expect(diagnostics.map(\.location.line) == [2, 12], "\(diagnostics)")
        expectDiagnostic(in: diagnostics, containing: "the weights add up to 90", line: 2)
        expectDiagnostic(in: diagnostics, containing: "'one' is not a whole number", line: 12)
        #expect(diagnostics.filter { $0.location.line == 12 }.count == 1, "one problem, said once: \(diagnostics)")
    }
}

/// Refusals that say what is actually wrong.
@Suite("Numbers too long to be meant")
struct NumberLimitTests {
    @Test("A 45-digit price is refused for its digits, not as 'not an amount'", arguments: [45, 20])
    func longPrice(digits: Int) throws {
        let price = String(repeating: "9", count: digits) + ".00"
        let text = Template.edit(Template.submission, ("1180000.50", price))
        let diagnostics = refusal(of: Array(text.utf8), file: "BID-1.xml")
        let found = expectDiagnostic(in: diagnostics, containing: "has too many digits", line: 8)
        #expect(found?.message.contains("at most 15 digits before the decimal point") == true, "\(diagnostics)")
        #expect(!diagnostics.contains { $0.message.contains("not an amount") }, "\(diagnostics)")
    }

    @Test("A weight with 42 decimal places is refused for its decimal places", arguments: [42, 7])
    func longWeight(places: Int) throws {
        let weight = "40." + String(repeating: "0", count: places)
        let text = Template.edit(Template.criteria, (#"id="assets" weight="40""#, #"id="assets" weight="\#(weight)""#))
        let diagnostics = refusal(of: Array(text.utf8), file: "criteria.xml")
        let found = expectDiagnostic(in: diagnostics, containing: "has too many decimal places", line: 12)
        #expect(found?.message.contains("and 6 after it") == true, "\(diagnostics)")
        #expect(!diagnostics.contains { $0.message.contains("not a weight from 0 to 100") }, "\(diagnostics)")
    }

    @Test("Prices and weights within the limits read exactly")
    func withinLimits() throws {
        let text = Template.edit(Template.submission, ("1180000.50", "999999999999999.999999"))
        let price = try #require(try loadValid(text).document.submission?.price)
        #expect(price.amount == Decimal(string: "999999999999999.999999"))
    }
}

/// Control characters (which XML 1.0 allows as DEL and C1, and which no person means to type)
/// in the text of XML documents.
@Suite("Control characters in XML documents")
struct XMLControlCharacterTests {
    @Test("DEL and C1 characters in a rationale are refused at the score", arguments: ["&#x7F;", "\u{7F}", "&#x85;", "\u{9B}"])
    func rationale(_ character: String) throws {
        let text = Template.edit(
            Template.scoresheet, ("Names the time bank", "▸Names the time\(character) bank"))
        let marked = MarkedDocument(text)
        let diagnostics = refusal(of: marked.bytes, file: "p-amira.xml")
        let found = expectDiagnostic(in: diagnostics, containing: "control character U+00", line: marked.line)
        #expect(found?.message.contains("rationale") == true || found?.message.contains("<score>") == true, "\(diagnostics)")
    }

    @Test("A control character in a bid's answer or a member's name is refused too")
    func otherKinds() throws {
        let bid = Template.edit(Template.submission, ("The time bank", "The time\u{85} bank"))
        expectDiagnostic(in: refusal(of: Array(bid.utf8), file: "BID-1.xml"), containing: "control character U+0085", line: 10)
        let panel = Template.edit(Template.panel, ("Dev Patel", "Dev\u{7F} Patel"))
        expectDiagnostic(in: refusal(of: Array(panel.utf8), file: "panel.xml"), containing: "control character U+007F", line: 4)
    }
}
