import ArgumentParser
import Foundation
import TenderForms
import TenderWorkflow

/// `tenderscore questionnaire --output FORM.docx|FORM.odt`: the response form a council issues
/// to bidders, written from the tender's criteria.
struct QuestionnaireCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questionnaire",
        abstract: "Write the bidder response form (.docx or .odt) from the tender's criteria.",
        discussion: """
            The form holds the tender's title and reference, a bidder details section, the price, and for \
            each criterion its question, guidance, word limit and a marked box to answer in. Bidders fill \
            it in with Word or LibreOffice and send it back with their appendices; `submissions import` \
            reads it by those marks. An existing file is never written over.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The form to write: a name ending in .docx (Word) or .odt (LibreOffice).")
    var output: String

    func validate() throws {
        guard FormFormat(fileName: output) != nil else {
            throw ValidationError("--output \(output): a response form is written as .docx (Word) or .odt (LibreOffice)")
        }
    }

    func run() async throws {
        let tender = try await store.tender(readOnly: true)
        let snapshot = try await tender.snapshot()
        guard let format = FormFormat(fileName: output) else { throw ExitCode(2) }
        let form = ResponseForm(tender: snapshot.id, title: snapshot.summary.title, criteria: snapshot.criteria)
        let data: Data
        do throws(FormError) {
            data = try form.data(format, file: output)
        } catch {
            throw Refusal(error.description)
        }
        try OutputTarget.write(data, to: output)
        Terminal.print(
            "Wrote the response form for \(snapshot.id) (\(snapshot.criteria.criteria.count) questions) to \(output)")
    }
}
