import Foundation
import TenderModel
import TenderXML
import Testing
import TenderTestSupport

/// The CSV scoresheets panel members save from Excel, LibreOffice or Google Sheets, read from
/// the sample tender's real sheet of Dev Patel (commissioner): 42 scores on lines 2–43.
@Suite("CSV scoresheets as spreadsheets save them")
struct ScoresheetCSVTests {
    /// The sample sheet, with its CRLF line ends (as Excel saves) made LF so its lines can be
    /// edited one by one; CRLF itself is tested in ``headerNames()``.
    static func sample() throws -> String { try SampleDocuments.csvSheet() }

    static func lines() throws -> [String] { try SampleDocuments.csvSheetLines() }

    static func load(_ text: String, file: String = "scores/p-dev.csv") throws -> Scoresheet {
        try #require(try DocumentLoader().load(bytes: Array(text.utf8), file: file).document.scoresheet)
    }

    /// The sample as a spreadsheet saves it with another delimiter: fields split at the commas
    /// outside quotes, and quoted when they hold the new delimiter.
    static func delimited(_ text: String, by delimiter: Character) -> String {
        text.components(separatedBy: "\n").map { line -> String in
            var fields: [String] = []
            var field = ""
            var inQuotes = false
            for character in line {
                if character == "\"" { inQuotes.toggle() }
                if character == "," && !inQuotes {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
            }
            fields.append(field)
            return fields.map { $0.contains(delimiter) && !$0.hasPrefix("\"") ? "\"\($0)\"" : $0 }
                .joined(separator: String(delimiter))
        }.joined(separator: "\n")
    }

    // MARK: Quotes

    @Test("An unterminated quote is refused at the line and column where it opened")
    func unterminatedQuote() throws {
        var lines = try Self.lines()
        // Line 3 is `p-dev,BID-001,local-insights,4,"Engagement … against the numbers."`.
        #expect(lines[2].hasSuffix("numbers.\""))
        lines[2].removeLast()
        let opening = try #require(lines[2].firstIndex(of: "\""))
        let column = lines[2].distance(from: lines[2].startIndex, to: opening) + 1
        let diagnostics = refusal(of: Array(lines.joined(separator: "\n").utf8), file: "scores/p-dev.csv")
        expectDiagnostic(
            in: diagnostics, containing: "the quote opened at line 3 is never closed", file: "scores/p-dev.csv", line: 3,
            column: column)
    }

    @Test("A quoted rationale with line breaks in it is one rationale, and the rows after it keep their lines")
    func quotedLineBreaks() throws {
        var lines = try Self.lines()
        lines[1] = lines[1].replacingOccurrences(of: "places, a peppercorn", with: "places,\na peppercorn\r\nrent")
        let sheet = try Self.load(lines.joined(separator: "\n"))
        #expect(sheet.scores.count == 42)
        #expect(sheet.scores.first?.rationale.hasPrefix("Member-made asset map of 86 places, a peppercorn rent rent at") == true)
        #expect(sheet.scores.dropFirst().first?.location?.line == 5)
        #expect(sheet.scores.last?.location?.line == 45)
    }

    @Test("Text after a closing quote is refused where it stands")
    func textAfterClosingQuote() throws {
        var lines = try Self.lines()
        lines[1] = lines[1].replacingOccurrences(of: "\"Member-made asset map", with: "\"Member-made\" asset map")
        let diagnostics = refusal(of: Array(lines.joined(separator: "\n").utf8), file: "scores/p-dev.csv")
        expectDiagnostic(in: diagnostics, containing: "text follows the closing quote", line: 2, column: 44)
    }

    // MARK: Control characters

    static let controlCharacters: [(String, String)] = [
        ("\u{1B}", "U+001B"), ("\u{07}", "U+0007"), ("\u{00}", "U+0000"), ("\u{7F}", "U+007F"), ("\u{85}", "U+0085"),
        ("\u{9B}", "U+009B"),
    ]

    @Test("A control character in a rationale is refused at its line and column", arguments: controlCharacters)
    func controlCharacter(_ character: String, _ code: String) throws {
        var lines = try Self.lines()
        // Line 5 is `p-dev,BID-001,innovation,…`; put the character just after its opening quote.
        let opening = try #require(lines[4].firstIndex(of: "\""))
        let column = lines[4].distance(from: lines[4].startIndex, to: opening) + 2
        lines[4].insert(contentsOf: character, at: lines[4].index(after: opening))
        let diagnostics = refusal(of: Array(lines.joined(separator: "\n").utf8), file: "scores/p-dev.csv")
        expectDiagnostic(in: diagnostics, containing: "control character \(code)", line: 5, column: column)
    }

    @Test("A control character in an identifier is refused too")
    func controlCharacterInIdentifier() throws {
        var lines = try Self.lines()
        lines[6] = lines[6].replacingOccurrences(of: "p-dev,BID-001", with: "p-dev,BID-\u{7F}001")
        let diagnostics = refusal(of: Array(lines.joined(separator: "\n").utf8), file: "scores/p-dev.csv")
        expectDiagnostic(in: diagnostics, containing: "control character U+007F", line: 7, column: 11)
    }

    @Test("A tab inside a rationale is ordinary white space")
    func tabIsAllowed() throws {
        var lines = try Self.lines()
        lines[4] = lines[4].replacingOccurrences(of: " ", with: "\t")
        let sheet = try Self.load(lines.joined(separator: "\n"))
        #expect(sheet.scores.count == 42)
    }

    @Test("A score too long to be a number of any scale says so, not that it is no whole number")
    func hugeScore() throws {
        var lines = try Self.lines()
        lines[3] = lines[3].replacingOccurrences(of: "working-together,4,", with: "working-together,44444444444444444444444,")
        let diagnostics = refusal(of: Array(lines.joined(separator: "\n").utf8), file: "p-dev.csv")
        expectDiagnostic(in: diagnostics, containing: "score 44444444444444444444444 is far outside any scale", line: 4, column: 1)
        #expect(!diagnostics.contains { $0.message.contains("not a whole number") }, "\(diagnostics)")
    }

    // MARK: Headers and delimiters

    @Test("A sheet with a header row and no rows of scores is refused in those words")
    func headerOnly() throws {
        let header = try #require(try Self.lines().first)
        let diagnostics = refusal(of: Array((header + "\n").utf8), file: "scores/p-dev.csv")
        let found = expectDiagnostic(in: diagnostics, containing: "the sheet has no rows of scores", line: 1, column: 1)
        #expect(found?.message.contains("''") == false)
    }

    @Test("Semicolon and tab delimiters, as Excel writes them in many locales, read the same", arguments: [";", "\t"])
    func delimiters(_ delimiter: String) throws {
        let reference = try Self.load(Self.sample())
        let sheet = try Self.load(Self.delimited(Self.sample(), by: Character(delimiter)))
        #expect(sheet.scores.count == 42)
        #expect(sheet.scores == reference.scores)
    }

    static let headers = [
        "panelist,submission,criterion,score,rationale,bidder,question",
        "bidder,question,panelist,submission,criterion,score,rationale",
        "panelist,bidder,submission,question,criterion,score,rationale",
    ]

    @Test("Extra columns (bidder, question) are ignored wherever they stand", arguments: headers)
    func extraColumns(_ header: String) throws {
        let reference = try Self.load(Self.sample())
        let names = header.split(separator: ",").map(String.init)
        var rows = [header]
        for score in reference.scores {
            let values = [
                "panelist": score.panelist, "submission": score.submission, "criterion": score.criterion,
                "score": String(score.value), "rationale": "\"\(score.rationale)\"",
                "bidder": "\"Westfield Voices Co-operative, Ltd\"", "question": "What will you build on?",
            ]
            rows.append(names.map { values[$0] ?? "" }.joined(separator: ","))
        }
        let sheet = try Self.load(rows.joined(separator: "\n") + "\n")
        #expect(sheet.scores.map(\.withoutLocation) == reference.scores.map(\.withoutLocation))
    }

    @Test("Header names are matched without regard to case or surrounding spaces, after a BOM")
    func headerNames() throws {
        var lines = try Self.lines()
        lines[0] = " Panelist , SUBMISSION,Criterion ,Score,RATIONALE"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\r\n").utf8)
        let sheet = try #require(try DocumentLoader().load(bytes: bytes, file: "p-dev.csv").document.scoresheet)
        #expect(sheet.scores.count == 42)
        #expect(sheet.panelist == "p-dev")
    }

    @Test("A column named twice in the header is refused")
    func duplicateColumn() throws {
        var lines = try Self.lines()
        lines[0] += ",Score"
        for index in 1..<43 { lines[index] += ",3" }
        let diagnostics = refusal(of: Array(lines.joined(separator: "\n").utf8), file: "p-dev.csv")
        expectDiagnostic(in: diagnostics, containing: "the header row names 'score' twice", line: 1, column: 1)
    }

    // MARK: Every problem at once

    @Test("Every problem of a sheet is reported, in file order")
    func everyProblemInOrder() throws {
        var lines = try Self.lines()
        lines[2] = lines[2].replacingOccurrences(of: "p-dev,BID-001", with: "p-dev,BID 001")
        lines[3] = "p-dev,BID-001,working-together,4"
        lines[5] = lines[5].replacingOccurrences(of: ",1,\"Reserves", with: ",one,\"Reserves")
        let diagnostics = refusal(of: Array(lines.joined(separator: "\n").utf8), file: "p-dev.csv")
        #expect(diagnostics.map(\.location.line) == [3, 4, 6], "\(diagnostics)")
    }
}
