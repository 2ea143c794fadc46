import TenderModel

/// What a response form says, in order, before it is written as Word or OpenDocument XML: both
/// formats are rendered from this one list, so they cannot drift apart.
struct FormLayout: Sendable {
    enum Block: Sendable {
        case heading(level: Int, String)
        case paragraph(String)
        /// A short bold label above a place to write, so each field has visible text naming it.
        case label(String)
        case list([String], ordered: Bool)
        /// A marked place to write. `content` is fixed text (the tender reference); otherwise the
        /// place shows `placeholder` until the bidder writes.
        case field(FormMarker, name: String, placeholder: String, content: String?)
    }

    var title: String
    var blocks: [Block]

    init(tender: String, title: String, criteria: Criteria, appendixLimits: AppendixLimits) {
        self.title = "Response form: \(title)"
        var blocks: [Block] = [
            .heading(level: 1, self.title),
            .label("Tender reference"),
            .field(.tender, name: "Tender reference", placeholder: tender, content: tender),
            .paragraph("Quality questions: \(criteria.title) (version \(criteria.version))."),
            .heading(level: 2, "How to fill in this form"),
            .list(
                [
                    "Write each answer in the box under its question. You can use paragraphs and bulleted or numbered lists.",
                    "Keep every box where it is: we read your answers from the boxes, so do not delete, copy or move them.",
                    "Keep each answer within its word limit. We count words the way Word and LibreOffice do.",
                    "Send this form back as a Word (.docx) or OpenDocument (.odt) file, not as a PDF, and without a password.",
                    "Send appendices as separate files beside the form, and name each one in the answer it supports.",
                ], ordered: false),
            .heading(level: 2, "About your organisation"),
            .label("Name of your organisation"),
            .field(.bidderName, name: "Name of your organisation", placeholder: "Organisation name", content: nil),
            .label("Type of organisation"),
            .paragraph(
                "Write one of: " + BidderType.allCases.map { "\($0.rawValue) (\($0.displayName))" }.joined(separator: ", ")
                    + "."),
            .field(.bidderType, name: "Type of organisation", placeholder: "For example: voluntary", content: nil),
            .label("Register"),
            .paragraph(
                "Where your organisation is registered, as an org-id.guide code: GB-COH for Companies House, GB-CHC for the Charity Commission. Leave blank if it is not registered."
            ),
            .field(.registrationScheme, name: "Register", placeholder: "For example: GB-COH", content: nil),
            .label("Registration number"),
            .field(.registration, name: "Registration number", placeholder: "For example: 09876543", content: nil),
            .label("Where your organisation is based"),
            .field(.locality, name: "Where your organisation is based", placeholder: "Town or neighbourhood", content: nil),
            .label("Contact for this bid"),
            .paragraph("The name, email address and telephone number of the person we should contact about this bid."),
            .field(.contact, name: "Contact for this bid", placeholder: "Name, email, telephone", content: nil),
        ]
        if criteria.price != nil {
            blocks += [
                .heading(level: 2, "Price"),
                .label("Whole-contract price in \(criteria.currency)"),
                .paragraph("Numbers only, without the currency sign, for example 1180000.00."),
                .field(.price, name: "Whole-contract price in \(criteria.currency)", placeholder: "0.00", content: nil),
            ]
        }
        for (index, criterion) in criteria.criteria.enumerated() {
            let number = index + 1
            blocks += [
                .heading(level: 2, "Question \(number): \(criterion.title)"),
                .paragraph(criterion.question),
                .paragraph(criterion.maxWords.map { "Word limit: \($0) words." } ?? "There is no word limit."),
                .label("What the panel looks for"),
                .paragraph(criterion.guidance),
                .label("Your answer to question \(number)"),
                .field(
                    .answer(criterion: criterion.id), name: "Answer to question \(number): \(criterion.title)",
                    placeholder: "Write your answer here.", content: nil),
                .label("Appendices for question \(number)"),
                .paragraph("One appendix a line: its file name, a colon, then a short title. For example: asset-map.pdf: Asset map of Westfield. Leave blank if there are none."),
                .field(
                    .evidence(criterion: criterion.id), name: "Appendices for question \(number)",
                    placeholder: "No appendices.", content: nil),
            ]
        }
        blocks += [
            .heading(level: 2, "Appendices"),
            .paragraph("Appendices are read exactly as you send them, and we keep a fingerprint of each file."),
            .list(
                [
                    "Send each appendix as its own file beside this form. PDF is best.",
                    "Name each appendix, by its file name, in the answer it supports.",
                    "Send at most \(appendixLimits.maxCount) appendices, each at most \(appendixLimits.maxFileBytes / 1_048_576) MB.",
                    "We cannot accept programs or scripts, ZIP or other archives (including files inside a ZIP), or Word or Excel files: save those as PDF.",
                ], ordered: false),
        ]
        self.blocks = blocks
    }
}
