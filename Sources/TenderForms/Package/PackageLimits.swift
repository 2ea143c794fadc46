import TenderXML

/// The bounds inside which a response form's ZIP package is opened. Checked on the central
/// directory before anything is decompressed, and again on the bytes actually produced, so a
/// package that lies about its sizes is stopped at the limit, not at the end of memory.
public struct PackageLimits: Sendable, Hashable {
    /// 50 MiB for the form file itself: a long answer document with a few pictures is under 5 MiB.
    public var maxFileBytes: Int
    /// 1,000 entries: a Word or LibreOffice form has 10 to 40.
    public var maxEntries: Int
    /// 64 MiB for any one entry, as declared: a large photograph; pictures and other parts that
    /// are not read are never decompressed in full, but must still be within this.
    public var maxEntryBytes: Int
    /// 16 MiB for any one XML part that is read, the same cap as any TenderScore document
    /// (``DocumentReadOptions/defaultMaxDocumentBytes``).
    public var maxPartBytes: Int
    /// 200 MiB for all entries together, as declared.
    public var maxTotalBytes: Int
    /// 100: an entry over 1 MiB that is more than 100 times smaller compressed is refused as a
    /// ZIP bomb. Word's XML compresses about 5 to 20 times.
    public var maxCompressionRatio: Int
    /// Below this size an entry's compression ratio is not checked: tiny parts of repeated
    /// markup compress very well and cannot exhaust anything.
    public var ratioCheckedFromBytes: Int

    public init(
        maxFileBytes: Int = 50 * 1_048_576, maxEntries: Int = 1_000, maxEntryBytes: Int = 64 * 1_048_576,
        maxPartBytes: Int = DocumentReadOptions.defaultMaxDocumentBytes, maxTotalBytes: Int = 200 * 1_048_576,
        maxCompressionRatio: Int = 100, ratioCheckedFromBytes: Int = 1_048_576
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxEntries = maxEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxPartBytes = maxPartBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckedFromBytes = ratioCheckedFromBytes
    }
}
