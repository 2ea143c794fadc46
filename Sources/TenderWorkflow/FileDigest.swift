import Crypto
import Foundation
import TenderModel
import TenderStore
import TenderXML

/// A file's SHA-256 and size, read in chunks: a bulk file is never held in memory whole.
struct FileDigest: Sendable {
    /// The bytes again, chunk by chunk, for a store to keep while it checks they did not change.
    var source: DocumentSource {
        let path = path
        let bytes = bytes
        return DocumentSource(file: path, sha256: sha256, size: bytes) { body in
            _ = try FileDigest.chunks(of: path, limit: bytes) { chunk in try body([UInt8](chunk)) }
        }
    }

    static let chunkSize = 1 << 20

    var path: String
    var sha256: String
    var bytes: Int

    static func of(_ path: String, limit: Int) throws(DocumentError) -> FileDigest {
        var hasher = SHA256()
        let bytes = try chunks(of: path, limit: limit) { hasher.update(data: $0) }
        return FileDigest(path: path, sha256: Digest.hex(Array(hasher.finalize())), bytes: bytes)
    }

    /// Hands `body` the file's bytes in order, a chunk at a time; returns how many there were.
    static func chunks(of path: String, limit: Int, _ body: (Data) throws -> Void) throws(DocumentError) -> Int {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DocumentError(.error(at: start, "the file cannot be read (check its permissions)"))
        }
        defer { try? handle.close() }
        var total = 0
        do {
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                total += chunk.count
                if total > limit {
                    throw DocumentError(
                        .error(at: start, "the bulk file is over the limit of \(limit) bytes (--max-bulk-bytes)"))
                }
                try body(chunk)
            }
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError(.error(at: start, "the file cannot be read: \(error.localizedDescription)"))
        }
        return total
    }
}
