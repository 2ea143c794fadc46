import Foundation

/// The tender a store holds and the framework it adopted.
public struct TenderSummary: Sendable, Hashable {
    public var id: String
    public var title: String
    public var criteriaID: String
    public var criteriaVersion: String
    /// SHA-256 of the criteria framework's original bytes, as adopted at `init`.
    public var criteriaSHA256: String
    public var createdAt: Date
    public var finalisation: Finalisation?

    public var isFinalised: Bool { finalisation != nil }

    public init(
        id: String, title: String, criteriaID: String, criteriaVersion: String, criteriaSHA256: String, createdAt: Date,
        finalisation: Finalisation?
    ) {
        self.id = id
        self.title = title
        self.criteriaID = criteriaID
        self.criteriaVersion = criteriaVersion
        self.criteriaSHA256 = criteriaSHA256
        self.createdAt = createdAt
        self.finalisation = finalisation
    }
}
