import Foundation

/// When and why a tender was finalised; after it the store accepts no change.
public struct Finalisation: Sendable, Hashable {
    /// The sequence number of the `tender.finalised` event.
    public var sequence: Int
    public var reason: String
    public var actor: String
    public var recordedAt: Date

    public init(sequence: Int, reason: String, actor: String, recordedAt: Date) {
        self.sequence = sequence
        self.reason = reason
        self.actor = actor
        self.recordedAt = recordedAt
    }
}
