import Foundation
import TenderModel
import TenderXML

/// A response form as a bidder sent it back, read into a ``Submission``.
///
/// Answers are found by the markers the form was written with (``ResponseForm``), never by
/// headings: a form whose markers were deleted, copied or renamed is refused, naming the
/// question, rather than read by guesswork. The original file's bytes and SHA-256 are kept, and
/// the submission carries a reference to them (``Submission/original``).
public struct CompletedForm: Sendable {
    /// The bid read from the form; `original` names the form file and its digest.
    public var submission: Submission
    public var format: FormFormat
    /// The form exactly as received.
    public var original: ReceivedFile
    /// The appendices exactly as received, in the order given.
    public var appendices: [ReceivedFile]
    /// Each answered criterion's answer as written, with lists kept as list items.
    public var answers: [String: [AnswerBlock]]
    /// The bid's contact details as written (the submission format has no place for them).
    public var contact: String?
    /// Things a commissioner should know that do not stop the import.
    public var warnings: [String]

    /// Words in a criterion's answer, as Word and LibreOffice count them (list bullets and
    /// numbers are not words).
    public func wordCount(for criterion: String) -> Int {
        Response(criterion: criterion, paragraphs: (answers[criterion] ?? []).map(\.text)).wordCount
    }

    /// The submission as a `urn:tenderscore:submission:1` document, with the original's digest.
    public var submissionXML: String { SubmissionXMLWriter.xml(for: submission) }

    /// Reads a completed form and the appendices sent beside it.
    /// - Parameters:
    ///   - tender: the tender the bid is for; a form written for another tender is refused.
    ///   - submissionID: the id the commissioner gives the bid (`BID-008`).
    ///   - submitted: when the bid arrived.
    public static func read(
        form: URL, appendices: [URL] = [], criteria: Criteria, tender: String, submissionID: String, submitted: Date,
        packageLimits: PackageLimits = PackageLimits(), appendixLimits: AppendixLimits = AppendixLimits()
    ) throws(FormError) -> CompletedForm {
        let original = try ReceivedFile.read(
            form, maxBytes: packageLimits.maxFileBytes, code: .tooLarge, what: "the response form")
        // The form is opened before the appendices are read, so a refused form costs no more.
        let contents = try FormPackageReader.read(original, path: form.path, limits: packageLimits)
        let files = try Appendices.read(appendices, limits: appendixLimits)
        return try interpret(
            contents, original: original, path: form.path, appendices: files, criteria: criteria, tender: tender,
            submissionID: submissionID, submitted: submitted)
    }

    /// Reads a bid sent as a folder: exactly one .docx or .odt form, and every other file in it
    /// as an appendix.
    public static func read(
        folder: URL, criteria: Criteria, tender: String, submissionID: String, submitted: Date,
        packageLimits: PackageLimits = PackageLimits(), appendixLimits: AppendixLimits = AppendixLimits()
    ) throws(FormError) -> CompletedForm {
        let files = try Appendices.files(in: folder)
        let forms = files.filter { FormFormat(fileName: $0.lastPathComponent) != nil }
        guard forms.count == 1, let form = forms.first else {
            throw FormError(
                .notAForm, file: folder.path,
                forms.isEmpty
                    ? "the folder holds no response form (.docx or .odt)"
                    : "the folder holds \(forms.count) response forms (\(forms.map(\.lastPathComponent).joined(separator: ", "))); a bid's folder holds one"
            )
        }
        return try read(
            form: form, appendices: files.filter { $0 != form }, criteria: criteria, tender: tender,
            submissionID: submissionID, submitted: submitted, packageLimits: packageLimits, appendixLimits: appendixLimits)
    }

    /// Reads a form already in memory (`path` names it in messages) with appendices already read.
    public static func read(
        _ original: ReceivedFile, path: String, appendices: [ReceivedFile], criteria: Criteria, tender: String,
        submissionID: String, submitted: Date, packageLimits: PackageLimits = PackageLimits()
    ) throws(FormError) -> CompletedForm {
        let contents = try FormPackageReader.read(original, path: path, limits: packageLimits)
        return try interpret(
            contents, original: original, path: path, appendices: appendices, criteria: criteria, tender: tender,
            submissionID: submissionID, submitted: submitted)
    }

    private static func interpret(
        _ contents: FormPackageReader.Contents, original: ReceivedFile, path: String, appendices: [ReceivedFile],
        criteria: Criteria, tender: String, submissionID: String, submitted: Date
    ) throws(FormError) -> CompletedForm {
        var interpreter = FormInterpreter(
            path: path, format: contents.format, criteria: criteria, tender: tender, appendices: appendices,
            fields: contents.fields)
        let read = try interpreter.interpret()
        let submission = Submission(
            id: submissionID, tender: tender, submitted: submitted, bidder: read.bidder, price: read.price,
            responses: read.responses, location: nil,
            original: OriginalDocument(fileName: original.fileName, sha256: original.sha256))
        return CompletedForm(
            submission: submission, format: contents.format, original: original, appendices: appendices,
            answers: read.answers, contact: read.contact, warnings: read.warnings)
    }
}
