/// Why a response form, an appendix or a form package was refused, with what a commissioner
/// needs to tell the bidder: which file, which question where there is one, and what to do.
///
/// A struct around a code rather than a public enum, so that new refusals can be added without
/// breaking callers that switch over them.
public struct FormError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable name for the kind of refusal, for tests and scripts.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let unreadable = Code(rawValue: "unreadable")
        public static let tooLarge = Code(rawValue: "too-large")
        public static let notAForm = Code(rawValue: "not-a-form")
        public static let legacyWord = Code(rawValue: "legacy-word")
        public static let encrypted = Code(rawValue: "encrypted")
        public static let pdf = Code(rawValue: "pdf")
        public static let macros = Code(rawValue: "macros")
        public static let damagedPackage = Code(rawValue: "damaged-package")
        public static let unsafePackage = Code(rawValue: "unsafe-package")
        public static let invalidXML = Code(rawValue: "invalid-xml")
        public static let missingMarker = Code(rawValue: "missing-marker")
        public static let duplicateMarker = Code(rawValue: "duplicate-marker")
        public static let unknownMarker = Code(rawValue: "unknown-marker")
        public static let wrongTender = Code(rawValue: "wrong-tender")
        public static let invalidAnswer = Code(rawValue: "invalid-answer")
        public static let missingAppendix = Code(rawValue: "missing-appendix")
        public static let refusedAppendix = Code(rawValue: "refused-appendix")
        public static let unsupportedFormat = Code(rawValue: "unsupported-format")
    }

    public var code: Code
    /// The file refused, as the user named it.
    public var file: String
    /// The criterion id of the question concerned, when there is one.
    public var question: String?
    /// Plain words: what is wrong and what to do.
    public var message: String

    public init(_ code: Code, file: String, question: String? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.question = question
        self.message = message
    }

    /// `file: error: message`, the way every other TenderScore error reads; a message about a
    /// question names it by number, id and title ("question 2 (local-insights: Apply local
    /// insights)").
    public var description: String { "\(file): error: \(message)" }
}
