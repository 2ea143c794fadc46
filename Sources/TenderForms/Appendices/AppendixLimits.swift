/// How much a bid's appendices may hold. Appendices are read whole into memory to fingerprint
/// them, so these caps bound the memory an import needs as much as they keep out junk.
public struct AppendixLimits: Sendable, Hashable {
    /// 50: more than any quality submission needs; a bid with more is better sent as fewer PDFs.
    public var maxCount: Int
    /// 25 MiB a file: a long scanned PDF; far above letters of support or an asset map.
    public var maxFileBytes: Int
    /// 200 MiB for all of one bid's appendices together.
    public var maxTotalBytes: Int

    public init(maxCount: Int = 50, maxFileBytes: Int = 25 * 1_048_576, maxTotalBytes: Int = 200 * 1_048_576) {
        self.maxCount = maxCount
        self.maxFileBytes = maxFileBytes
        self.maxTotalBytes = maxTotalBytes
    }
}
