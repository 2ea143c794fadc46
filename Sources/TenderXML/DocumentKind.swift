/// The four TenderScore document kinds, told apart by the namespace of the root element.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    case criteria
    case submission
    case panel
    case scoresheet

    public var namespace: String { "urn:tenderscore:\(rawValue):1" }

    /// The XSD shipped in this module's resources.
    var schemaResource: String { rawValue }

    init?(namespace: String) {
        guard let kind = Self.allCases.first(where: { $0.namespace == namespace }) else { return nil }
        self = kind
    }

    /// Plain words for messages: "a criteria framework", "a submission"...
    public var displayName: String {
        switch self {
        case .criteria: "criteria framework"
        case .submission: "submission"
        case .panel: "panel"
        case .scoresheet: "scoresheet"
        }
    }
}
