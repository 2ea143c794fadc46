import ArgumentParser
import Foundation
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
            """)

    @OptionGroup var documents: DocumentOptions

    @Argument(help: "The files or folders to check.")
    var files: [String]

    func run() throws {
        let paths = DocumentFiles.expand(files)
        guard !paths.isEmpty else { throw Refusal("no .xml or .csv files found in \(files.joined(separator: " "))") }
        let set = DocumentSet(paths: paths, loader: documents.loader)
        var invalid = 0
        for path in paths {
            for diagnostic in set.diagnostics(for: path) { Terminal.error(diagnostic.description) }
            if set.isValid(path), let document = set.document(for: path) {
                Terminal.print("\(path): valid \(DocumentSummary.line(for: document.document))")
            } else if set.isValid(path), let bulk = set.bulk[path] {
                Terminal.print("\(path): valid bulk file of \(bulk.submissionIDs.count) submissions (streamed)")
            } else {
                invalid += 1
            }
        }
        if paths.count > 1 {
            Terminal.print("\(paths.count) files checked: \(paths.count - invalid) valid, \(invalid) invalid")
        }
        if invalid > 0 { throw ExitCode(1) }
    }
}
