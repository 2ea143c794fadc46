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
    /// A member's score was withdrawn by the commissioner, with a reason (a conflict declared
    /// late); the payload keeps the score withdrawn and names the event that gave it.
    public static let scoreWithdrawn = EventKind(rawValue: "score.withdrawn")
    /// The panel agreed a score in moderation.
    public static let consensusRecorded = EventKind(rawValue: "consensus.recorded")
    /// A consensus already recorded was changed; the payload keeps the old one.
    public static let consensusChanged = EventKind(rawValue: "consensus.changed")
    /// An output was published (sent to a bidder, to cabinet, to the public) after finalisation:
    /// its bytes, their SHA-256 and the recipient are kept. The only kind recorded after
    /// finalisation, because publishing changes no score or decision.
    public static let outputPublished = EventKind(rawValue: "output.published")
    /// The tender was finalised: nothing may change after this event.
    public static let tenderFinalised = EventKind(rawValue: "tender.finalised")
    /// A panel member declared, for every bid, whether they have a conflict of interest, before
    /// seeing any bid (the web app). A declared conflict counts as one in the panel document.
    public static let conflictsDeclared = EventKind(rawValue: "conflicts.declared")
    /// A panel member handed in their scores: from then on a change to them needs a reason.
    public static let scoresHandedIn = EventKind(rawValue: "scores.handed-in")

    public static let known: [EventKind] = [
        .tenderCreated, .panelImported, .panelReplaced, .submissionReceived, .submissionReplaced, .scoreGiven,
        .scoreChanged, .scoreWithdrawn, .consensusRecorded, .consensusChanged, .tenderFinalised, .outputPublished,
        .conflictsDeclared, .scoresHandedIn,
    ]

    /// The kind in plain words, for people reading the history: "score given", "bid received".
    /// A kind this version does not know is shown as stored.
    public var words: String {
        switch self {
        case .tenderCreated: "tender set up"
        case .panelImported: "panel recorded"
        case .panelReplaced: "panel replaced"
        case .submissionReceived: "bid received"
        case .submissionReplaced: "bid replaced"
        case .scoreGiven: "score given"
        case .scoreChanged: "score changed"
        case .scoreWithdrawn: "score withdrawn"
        case .consensusRecorded: "score agreed in moderation"
        case .consensusChanged: "agreed score changed"
        case .tenderFinalised: "tender finalised"
        case .outputPublished: "published"
        default: rawValue
        }
    }
}
