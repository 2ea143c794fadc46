import Foundation
import TenderModel

/// Reads one member's scoresheet and checks what stands within it. Whether each score is on the
/// scale and the member may score the bid is for `ImportChecks` (in TenderWorkflow), which knows the tender.
enum ScoresheetReader {
    /// - Parameter schema: what the XSD found, so that a value it refused is not refused twice.
    static func read(_ root: ParsedElement, schema: [Diagnostic] = []) -> (Scoresheet, [Diagnostic]) {
        let panelist = root.attribute("panelist") ?? ""
        var rows: [ScoreRow] = []
        for element in root.children("score") {
            rows.append(
                ScoreRow(
                    panelist: panelist, submission: element.attribute("submission") ?? "",
                    criterion: element.attribute("criterion") ?? "", value: element.attribute("value") ?? "",
                    rationale: element.foldedText, location: element.location))
        }
        return ScoreRow.scoresheet(
            tender: root.attribute("tender"), panelist: panelist, rows: rows, schema: DiagnosticList(schema: schema))
    }
}

/// One score as written, before it is known to be a whole number: shared by the XML and CSV
/// forms so both apply exactly the same rules.
struct ScoreRow {
    var panelist: String
    var submission: String
    var criterion: String
    var value: String
    var rationale: String
    var location: SourceLocation

    /// - Parameter schema: the XSD's findings for an XML sheet, so that a score it refused is
    ///   not refused twice.
    static func scoresheet(
        tender: String?, panelist: String, rows: [ScoreRow], schema: DiagnosticList = DiagnosticList()
    ) -> (Scoresheet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var scores: [Score] = []
        var firstLine: [ItemKey: Int] = [:]
        for row in rows {
            // A template row left blank is not scored yet, so a sheet can be handed in part-filled.
            if row.value.trimmingCharacters(in: .whitespaces).isEmpty && row.rationale.isEmpty { continue }
            let item = ItemKey(submission: row.submission, criterion: row.criterion)
            var usable = true
            if row.panelist != panelist {
                diagnostics.append(
                    .error(at: row.location, "this row is for '\(row.panelist)', but the sheet is \(panelist)'s; one member per sheet"))
                usable = false
            }
            if let earlier = firstLine[item] {
                diagnostics.append(
                    .error(at: row.location, "\(row.submission) is scored twice on '\(row.criterion)' (first at line \(earlier))"))
                usable = false
            } else {
                firstLine[item] = row.location.line
            }
            let value = Int(row.value.trimmingCharacters(in: .whitespaces))
            if row.value.trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.append(
                    .error(at: row.location, "\(row.submission) on '\(row.criterion)' has a rationale but no score"))
                usable = false
            } else if value == nil {
                let text = row.value.trimmingCharacters(in: .whitespaces)
                let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
                if !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    // A whole number too long for Int: a slip, not a score.
                    diagnostics.append(.error(at: row.location, "score \(text) is far outside any scale"))
                } else if !schema.schemaRefused(line: row.location.line, row.value) {
                    diagnostics.append(.error(at: row.location, "score \"\(row.value)\" is not a whole number"))
                }
                usable = false
            }
            if row.rationale.isEmpty {
                diagnostics.append(
                    .error(
                        at: row.location,
                        "the score for \(row.submission) on '\(row.criterion)' has no rationale; every score needs its reason"))
                usable = false
            }
            if usable, let value {
                scores.append(
                    Score(
                        panelist: row.panelist, submission: row.submission, criterion: row.criterion, value: value,
                        rationale: row.rationale, location: row.location))
            }
        }
        return (Scoresheet(tender: tender, panelist: panelist, scores: scores), diagnostics)
    }
}
