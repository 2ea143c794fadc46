import Foundation
import TenderModel
import TenderXML
import Testing
import TenderWorkflow
import TenderTestSupport

/// A scoresheet that is a valid document on its own but breaks a rule of the tender: checked
/// against the co-production framework (scale 0–5), the sample panel and the seven sample bids.
struct MismatchedScoresheet: Sendable, CustomTestStringConvertible {
    var rule: String
    var document: MarkedDocument
    var file: String
    var message: String
    /// The rule concerns the whole sheet: reported once, at the first row, with every line.
    var everyRow: Bool

    var testDescription: String { "\(rule) (\(file.hasSuffix(".csv") ? "CSV" : "XML"))" }

    /// The same rule broken in both forms: `row` is the one score (submission, criterion, value)
    /// the sheet of `panelist` holds, after a good one.
    static func both(
        _ rule: String, panelist: String = "p-amira", row: (String, String, String), tender: String = "TND-2026-014",
        message: String, everyRow: Bool = false
    ) -> [MismatchedScoresheet] {
        let (submission, criterion, value) = row
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scoresheet xmlns="urn:tenderscore:scoresheet:1" tender="\(tender)" panelist="\(panelist)">
              <score submission="BID-001" criterion="local-insights" value="3">Spoke to 40 people; two changes followed.</score>
              ▸<score submission="\(submission)" criterion="\(criterion)" value="\(value)">Says who was asked and what changed.</score>
            </scoresheet>
            """
        let csv = """
            panelist,submission,criterion,score,rationale
            \(panelist),BID-001,local-insights,3,Spoke to 40 people; two changes followed.
            ▸\(panelist),\(submission),\(criterion),\(value),"Says who was asked, and what changed."

            """
        return [
            MismatchedScoresheet(
                rule: rule, document: MarkedDocument(xml), file: "scores/\(panelist).xml", message: message, everyRow: everyRow),
            MismatchedScoresheet(
                rule: rule, document: MarkedDocument(csv), file: "scores/\(panelist).csv", message: message, everyRow: everyRow),
        ]
    }
}

@Suite("Scoresheets checked against the framework, the panel and the bids")
struct ScoresheetImportChecksTests {
    struct Tender {
        var criteria: Criteria
        var panel: Panel
        var submissions: Set<String>
    }

    static func sampleTender() throws -> Tender {
        Tender(
            criteria: try #require(try Fixture.load("Criteria/coproduction-commissioning.xml").document.criteria),
            panel: try #require(try Fixture.load("Samples/panel.xml").document.panel),
            submissions: Set((1...7).map { "BID-00\($0)" }))
    }

    static let mismatches: [MismatchedScoresheet] =
        MismatchedScoresheet.both(
            "a score lies within the scale", row: ("BID-003", "local-assets", "7"),
            message: "score 7 is outside the scale 0–5")
        + MismatchedScoresheet.both(
            "a score below the scale is outside it too", row: ("BID-003", "local-assets", "-1"),
            message: "score -1 is outside the scale 0–5")
        + MismatchedScoresheet.both(
            "a conflicted member does not score that bid", panelist: "p-ruth", row: ("BID-005", "local-assets", "2"),
            message: "'p-ruth' declared a conflict with BID-005 and may not score it")
        + MismatchedScoresheet.both(
            "the panelist is a member", panelist: "p-zed", row: ("BID-003", "local-assets", "2"),
            message: "'p-zed' is not a member of the panel", everyRow: true)
        + MismatchedScoresheet.both(
            "the submission is one received", row: ("BID-999", "local-assets", "2"),
            message: "there is no submission BID-999 in this tender")
        + MismatchedScoresheet.both(
            "the criterion is one of the framework", row: ("BID-003", "value-for-money", "2"),
            message: "'value-for-money' is not a criterion of coproduction-commissioning")

    @Test("Each rule between a scoresheet and its tender is an error where it is broken", arguments: mismatches)
    func mismatch(_ mismatch: MismatchedScoresheet) throws {
        let tender = try Self.sampleTender()
        let loaded = try DocumentLoader().load(bytes: mismatch.document.bytes, file: mismatch.file)
        let sheet = try #require(loaded.document.scoresheet)
        let found = ImportChecks.check(sheet, criteria: tender.criteria, panel: tender.panel, submissions: tender.submissions)
        // A rule of the whole sheet is reported once, at its first score, naming every line.
        let firstRow = mismatch.everyRow ? sheet.scores.first?.location : nil
        let diagnostic = expectDiagnostic(
            in: found, containing: mismatch.message, file: mismatch.file,
            line: firstRow?.line ?? mismatch.document.line, column: firstRow?.column ?? mismatch.document.column)
        if mismatch.everyRow {
            #expect(found.count == 1, "\(found)")
            let lines = sheet.scores.compactMap { $0.location?.line }
            #expect(diagnostic?.message.contains("on lines \(lines[0])–\(lines[1])") == true, "\(found)")
        } else {
            // Only the broken score is reported: the good one before it is fine.
            #expect(found.count == 1, "\(found)")
        }
        if mismatch.message.hasPrefix("score 7") {
            // The form SPEC.md shows, word for word.
            #expect(diagnostic?.description == "\(mismatch.file):\(mismatch.document.line):\(mismatch.document.column): error: score 7 is outside the scale 0–5")
        }
    }

    @Test("A scoresheet for another tender is an error")
    func otherTender() throws {
        let tender = try Self.sampleTender()
        let text = Template.edit(Template.scoresheet, (#"tender="T-1""#, #"tender="TND-2025-001""#))
        let sheet = try #require(try loadValid(text, file: "p-amira.xml").document.scoresheet)
        let found = ImportChecks.check(sheet, criteria: tender.criteria, panel: tender.panel, submissions: nil)
        expectDiagnostic(in: found, containing: "the scoresheet is for tender TND-2025-001, not TND-2026-014", line: 3, column: 3)
    }

    @Test("Without bids to compare, submissions are not checked")
    func noSubmissions() throws {
        let tender = try Self.sampleTender()
        let sheet = try #require(
            try DocumentLoader().load(bytes: Self.mismatchesFor(message: "BID-999").document.bytes, file: "p-amira.xml")
                .document.scoresheet)
        #expect(ImportChecks.check(sheet, criteria: tender.criteria, panel: tender.panel, submissions: nil).isEmpty)
    }

    @Test("A good sheet passes every check")
    func goodSheet() throws {
        let tender = try Self.sampleTender()
        for good in MismatchedScoresheet.both("good", panelist: "p-ruth", row: ("BID-004", "principles", "5"), message: "") {
            let sheet = try #require(try DocumentLoader().load(bytes: good.document.bytes, file: good.file).document.scoresheet)
            #expect(sheet.scores.count == 2)
            let found = ImportChecks.check(sheet, criteria: tender.criteria, panel: tender.panel, submissions: tender.submissions)
            #expect(found.isEmpty, "\(good.file): \(found)")
        }
    }

    static func mismatchesFor(message: String) throws -> MismatchedScoresheet {
        try #require(mismatches.first { $0.message.contains(message) && $0.file.hasSuffix(".xml") })
    }
}
