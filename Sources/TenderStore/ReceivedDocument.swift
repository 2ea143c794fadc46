/// A document as received, byte for byte.
public struct ReceivedDocument: Sendable, Hashable {
    /// The path it was imported from, as given then.
    public var file: String
    public var sha256: String
    public var bytes: [UInt8]

    public init(file: String, sha256: String, bytes: [UInt8]) {
        self.file = file
        self.sha256 = sha256
        self.bytes = bytes
    }
}
