import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One output file, written whole or not at all, and never over something it must not touch.
///
/// Every export the CLI writes (`rank --output`, a scoresheet template, and through
/// ``OutputFolder`` the packs and summaries) goes through this type, because a half-written
/// ranking or a ranking written over the tender store loses a public decision record:
/// - the bytes go to a temporary file in the same folder, are flushed to disk (`fsync`) and then
///   renamed into place, so a reader sees the old file or the whole new one; on any failure (a
///   full disk) the temporary file is removed and ``ExportError`` names the file and says what to
///   do;
/// - an existing file is refused unless `replace` is true; a path that is a symbolic link is
///   always refused (renaming over it would hide where the output went);
/// - a path in `protectedPaths` (the store, its `-wal` and `-shm`) is refused even with
///   `replace`, compared by resolved real path and by device and inode, so `./x/../store.sqlite`
///   or a hard link to the store is caught too.
///
/// ```swift
/// try OutputFile(path: URL(fileURLWithPath: "ranking.html"), protecting: storeFiles).write(html)
/// ```
public struct OutputFile: Sendable {
    /// Where the file goes. Its folder must exist.
    public var path: URL
    /// Files never to be written over, whatever `replace` says.
    public var protectedPaths: [URL]
    /// Whether an existing (regular) file at `path` may be replaced.
    public var replace: Bool

    /// Writes bytes to an open descriptor; a test replaces it to act out a full disk.
    typealias ByteWriter = @Sendable (Int32, UnsafeRawBufferPointer) -> Int
    var writeBytes: ByteWriter = OutputFile.systemWrite

    static let systemWrite: ByteWriter = { descriptor, buffer in
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer.baseAddress, buffer.count)
        #else
        Darwin.write(descriptor, buffer.baseAddress, buffer.count)
        #endif
    }

    public init(path: URL, protecting protectedPaths: [URL] = [], replace: Bool = false) {
        self.path = path
        self.protectedPaths = protectedPaths
        self.replace = replace
    }

    /// Writes `text` as UTF-8. See ``write(_:)-(Data)``.
    public func write(_ text: String) throws(ExportError) {
        try write(Data(text.utf8))
    }

    /// Writes `data` to ``path``, whole or not at all.
    /// - Throws: ``ExportError`` with code `symbolicLink`, `protectedFile`, `fileExists` (when
    ///   `replace` is false) or `write` (the disk is full, no permission...), each naming the file.
    public func write(_ data: Data) throws(ExportError) {
        try Self.checkTarget(path, protecting: protectedPaths, replace: replace)
        let folder = path.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".tenderscore-\(UUID().uuidString.prefix(13)).tmp")
        do throws(ExportError) {
            try Self.writeDurably(data, to: temporary, using: writeBytes)
            try Self.checkTarget(path, protecting: protectedPaths, replace: replace)
            try Self.move(temporary, to: path, replace: replace)
        } catch {
            _ = unlink(temporary.path)
            throw error.naming(path)
        }
        Self.syncFolder(folder)
    }

    /// The files of an SQLite store that no output may replace: the store itself and the journal
    /// files SQLite keeps beside it (`-wal`, `-shm`, `-journal`), whether they exist yet or not.
    /// The CLI passes these as `protecting:` to every ``OutputFile`` and ``OutputFolder``.
    public static func storeFiles(_ store: URL) -> [URL] {
        [store] + ["-wal", "-shm", "-journal"].map { URL(fileURLWithPath: store.path + $0) }
    }

    // MARK: - Checks

    /// Refuses a symbolic link, a folder, a protected file, or an existing file without `replace`.
    static func checkTarget(_ path: URL, protecting protectedPaths: [URL], replace: Bool) throws(ExportError) {
        var info = stat()
        let exists = lstat(path.path, &info) == 0
        if exists, (info.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path.path)) ?? "somewhere else"
            throw ExportError(
                .symbolicLink,
                "cannot write \(path.path): it is a symbolic link (to \(target)), and TenderScore never writes "
                    + "through a link. Give the real path of the file instead, or remove the link.")
        }
        if isProtected(path, existing: exists ? info : nil, protectedPaths) {
            throw ExportError(
                .protectedFile,
                "cannot write \(path.path): it is the tender store or one of its journal files, and writing there "
                    + "would destroy the record. Choose another file name for the output.")
        }
        guard exists else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw ExportError(
                .fileExists, "cannot write \(path.path): it is a folder. Give a file name inside it, or another name.")
        }
        if !replace {
            throw ExportError(
                .fileExists,
                "cannot write \(path.path): a file of that name already exists and TenderScore does not write over "
                    + "files unasked. Choose a new file name, or run the command again with --replace to replace it.")
        }
    }

    /// Whether `path` is one of `protectedPaths`, by resolved real path or by device and inode.
    static func isProtected(_ path: URL, existing: stat?, _ protectedPaths: [URL]) -> Bool {
        guard !protectedPaths.isEmpty else { return false }
        let resolved = resolvedPath(path)
        for protected in protectedPaths {
            if resolvedPath(protected) == resolved { return true }
            var info = stat()
            if let existing, stat(protected.path, &info) == 0, info.st_dev == existing.st_dev,
                info.st_ino == existing.st_ino
            {
                return true
            }
        }
        return false
    }

    /// The real path of `url`'s folder (links and `..` resolved) joined with its last component:
    /// the path a file written there would have, whether it exists yet or not.
    static func resolvedPath(_ url: URL) -> String {
        let standard = url.standardizedFileURL
        let folder = standard.deletingLastPathComponent().path
        let name = standard.lastPathComponent
        guard let real = realpath(folder, nil) else { return standard.path }
        defer { free(real) }
        let base = String(cString: real)
        return (base.hasSuffix("/") ? base : base + "/") + name
    }

    // MARK: - Writing

    /// Creates `temporary` (never an existing file, never through a link), writes every byte,
    /// flushes it to disk (unless `flush` is false: the caller flushes) and closes it.
    static func writeDurably(_ data: Data, to temporary: URL, using writeBytes: ByteWriter, flush: Bool = true)
        throws(ExportError)
    {
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .posix(errno) }
        var failure: Int32?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let chunk = UnsafeRawBufferPointer(rebasing: buffer[offset...])
                let written = writeBytes(descriptor, chunk)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if written == 0 {
                    failure = ENOSPC
                    return
                }
                offset += written
            }
        }
        if failure == nil, flush, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure { throw .posix(failure) }
    }

    /// Puts `temporary` in place of `path`. Without `replace`, a hard link makes "only if it does
    /// not exist yet" atomic; on a file system without hard links it falls back to a rename.
    static func move(_ temporary: URL, to path: URL, replace: Bool) throws(ExportError) {
        if replace {
            guard rename(temporary.path, path.path) == 0 else { throw .posix(errno) }
            return
        }
        if link(temporary.path, path.path) == 0 {
            _ = unlink(temporary.path)
            return
        }
        let failure = errno
        if failure == EEXIST {
            throw ExportError(
                .fileExists,
                "cannot write \(path.path): a file of that name appeared while writing. Choose a new file name, or "
                    + "run the command again with --replace to replace it.")
        }
        guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK].contains(failure) else { throw .posix(failure) }
        var info = stat()
        if lstat(path.path, &info) == 0 {
            throw ExportError(.fileExists, "cannot write \(path.path): a file of that name appeared while writing.")
        }
        guard rename(temporary.path, path.path) == 0 else { throw .posix(errno) }
    }

    /// Flushes a file already written and closed; an error the system met writing it back (a
    /// failing disk) is reported here.
    static func flush(_ file: URL) throws(ExportError) {
        let descriptor = open(file.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw .posix(errno) }
        let failure = fsync(descriptor) == 0 ? nil : errno
        _ = close(descriptor)
        if let failure { throw .posix(failure) }
    }

    /// Linux's `syncfs(2)`, which Swift's Glibc module does not declare: looked up once by name,
    /// nil where the C library lacks it.
    static let syncfs: (@convention(c) (Int32) -> Int32)? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// Flushes the folder entry of a rename to disk; a failure here loses nothing already visible.
    static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }
}

extension ExportError {
    /// A system call's failure, before it is tied to a file by ``naming(_:)``.
    static func posix(_ code: Int32) -> ExportError {
        ExportError(.write, "errno:\(code)")
    }

    /// This error with the file it is about and what to do, in words: never a raw errno or
    /// `NSCocoaErrorDomain` code.
    func naming(_ path: URL) -> ExportError {
        guard code == .write, message.hasPrefix("errno:"), let number = Int32(message.dropFirst("errno:".count)) else {
            return self
        }
        let folder = path.deletingLastPathComponent().path
        let why: String
        switch number {
        case ENOSPC, EDQUOT:
            why = "the disk is full. Free some space, or write to another disk, then run the command again"
        case EACCES, EPERM:
            why = "you do not have permission to write in \(folder). Choose a folder you can write to"
        case EROFS:
            why = "the disk is read-only. Write to another disk"
        case ENOENT, ENOTDIR:
            why = "the folder \(folder) does not exist. Create it first, or choose another folder"
        case ENAMETOOLONG:
            why = "the name is too long for this disk. Choose a shorter path"
        case EIO:
            why = "the disk reported an input/output error. Check the disk, or write to another one"
        default:
            why = String(cString: strerror(number)).lowercased() + ". Try again, or write somewhere else"
        }
        return ExportError(.write, "cannot write \(path.path): \(why). Nothing was written there.")
    }
}
