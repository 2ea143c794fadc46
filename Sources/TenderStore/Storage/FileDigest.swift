import Crypto
import Foundation
import GRDB
import GRDBSQLite
import TenderModel
import TenderXML

/// A file's SHA-256 and size, read in chunks: a bulk file is never held in memory whole.
struct FileDigest: Sendable {
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

extension EventLog {
    /// Keeps a large document's bytes without holding them in memory: the row is made with a
    /// zero-filled blob of the right size, then written through SQLite's incremental blob I/O
    /// (which fires no trigger: the row is new). The bytes are hashed again as they are copied,
    /// so a file changed since `digest` was taken is refused.
    static func storeDocument(_ db: Database, file: String, streamingFrom digest: FileDigest) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO documents (sha256, bytes) VALUES (?, zeroblob(?))",
            arguments: [digest.sha256, digest.bytes])
        guard db.changesCount > 0 else { return }
        let rowID = db.lastInsertedRowID
        guard let connection = db.sqliteConnection else { throw StoreError(.database, "the store is closed") }
        var blob: OpaquePointer?
        guard sqlite3_blob_open(connection, "main", "documents", "bytes", rowID, 1, &blob) == SQLITE_OK, let blob else {
            throw StoreError(.database, "the bytes of \(file) cannot be written to the store: \(String(cString: sqlite3_errmsg(connection)))")
        }
        defer { sqlite3_blob_close(blob) }
        var hasher = SHA256()
        var offset = 0
        let total = try FileDigest.chunks(of: digest.path, limit: digest.bytes) { chunk in
            hasher.update(data: chunk)
            let status = chunk.withUnsafeBytes { raw in
                sqlite3_blob_write(blob, raw.baseAddress, Int32(raw.count), Int32(offset))
            }
            guard status == SQLITE_OK else {
                throw StoreError(.database, "the bytes of \(file) cannot be written to the store (SQLite error \(status))")
            }
            offset += chunk.count
        }
        guard total == digest.bytes, Digest.hex(Array(hasher.finalize())) == digest.sha256 else {
            throw StoreError(.invalidDocuments, "\(file) changed while it was being imported; import it again")
        }
    }
}
