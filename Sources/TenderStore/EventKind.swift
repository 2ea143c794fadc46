/// What an event records. The raw value is what the history stores and what `audit log` prints.
///
/// A struct rather than an enum so that a store written by a later version, with kinds this
/// version does not know, can still be listed.
public struct EventKind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// The tender was set up and its criteria framework adopted (always event 1).
    public static let tenderCreated = EventKind(rawValue: "tender.created")
    /// The panel and its declared conflicts were recorded.
    public static let panelImported = EventKind(rawValue: "panel.imported")
    /// The panel was replaced by a new one; the payload names the event it amends.
    public static let panelReplaced = EventKind(rawValue: "panel.replaced")
    /// A bid was received, with its original bytes.
    public static let submissionReceived = EventKind(rawValue: "submission.received")
    /// A bid was replaced by a declared replacement; the payload names the event it amends.
    public static let submissionReplaced = EventKind(rawValue: "submission.replaced")
    /// A panel member gave a score, with its rationale.
    public static let scoreGiven = EventKind(rawValue: "score.given")
    /// A panel member changed a score already given; the payload keeps the old score.
    public static let scoreChanged = EventKind(rawValue: "score.changed")
    /// The panel agreed a score in moderation.
    public static let consensusRecorded = EventKind(rawValue: "consensus.recorded")
    /// A consensus already recorded was changed; the payload keeps the old one.
    public static let consensusChanged = EventKind(rawValue: "consensus.changed")
    /// The tender was finalised: nothing may change after this event.
    public static let tenderFinalised = EventKind(rawValue: "tender.finalised")
    /// A panel member declared, for every bid, whether they have a conflict of interest, before
    /// seeing any bid (the web app). A declared conflict counts as one in the panel document.
    public static let conflictsDeclared = EventKind(rawValue: "conflicts.declared")
    /// A panel member handed in their scores: from then on a change to them needs a reason.
    public static let scoresHandedIn = EventKind(rawValue: "scores.handed-in")

    public static let known: [EventKind] = [
        .tenderCreated, .panelImported, .panelReplaced, .submissionReceived, .submissionReplaced, .scoreGiven,
        .scoreChanged, .consensusRecorded, .consensusChanged, .tenderFinalised, .conflictsDeclared, .scoresHandedIn,
    ]
}
