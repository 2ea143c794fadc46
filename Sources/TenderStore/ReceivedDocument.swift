/// A document as received, byte for byte.
public struct ReceivedDocument: Sendable, Hashable {
    /// The path it was imported from, as given then.
    public var file: String
    public var sha256: String
    public var bytes: [UInt8]
}
