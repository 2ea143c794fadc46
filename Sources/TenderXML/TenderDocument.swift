import TenderModel

/// A document of any of the four kinds, as read.
public enum TenderDocument: Sendable {
    case criteria(Criteria)
    case submission(Submission)
    /// A bulk file: many bids under one `<submissions>` root.
    case submissions([Submission])
    case panel(Panel)
    case scoresheet(Scoresheet)

    public var kind: DocumentKind {
        switch self {
        case .criteria: .criteria
        case .submission, .submissions: .submission
        case .panel: .panel
        case .scoresheet: .scoresheet
        }
    }
}

/// A document that can be used, with the warnings to show wherever it is used.
public struct LoadedDocument: Sendable {
    public var file: String
    public var document: TenderDocument
    public var warnings: [Diagnostic]

    package init(file: String, document: TenderDocument, warnings: [Diagnostic]) {
        self.file = file
        self.document = document
        self.warnings = warnings
    }
}
