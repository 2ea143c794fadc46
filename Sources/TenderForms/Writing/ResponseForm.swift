import Foundation
import TenderModel

/// The form a bidder fills in with their answers, written from a tender's criteria.
///
/// The same form in either format carries a marker for every place to write (see
/// ``CompletedForm``): the tender reference (locked), the bidder's details, the price when the
/// criteria weigh price, and for each criterion an answer box and an appendices box. Questions,
/// word limits and the guidance the panel scores against are printed beside each box.
public struct ResponseForm: Sendable {
    public var tender: String
    public var title: String
    public var criteria: Criteria
    /// Printed in the form's instructions, so bidders know the limits before they send.
    public var appendixLimits: AppendixLimits

    public init(tender: String, title: String, criteria: Criteria, appendixLimits: AppendixLimits = AppendixLimits()) {
        self.tender = tender
        self.title = title
        self.criteria = criteria
        self.appendixLimits = appendixLimits
    }

    /// The form's bytes in `format`; `file` only names it in an error.
    public func data(_ format: FormFormat, file: String = "response form") throws(FormError) -> Data {
        let layout = FormLayout(tender: tender, title: title, criteria: criteria, appendixLimits: appendixLimits)
        switch format {
        case .docx: return try DocxRenderer.render(layout, file: file)
        case .odt: return try ODTRenderer.render(layout, file: file)
        }
    }

    /// Writes the form to `url`, in the format its extension names (.docx or .odt).
    public func write(to url: URL) throws(FormError) {
        guard let format = FormFormat(fileName: url.lastPathComponent) else {
            throw FormError(
                .unsupportedFormat, file: url.path,
                "a response form is written as .docx (Word) or .odt (LibreOffice); give a file name ending in one of those")
        }
        let bytes = try data(format, file: url.path)
        do {
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw FormError(.unreadable, file: url.path, "the form could not be written: \(error.localizedDescription)")
        }
    }
}
