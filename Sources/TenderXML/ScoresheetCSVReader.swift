import Foundation
import TenderModel

/// Reads the CSV form of a scoresheet (RFC 4180 with the header
/// `panelist,submission,criterion,score,rationale`), for panel members who prefer a spreadsheet.
///
/// Forgiving of what spreadsheets do: a comma, semicolon or tab delimiter (see ``CSVTable``),
/// header names in any case and order with spaces or a byte order mark around them, and other
/// columns (the template's `bidder` and `question`) anywhere among them, which are ignored.
/// Strict about what a person may have got wrong: every problem is reported, in file order.
enum ScoresheetCSVReader {
    static let columns = ["panelist", "submission", "criterion", "score", "rationale"]

    static func read(bytes: [UInt8], file: String) throws(DocumentError) -> (Scoresheet, [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let utf8 = TextDecoding.utf8Bytes(of: bytes)
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw DocumentError(.error(at: start, "the CSV file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\""))
        }
        let table = CSVTable(text: text)
        var diagnostics = table.problems.map {
            Diagnostic.error(at: SourceLocation(file: file, line: $0.line, column: $0.column), $0.message)
        }
        let records = table.records.filter { !$0.isBlank }
        guard let headerRecord = records.first else {
            if diagnostics.isEmpty {
                diagnostics.append(
                    .error(at: start, "the CSV file is empty; it needs the header row \(columns.joined(separator: ","))"))
            }
            throw DocumentError(diagnostics.inFileOrder())
        }
        let headerLocation = SourceLocation(file: file, line: headerRecord.line, column: 1)
        let header = headerRecord.fields.map {
            $0.text.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(["\u{FEFF}"])).lowercased()
        }
        var index: [String: Int] = [:]
        for name in columns {
            let positions = header.indices.filter { header[$0] == name }
            if positions.count > 1 {
                diagnostics.append(
                    .error(
                        at: headerLocation,
                        "the header row names '\(name)' twice (columns \(positions.map { String($0 + 1) }.joined(separator: " and "))); name each column once"))
            } else if let position = positions.first {
                index[name] = position
            } else {
                diagnostics.append(
                    .error(
                        at: headerLocation,
                        "the header row has no '\(name)' column; it must be \(columns.joined(separator: ",")) "
                            + "(in any order; other columns, such as bidder and question, are ignored)"))
            }
        }
        guard index.count == columns.count else { throw DocumentError(diagnostics.inFileOrder()) }

        var rows: [ScoreRow] = []
        for record in records.dropFirst() where !record.isDamaged {
            let location = SourceLocation(file: file, line: record.line, column: 1)
            let fields = record.fields.map(\.text)
            // Spreadsheets pad rows with empty cells: only a row that loses a named column, or
            // carries text beyond the header, has the wrong number of fields.
            let needed = (index.values.max() ?? 0) + 1
            let beyond = fields.count > header.count && fields[header.count...].contains { !$0.isEmpty }
            guard fields.count >= needed, !beyond else {
                diagnostics.append(
                    .error(at: location, "this row has \(fields.count) fields where the header has \(header.count)"))
                continue
            }
            func field(_ name: String) -> String {
                fields[index[name] ?? 0].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let row = ScoreRow(
                panelist: field("panelist"), submission: field("submission"), criterion: field("criterion"),
                value: field("score"), rationale: field("rationale").foldingWhitespace(), location: location)
            for (name, value) in [("panelist", row.panelist), ("submission", row.submission), ("criterion", row.criterion)]
            where !Identifier.isValid(value) {
                diagnostics.append(.error(at: location, "\(name) '\(value)' is not a valid identifier"))
            }
            rows.append(row)
        }
        if rows.isEmpty && table.problems.isEmpty {
            diagnostics.append(
                .error(
                    at: headerLocation,
                    "the sheet has no rows of scores: under the header row, give one row per score "
                        + "(\(columns.joined(separator: ",")))"))
        }
        let panelist = rows.first?.panelist ?? ""
        let (sheet, found) = ScoreRow.scoresheet(tender: nil, panelist: panelist, rows: rows)
        return (sheet, (diagnostics + found).inFileOrder())
    }
}

/// The NCName-like identifiers SPEC.md asks for: a letter or underscore, then letters, digits,
/// `.`, `-` and `_`.
enum Identifier {
    static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first,
            CharacterSet.letters.contains(first) || first == "_"
        else { return false }
        return text.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-" || $0 == "_"
        }
    }
}
