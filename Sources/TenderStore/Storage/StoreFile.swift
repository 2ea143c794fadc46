import Foundation
import GRDB

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
        case store
    }

    static func identity(of path: String) throws(StoreError) -> Identity {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { return .folder }
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
        return applicationID == Schema.applicationID ? .store : .otherApplication(applicationID)
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
        case .otherApplication:
            throw StoreError(
                .notAStore,
                "\(path) is an SQLite database made by another application, not a TenderScore store. It was left as it is.")
        }
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
