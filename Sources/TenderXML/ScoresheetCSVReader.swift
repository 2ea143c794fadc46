import CSV
import Foundation
import TenderModel

/// Reads the CSV form of a scoresheet (RFC 4180 with the header
/// `panelist,submission,criterion,score,rationale`), for panel members who prefer a spreadsheet.
enum ScoresheetCSVReader {
    static let columns = ["panelist", "submission", "criterion", "score", "rationale"]

    static func read(bytes: [UInt8], file: String) throws(DocumentError) -> (Scoresheet, [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let utf8 = TextDecoding.utf8Bytes(of: bytes)
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw DocumentError(.error(at: start, "the CSV file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\""))
        }
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else {
            throw DocumentError(.error(at: start, "the CSV file could not be read"))
        }
        guard let header = reader.next()?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
            header.contains(where: { !$0.isEmpty })
        else {
            throw DocumentError(.error(at: start, "the CSV file is empty; it needs the header row \(columns.joined(separator: ","))"))
        }
        var index: [String: Int] = [:]
        for name in columns {
            guard let position = header.firstIndex(of: name) else {
                throw DocumentError(
                    .error(
                        at: start,
                        "the header row has no '\(name)' column; it must be \(columns.joined(separator: ","))"))
            }
            index[name] = position
        }
        var line = 1 + lineBreaks(in: header)
        var rows: [ScoreRow] = []
        var diagnostics: [Diagnostic] = []
        while let fields = reader.next() {
            let rowLine = line
            line = rowLine + lineBreaks(in: fields)
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let location = SourceLocation(file: file, line: rowLine, column: 1)
            guard fields.count == header.count else {
                diagnostics.append(
                    .error(at: location, "this row has \(fields.count) fields where the header has \(header.count)"))
                continue
            }
            func field(_ name: String) -> String {
                fields[index[name] ?? 0].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            rows.append(
                ScoreRow(
                    panelist: field("panelist"), submission: field("submission"), criterion: field("criterion"),
                    value: field("score"), rationale: field("rationale").foldingWhitespace(), location: location))
        }
        if let error = reader.error {
            diagnostics.append(.error(at: SourceLocation(file: file, line: line, column: 1), "the CSV could not be read: \(error)"))
        }
        for row in rows {
            for (name, value) in [("panelist", row.panelist), ("submission", row.submission), ("criterion", row.criterion)]
            where !Identifier.isValid(value) {
                diagnostics.append(.error(at: row.location, "\(name) '\(value)' is not a valid identifier"))
            }
        }
        let panelist = rows.first?.panelist ?? ""
        let (sheet, found) = ScoreRow.scoresheet(tender: nil, panelist: panelist, rows: rows)
        return (sheet, diagnostics + found)
    }

    /// A record ends with one line break; fields may hold more (a quoted multi-line rationale).
    private static func lineBreaks(in fields: [String]) -> Int {
        1 + fields.reduce(0) { count, field in
            count + field.unicodeScalars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        }
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
