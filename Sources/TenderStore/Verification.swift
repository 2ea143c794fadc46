/// What ``HistoryVerifier`` found.
public struct Verification: Sendable, Hashable {
    /// How many events the history holds.
    public var eventCount: Int
    /// The hash of the last event: what a commissioner writes down to check against later.
    public var head: String?
    /// Everything that does not hold, the earliest entry first; empty when the store is intact.
    public var problems: [VerificationProblem]
    /// When `expectHead` was given and found: how many events were recorded after it.
    public var eventsAfterExpectedHead: Int?

    public var isIntact: Bool { problems.isEmpty }

    /// The first entry that does not hold, if any.
    public var firstProblem: VerificationProblem? { problems.first }
}

/// One thing that does not hold, with the event it concerns where there is one.
public struct VerificationProblem: Sendable, Hashable, CustomStringConvertible {
    /// The sequence number of the event concerned; nil for a problem with no event (an extra
    /// row nothing in the history accounts for, a removed safeguard).
    public var sequence: Int?
    public var message: String

    public init(sequence: Int?, message: String) {
        self.sequence = sequence
        self.message = message
    }

    /// `event 14: ...`, or the message alone when no event is concerned.
    public var description: String {
        sequence.map { "event \($0): \(message)" } ?? message
    }
}
