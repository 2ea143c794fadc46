/// A CSV file split into records and fields, each field with the line and column it starts at.
///
/// Written here rather than taken from a CSV library because a scoresheet's problems must be
/// told by line and column: an unterminated quote at the line where it opened (a library reads
/// on to the end of the file and hands back the rest of the sheet as one field), a control
/// character where it stands, text after a closing quote. It reads RFC 4180 and what
/// spreadsheets write beside it: LF, CRLF or CR line ends, and a semicolon or tab delimiter
/// (Excel uses a semicolon where the decimal separator is a comma).
///
/// Lines and columns are 1-based; columns count Unicode scalars, as ``ColumnLocator`` does.
struct CSVTable {
    struct Field {
        var text: String
        var line: Int
        var column: Int
    }

    struct Record {
        var fields: [Field]
        var line: Int
        /// A quoting problem was found in it, so its fields cannot be trusted (and are not
        /// worth more messages than the one already given).
        var isDamaged = false

        /// A record of empty or blank fields: an empty line, or a row of empty cells.
        var isBlank: Bool {
            fields.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isFoldableWhitespace) }
        }
    }

    struct Problem {
        var line: Int
        var column: Int
        var message: String
    }

    static let candidateDelimiters: [Unicode.Scalar] = [",", ";", "\t"]

    private(set) var records: [Record] = []
    private(set) var problems: [Problem] = []
    let delimiter: Unicode.Scalar

    /// - Parameter delimiter: nil to take the one the first line uses most (see ``detectDelimiter(in:)``).
    init(text: String, delimiter: Unicode.Scalar? = nil) {
        let scalars = Array(text.unicodeScalars)
        self.delimiter = delimiter ?? Self.detectDelimiter(in: scalars)
        parse(scalars)
    }

    /// The delimiter the header line uses: of comma, semicolon and tab, the one found most often
    /// outside quotes on the first line; a comma when none is found or they tie.
    static func detectDelimiter(in scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [:]
        var inQuotes = false
        for scalar in scalars {
            if scalar == "\"" { inQuotes.toggle() }
            if !inQuotes && (scalar == "\n" || scalar == "\r") { break }
            if !inQuotes && candidateDelimiters.contains(scalar) { counts[scalar, default: 0] += 1 }
        }
        let best = candidateDelimiters.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? ","
        let bestCount = counts[best] ?? 0
        let tied = candidateDelimiters.filter { (counts[$0] ?? 0) == bestCount }.count > 1
        return bestCount == 0 || tied ? "," : best
    }

    private mutating func parse(_ s: [Unicode.Scalar]) {
        let count = s.count
        var index = 0
        var line = 1
        var column = 1
        var fields: [Field] = []
        var recordLine = 1
        var damaged = false

        func isLineBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }

        while true {
            let fieldLine = line
            let fieldColumn = column
            var text = String.UnicodeScalarView()
            if index < count && s[index] == "\"" {
                index += 1
                column += 1
                var closed = false
                while index < count {
                    let scalar = s[index]
                    if scalar == "\"" {
                        if index + 1 < count && s[index + 1] == "\"" {
                            text.append("\"")
                            index += 2
                            column += 2
                            continue
                        }
                        index += 1
                        column += 1
                        closed = true
                        break
                    }
                    if isLineBreak(scalar) {
                        text.append(scalar)
                        index += 1
                        if scalar == "\r" && index < count && s[index] == "\n" {
                            text.append("\n")
                            index += 1
                        }
                        line += 1
                        column = 1
                        continue
                    }
                    check(scalar, line: line, column: column)
                    text.append(scalar)
                    index += 1
                    column += 1
                }
                if !closed {
                    problems.append(unclosed(line: fieldLine, column: fieldColumn, runsTo: nil))
                    return
                }
                var stray: (line: Int, column: Int)?
                while index < count && s[index] != delimiter && !isLineBreak(s[index]) {
                    if stray == nil && s[index] != " " { stray = (line, column) }
                    check(s[index], line: line, column: column)
                    text.append(s[index])
                    index += 1
                    column += 1
                }
                if let stray {
                    damaged = true
                    if line > fieldLine {
                        // The field ran over a line break and its "closing" quote is followed by
                        // text: far likelier a quote left open at fieldLine, closed by the next
                        // row's opening quote, than a rationale written that way.
                        problems.append(unclosed(line: fieldLine, column: fieldColumn, runsTo: line))
                    } else {
                        problems.append(
                            Problem(
                                line: stray.line, column: stray.column,
                                message: "text follows the closing quote of the field that starts at column \(fieldColumn); "
                                    + "a quote inside a quoted field is written twice (\"\")"))
                    }
                }
            } else {
                while index < count && s[index] != delimiter && !isLineBreak(s[index]) {
                    check(s[index], line: line, column: column)
                    text.append(s[index])
                    index += 1
                    column += 1
                }
            }
            fields.append(Field(text: String(text), line: fieldLine, column: fieldColumn))
            if index >= count {
                let record = Record(fields: fields, line: recordLine, isDamaged: damaged)
                if !(fields.count == 1 && fields[0].text.isEmpty) { records.append(record) }
                return
            }
            if s[index] == delimiter {
                index += 1
                column += 1
                continue
            }
            // A line break ends the record: CRLF, LF or a lone CR.
            let scalar = s[index]
            index += 1
            if scalar == "\r" && index < count && s[index] == "\n" { index += 1 }
            line += 1
            column = 1
            records.append(Record(fields: fields, line: recordLine, isDamaged: damaged))
            fields = []
            recordLine = line
            damaged = false
            if index >= count { return }
        }
    }

    private func unclosed(line: Int, column: Int, runsTo end: Int?) -> Problem {
        let reach = end.map { "it runs on to line \($0)" } ?? "every line after it would be read as one field"
        return Problem(
            line: line, column: column,
            message: "the quote opened at line \(line) is never closed: \(reach); end the field with a quote "
                + "(a quote inside a field is written twice: \"\")")
    }

    private mutating func check(_ scalar: Unicode.Scalar, line: Int, column: Int) {
        if let problem = ControlCharacter.problem(scalar) {
            problems.append(Problem(line: line, column: column, message: problem))
        }
    }
}
