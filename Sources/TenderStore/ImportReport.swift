import TenderModel

/// What an operation added to the history.
public struct ImportReport: Sendable, Hashable {
    /// The events appended, in order (empty when nothing changed).
    public var events: [HistoryEvent]
    /// Warnings about the documents imported (a missing response, an answer over its word
    /// limit, a panel without lived experience): shown to the user, stored nowhere else.
    public var warnings: [Diagnostic]
    /// Scores (or a panel) given again exactly as already recorded, so not recorded twice.
    public var unchanged: Int
    /// The hash of the last event after the operation.
    public var head: String

    public init(events: [HistoryEvent], warnings: [Diagnostic], unchanged: Int, head: String) {
        self.events = events
        self.warnings = warnings
        self.unchanged = unchanged
        self.head = head
    }
}
