/// Limits applied to every document before libxml2 sees a byte of it.
public struct DocumentReadOptions: Sendable, Hashable {
    /// 16 MiB: far above any real bid (a long bid is under 1 MiB of text) and far below what
    /// could exhaust memory. `--max-document-bytes` changes it.
    public static let defaultMaxDocumentBytes = 16 * 1024 * 1024

    public var maxDocumentBytes: Int

    public init(maxDocumentBytes: Int = Self.defaultMaxDocumentBytes) {
        self.maxDocumentBytes = maxDocumentBytes
    }
}
