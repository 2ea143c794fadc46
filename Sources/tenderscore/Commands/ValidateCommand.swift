import ArgumentParser
import Foundation
import TenderForms
import TenderModel
import TenderWorkflow
import TenderXML

/// `tenderscore validate FILE...`: checks documents of any kind without storing anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check criteria, bids, panels and scoresheets (XML, or CSV for scoresheets).",
        discussion: """
            Each file is told apart by its root element's namespace. A folder stands for every .xml \
            and .csv file in it. When one criteria framework (and one panel) are among the files, \
            bids and scoresheets are also checked against them. Exit 0 when every file is valid, \
            1 when any is not.

            A response form (.docx or .odt, or a folder holding one with its appendices) is read \
            against the criteria framework, which must be among the files, for the tender named by \
            --tender or by the panel among the files.
            """)

    @OptionGroup var documents: DocumentOptions

    @Option(help: "The tender response forms are for, when no panel is among the files.")
    var tender: String?

    @Argument(help: "The files or folders to check.")
    var files: [String]

    func run() throws {
        let found = BidFiles(files, extensions: ["xml", "csv"])
        let paths = found.documents
        guard !paths.isEmpty || !found.forms.isEmpty else {
            throw Refusal("no .xml, .csv, .docx or .odt files found in \(files.joined(separator: " "))")
        }
        let read = found.readForms(submissionID: nil, submitted: Date())
        // Only what each file holds and what is wrong with it is reported: no answer is kept.
        let set = DocumentSet(
            paths: paths, loader: documents.loader, otherSubmissionIDs: read.forms.map(\.submissionID), keepingAnswers: false)
        var invalid = 0
        var lines: [Terminal.Line] = []
        for path in paths {
            let diagnostics = set.diagnostics(for: path)
            lines += diagnostics.map { .error($0.description) }
            let isValid = !diagnostics.containsErrors
            if isValid, let document = set.document(for: path) {
                lines.append(.output("\(path): valid \(DocumentSummary.line(for: document.document))"))
            } else if isValid, let bulk = set.bulk[path] {
                lines.append(.output("\(path): valid bulk file of \(bulk.submissionIDs.count) submissions (streamed)"))
            } else {
                invalid += 1
            }
        }
        Terminal.write(lines)
        invalid += checkForms(found, read: read, set: set)
        let checked = paths.count + found.forms.count
        if checked > 1 {
            Terminal.print("\(checked) files checked: \(checked - invalid) valid, \(invalid) invalid")
        }
        // 2,000 bids read whole are not freed one by one: the report is complete.
        OpenedStores.finish(status: invalid > 0 ? 1 : 0)
    }

    /// Reads each response form against the one criteria framework among the files; returns how
    /// many are invalid. Without the criteria and the tender a form cannot be read by its marks.
    private func checkForms(
        _ found: BidFiles, read: (forms: [ReceivedForm], problems: [FormError]), set: DocumentSet
    ) -> Int {
        guard !found.forms.isEmpty else { return 0 }
        let tenderID = tender ?? set.panels.first?.tender
        guard set.criteria.count == 1, let criteria = set.criteria.first, let tenderID else {
            for path in found.forms {
                Terminal.error(
                    "\(path): error: a response form is read against the tender's criteria: give the criteria framework among the files, and --tender ID (or the panel)"
                )
            }
            return found.forms.count
        }
        for problem in read.problems { Terminal.error(problem.description) }
        var invalid = read.problems.count
        for form in read.forms {
            do throws(FormError) {
                let completed = try CompletedForm.read(
                    form.form, path: form.path, appendices: form.appendices.map(\.file), criteria: criteria,
                    tender: tenderID, submissionID: form.submissionID, submitted: form.submitted)
                for warning in completed.warnings { Terminal.error(warning) }
                let checks = ImportChecks.check(completed.submission, tender: tenderID, criteria: criteria)
                for diagnostic in checks { Terminal.error(Diagnostic(diagnostic.severity, at: .wholeFile(form.path), diagnostic.message).description) }
                guard !checks.containsErrors else {
                    invalid += 1
                    continue
                }
                let answered = completed.submission.responses.count
                Terminal.print(
                    "\(form.path): valid response form (\(form.submissionID), \(completed.submission.bidder.name), \(answered) of \(criteria.criteria.count) questions answered, \(form.appendices.count) appendi\(form.appendices.count == 1 ? "x" : "ces"))"
                )
            } catch {
                Terminal.error(error.description)
                invalid += 1
            }
        }
        return invalid
    }
}
