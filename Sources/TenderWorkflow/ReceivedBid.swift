import TenderStore

/// Everything a bid arrived as, read back from the store byte for byte: what an auditor or a
/// commissioner writes out to show what was scored came from what the bidder sent.
public struct ReceivedBid: Sendable, Hashable {
    public var submission: String
    /// The file received: the submission XML, or the filled-in response form.
    public var original: ReceivedDocument
    /// The files sent beside a response form, in the order recorded.
    public var appendices: [ReceivedDocument]
    /// The submission XML TenderScore derived from a response form; nil for a bid sent as XML,
    /// whose original is its XML.
    public var derived: ReceivedDocument?

    public init(submission: String, original: ReceivedDocument, appendices: [ReceivedDocument], derived: ReceivedDocument?) {
        self.submission = submission
        self.original = original
        self.appendices = appendices
        self.derived = derived
    }
}
