/// Who submitted a bid. The kind of organisation matters to commissioners who want to see
/// user-led and local organisations able to compete.
public struct Bidder: Sendable, Hashable {
    public var name: String
    public var type: BidderType
    public var registration: Registration?
    public var locality: String?
    /// Other names the bidder trades under or is known by ("Westfield Voices", "Carewise"), as the
    /// bidder declared them. Anonymised evaluation packs replace these as well as `name`, since a
    /// bid naming itself by its trading name would otherwise reveal who wrote it.
    public var alsoKnownAs: [String]

    public init(
        name: String, type: BidderType, registration: Registration? = nil, locality: String? = nil,
        alsoKnownAs: [String] = []
    ) {
        self.name = name
        self.type = type
        self.registration = registration
        self.locality = locality
        self.alsoKnownAs = alsoKnownAs
    }
}

public enum BidderType: String, Sendable, Hashable, CaseIterable {
    case userLed = "user-led"
    case voluntary
    case socialEnterprise = "social-enterprise"
    case sme
    case large
    case `public`

    /// Plain words for reports.
    public var displayName: String {
        switch self {
        case .userLed: "user-led organisation"
        case .voluntary: "voluntary organisation"
        case .socialEnterprise: "social enterprise"
        case .sme: "small or medium business"
        case .large: "large provider"
        case .public: "public body"
        }
    }
}

/// A company or charity number, with the org-id.guide scheme it belongs to (`GB-COH`, `GB-CHC`).
public struct Registration: Sendable, Hashable {
    public var scheme: String
    public var identifier: String

    public init(scheme: String, identifier: String) {
        self.scheme = scheme
        self.identifier = identifier
    }
}
