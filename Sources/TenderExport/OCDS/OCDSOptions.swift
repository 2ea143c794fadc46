/// What an OCDS release needs that a tender's documents do not hold: who publishes it, who buys,
/// and the publisher's registered OCID prefix.
public struct OCDSOptions: Sendable, Hashable {
    /// The OCDS extension for bids, listed in the package's `extensions`.
    public static let bidExtension =
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json"

    /// The publisher's prefix registered with the Open Contracting Partnership (`ocds-213czf`);
    /// the ocid is `<prefix>-<tender id>`.
    public var ocidPrefix: String
    /// The contracting authority.
    public var buyer: OCDSOrganisation
    /// Who publishes the data (usually the buyer).
    public var publisherName: String
    /// Where the package will be published: the package's `uri`.
    public var packageURI: String
    /// `pending` until the standstill period ends and the contract is entered into; then `active`.
    public var awardStatus: AwardStatus
    /// List the bids extension in `extensions` (see ``OCDSReleasePackage`` on working offline).
    public var listsBidExtension: Bool

    public enum AwardStatus: String, Sendable, Hashable {
        case pending
        case active
    }

    public init(
        ocidPrefix: String, buyer: OCDSOrganisation, publisherName: String, packageURI: String,
        awardStatus: AwardStatus = .pending, listsBidExtension: Bool = true
    ) {
        self.ocidPrefix = ocidPrefix
        self.buyer = buyer
        self.publisherName = publisherName
        self.packageURI = packageURI
        self.awardStatus = awardStatus
        self.listsBidExtension = listsBidExtension
    }
}

/// An organisation as OCDS references it: an id unique within the release, and a name.
public struct OCDSOrganisation: Sendable, Hashable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
