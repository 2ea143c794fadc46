/// A document too large to hold in memory, kept by reading it again in chunks.
///
/// The caller has hashed it once already (`sha256`, `size`); the backend hashes it again while
/// it copies and refuses the copy when the two differ, so a file changed mid-import is never
/// kept under a digest it does not have.
public struct DocumentSource: Sendable {
    public var file: String
    public var sha256: String
    public var size: Int
    /// Hands each chunk of the bytes, in order, to the closure it is given.
    public var chunks: @Sendable (_ body: ([UInt8]) throws -> Void) throws -> Void

    public init(file: String, sha256: String, size: Int, chunks: @escaping @Sendable (([UInt8]) throws -> Void) throws -> Void) {
        self.file = file
        self.sha256 = sha256
        self.size = size
        self.chunks = chunks
    }
}
