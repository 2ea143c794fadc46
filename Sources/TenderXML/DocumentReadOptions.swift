/// Limits applied to every document before libxml2 sees a byte of it.
public struct DocumentReadOptions: Sendable, Hashable {
    /// 16 MiB: far above any real bid (a long bid is under 1 MiB of text) and far below what
    /// could exhaust memory. `--max-document-bytes` changes it.
    public static let defaultMaxDocumentBytes = 16 * 1024 * 1024

    /// 4 GiB: a bulk `<submissions>` file is streamed bid by bid, so its size costs time, not
    /// memory; the cap only stops a file (or a device) that never ends. Each bid inside it still
    /// obeys ``maxDocumentBytes``. `--max-bulk-bytes` changes it.
    public static let defaultMaxBulkBytes = 4 * 1024 * 1024 * 1024

    public var maxDocumentBytes: Int
    /// The cap on a whole bulk file, which is streamed (see ``BulkSubmissionFile``).
    public var maxBulkBytes: Int

    public init(maxDocumentBytes: Int = Self.defaultMaxDocumentBytes, maxBulkBytes: Int = Self.defaultMaxBulkBytes) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxBulkBytes = maxBulkBytes
    }
}
