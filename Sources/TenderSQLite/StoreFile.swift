import Foundation
import GRDB
import TenderStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What stands at a path before SQLite is let near it.
///
/// Opening a file with SQLite can change it (a journal rolled back, the WAL mode switched on),
/// so the identity of a file is read from its first 100 bytes, the SQLite header, before any
/// connection is made: a file that is not an SQLite database, or one whose `application_id`
/// is not TenderScore's, is refused and never opened.
enum StoreFile {
    static let sqliteMagic = Array("SQLite format 3\0".utf8)

    enum Identity {
        case missing
        case folder
        case empty
        case notSQLite
        case otherApplication(Int32)
        /// A FIFO, a device, a socket: reading one could block forever.
        case notRegularFile
        /// The file is shorter than its own header says: it was cut off.
        case truncated(expected: Int, actual: Int)
        case store
    }

    static func identity(of path: String) throws(StoreError) -> Identity {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: break
        default: return .notRegularFile
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.cannotAccess, "\(path) cannot be read (check its permissions).")
        }
        defer { try? handle.close() }
        let header: [UInt8]
        do {
            header = [UInt8](try handle.read(upToCount: 100) ?? Data())
        } catch {
            throw StoreError(.cannotAccess, "\(path) cannot be read: \(error.localizedDescription)")
        }
        if header.isEmpty { return .empty }
        guard header.count == 100, Array(header.prefix(16)) == sqliteMagic else { return .notSQLite }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let applicationID = Int32(bitPattern: id)
        guard applicationID == Schema.applicationID else { return .otherApplication(applicationID) }
        // The header's page size (bytes 16-17, 1 meaning 65536) and page count (28-31) say how
        // long the file is at its last checkpoint; a shorter file lost its end.
        let rawPageSize = Int(header[16]) << 8 | Int(header[17])
        let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
        let pages = header[28..<32].reduce(0) { $0 << 8 | Int($1) }
        let actual = Int(info.st_size)
        if pages > 0, pageSize * pages > actual, !hasWriteAheadLog(path) {
            return .truncated(expected: pageSize * pages, actual: actual)
        }
        return .store
    }

    /// Whether a write-ahead log with frames in it lies beside the store. A checkpoint copies
    /// the log's pages into the file in page order, the header (with the new length) first, so
    /// while one runs, or when a process ended during one, the header is ahead of the file: the
    /// pages are still in the log, and SQLite reads them from there. Only without a log is a file
    /// shorter than its header cut off.
    static func hasWriteAheadLog(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_size > 32
    }

    /// Refuses, with a message that says what the file is, anything that is not a store.
    static func requireStore(at path: String) throws(StoreError) {
        switch try identity(of: path) {
        case .store:
            return
        case .missing:
            throw StoreError(
                .storeNotFound,
                "There is no TenderScore store at \(path). Set one up with `tenderscore init`, or give the right path with --store.")
        case .folder:
            throw StoreError(.notAStore, "\(path) is a folder, not a TenderScore store.")
        case .empty:
            throw StoreError(.notAStore, "\(path) is an empty file, not a TenderScore store. It was left as it is.")
        case .notSQLite:
            throw StoreError(
                .notAStore, "\(path) is not a TenderScore store: it is not an SQLite database at all. It was left as it is.")
        case .notRegularFile:
            throw StoreError(
                .notAStore,
                "\(path) is not a regular file (it is a pipe, a device or a socket), so it cannot be a TenderScore store. It was left as it is.")
        case .truncated(let expected, let actual):
            throw StoreError(
                .damaged,
                "\(path) is damaged: it is \(actual) bytes long but its own header says \(expected), so its end was cut off. Nothing was read from it; restore it from a copy, and run `tenderscore audit verify` on the copy.")
        case .otherApplication:
            throw StoreError(
                .notAStore,
                "\(path) is an SQLite database made by another application, not a TenderScore store. It was left as it is.")
        }
    }

    /// Whether a read-only open must treat the file as immutable: when neither it nor its folder
    /// can be written, SQLite cannot make the lock and `-shm` files a WAL store needs.
    static func needsImmutableOpen(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return !FileManager.default.isWritableFile(atPath: path) || !FileManager.default.isWritableFile(atPath: folder)
            || (access(path, W_OK) != 0)
    }

    /// The SQLite URI that opens `path` as immutable (no locks, no `-shm`): safe only for a file
    /// nothing can change, which is what ``needsImmutableOpen(_:)`` checks.
    static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:\(escaped)?immutable=1"
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        // Another TenderScore command may hold the write lock for a moment: wait for it.
        config.busyMode = .timeout(10)
        config.label = "TenderScore store"
        return config
    }

    /// A fresh name beside `path`, for building a new store before it is put in place.
    static func temporarySibling(of path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        return folder.appendingPathComponent(".\(url.lastPathComponent).creating-\(UUID().uuidString)").path
    }

    /// Puts the finished file at `path` without ever replacing a file that appeared there
    /// meanwhile (a hard link fails when the name is taken; a rename would overwrite it).
    static func moveIntoPlace(_ temporary: String, to path: String) throws(StoreError) {
        if link(temporary, path) == 0 {
            unlink(temporary)
            return
        }
        let code = errno
        if code == EEXIST {
            throw StoreError(.alreadyExists, "\(path) appeared while the store was being set up; nothing was changed.")
        }
        // Some file systems have no hard links: fall back to a rename after checking the name.
        guard !FileManager.default.fileExists(atPath: path), rename(temporary, path) == 0 else {
            throw StoreError(.cannotAccess, "the store could not be written to \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            unlink(path + suffix)
        }
    }
}
