/// A document's bytes with their SHA-256, worked out once, when it is made: the only way to
/// have one is to hash the bytes it holds, so a sink keeps it under that name without hashing
/// it again. An import hashes its bids on every core before its write; hashing 2,000 bids'
/// 63 MB a second time inside the write took a tenth of a second on one core while the other
/// waited.
public struct HashedDocument: Sendable {
    public let bytes: [UInt8]
    /// Its file, SHA-256 and size, as events refer to it.
    public let reference: DocumentReference

    public init(file: String, bytes: [UInt8]) {
        self.bytes = bytes
        reference = DocumentReference(file: file, sha256: Digest.sha256(bytes), bytes: bytes.count)
    }
}
