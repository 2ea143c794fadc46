import Foundation
import TenderModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of outputs (an evaluation pack, the assessment summaries), written into a new or
/// empty folder, whole or not at all.
///
/// Writing a pack into an old pack's folder kept the old files beside the new ones, among them a
/// bid the new reader had a conflict with, and the printed count was wrong. So a folder that
/// already holds anything is refused; the files are first written and flushed in a hidden
/// staging folder beside the target, which is then renamed into place, so a failure half way
/// leaves nothing behind. Every name is checked (``OutputName/isSafe(_:)``, unique without
/// regard to case) before any file is written.
///
/// ```swift
/// try OutputFolder(path: URL(fileURLWithPath: "summaries"), protecting: storeFiles)
///     .write([.init(name: "BID-001-assessment-summary.md", contents: markdown)])
/// ```
public struct OutputFolder: Sendable {
    /// One file of the folder: its name inside it and its contents.
    public struct File: Sendable, Hashable {
        public var name: String
        public var contents: Data

        public init(name: String, contents: Data) {
            self.name = name
            self.contents = contents
        }

        public init(name: String, contents: String) {
            self.init(name: name, contents: Data(contents.utf8))
        }
    }

    /// The folder to create (or fill, when it exists and is empty). Missing parent folders are
    /// created.
    public var path: URL
    /// Files never to be written over (the store and its journal files); the folder itself may not
    /// be one of them either.
    public var protectedPaths: [URL]
    /// Writes bytes to an open descriptor; a test replaces it to act out a full disk.
    var writeBytes: OutputFile.ByteWriter = OutputFile.systemWrite

    public init(path: URL, protecting protectedPaths: [URL] = []) {
        self.path = path
        self.protectedPaths = protectedPaths
    }

    /// Writes `files` into the folder; returns their paths, in the order given.
    /// - Throws: ``ExportError``: `invalidName` (an unsafe or repeated name, before anything is
    ///   written), `folderNotEmpty`, `symbolicLink`, `protectedFile`, `fileExists` (the path is a
    ///   file), or `write` (a full disk...), each naming the folder and what to do.
    @discardableResult
    public func write(_ files: [File]) throws(ExportError) -> [URL] {
        try Self.checkNames(files.map(\.name))
        try checkFolder()
        let parent = path.deletingLastPathComponent()
        try Self.makeFolders(parent, for: path)
        let staging = parent.appendingPathComponent(".tenderscore-\(UUID().uuidString.prefix(13)).tmp")
        guard mkdir(staging.path, 0o755) == 0 else { throw ExportError.posix(errno).naming(path) }
        do throws(ExportError) {
            try Self.writeAll(files, into: staging, using: writeBytes)
            OutputFile.syncFolder(staging)
            try checkFolder()
            // Onto a missing or empty folder, rename is atomic; a folder filled meanwhile is refused.
            if rename(staging.path, path.path) != 0 {
                let failure = errno
                if failure == ENOTEMPTY || failure == EEXIST { try checkFolder() }
                throw ExportError.posix(failure)
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error.naming(path)
        }
        OutputFile.syncFolder(parent)
        return files.map { path.appendingPathComponent($0.name) }
    }

    /// Writes and flushes each file into `staging`, on every core. The first failure in the
    /// files' order is thrown; the caller removes the staging folder.
    ///
    /// Each `fsync` waits for its own file to reach the disk, and 4,000 assessment summaries
    /// spent two seconds waiting. So on Linux a folder of many files is written first and then
    /// flushed together by one `syncfs` on the staging folder, opened before the first file:
    /// it returns when every file is on disk, and fails if the system met an error writing
    /// any of them back (Linux 5.8 and later report such errors to every descriptor opened
    /// before them). Where `syncfs` is missing, one `sync()` and then an `fsync` of each file.
    private static func writeAll(_ files: [File], into staging: URL, using writeBytes: OutputFile.ByteWriter)
        throws(ExportError)
    {
        #if os(Linux)
        let flushTogether = files.count >= 64
        #else
        let flushTogether = false
        #endif
        let folder = flushTogether ? open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
        defer { if folder >= 0 { close(folder) } }
        try forEachFile(files) { file throws(ExportError) in
            try OutputFile.writeDurably(
                file.contents, to: staging.appendingPathComponent(file.name), using: writeBytes, flush: !flushTogether)
        }
        guard flushTogether else { return }
        if folder >= 0, let syncfs = OutputFile.syncfs {
            guard syncfs(folder) == 0 else { throw .posix(errno) }
            return
        }
        sync()
        try forEachFile(files) { file throws(ExportError) in try OutputFile.flush(staging.appendingPathComponent(file.name)) }
    }

    /// `body` for each file on every core; the first failure in the files' order is thrown.
    private static func forEachFile(_ files: [File], _ body: @Sendable (File) throws(ExportError) -> Void) throws(ExportError) {
        for result in files.concurrentMap(minimumCount: 2, { file in Result { () throws(ExportError) in try body(file) } }) {
            try result.get()
        }
    }

    /// Refuses a name ``OutputName/isSafe(_:)`` rejects, or two names equal without regard to case.
    public static func checkNames(_ names: [String]) throws(ExportError) {
        if let bad = names.first(where: { !OutputName.isSafe($0) }) {
            throw ExportError(
                .invalidName,
                "cannot use \"\(bad)\" as an output file name: names are 1 to 255 letters, digits, '-', '_' or '.', "
                    + "not starting with '.'. Nothing was written. This is a fault in TenderScore: please report it.")
        }
        var seen: [String: String] = [:]
        for name in names {
            if let earlier = seen[name.lowercased()] {
                throw ExportError(
                    .invalidName,
                    "two outputs would both be written as \(name == earlier ? name : "\(earlier) and \(name)"), and one "
                        + "would replace the other. Nothing was written. This is a fault in TenderScore: please report it.")
            }
            seen[name.lowercased()] = name
        }
    }

    /// Creates `folder` and any missing parents, as `mkdir -p` does; a failure names `target`
    /// (the folder the user asked for) and says what to do.
    private static func makeFolders(_ folder: URL, for target: URL) throws(ExportError) {
        var info = stat()
        if stat(folder.path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw ExportError(
                    .write,
                    "cannot write into \(target.path): \(folder.path) is a file, not a folder. Choose another folder.")
            }
            return
        }
        let parent = folder.deletingLastPathComponent()
        if parent.path != folder.path { try makeFolders(parent, for: target) }
        if mkdir(folder.path, 0o755) != 0, errno != EEXIST {
            throw ExportError.posix(errno).naming(target)
        }
    }

    /// The folder must be missing or empty, a real folder, and not protected.
    private func checkFolder() throws(ExportError) {
        var info = stat()
        guard lstat(path.path, &info) == 0 else {
            if OutputFile.isProtected(path, existing: nil, protectedPaths) {
                throw ExportError(.protectedFile, "cannot write into \(path.path): it is the tender store's path.")
            }
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            throw ExportError(
                .symbolicLink,
                "cannot write into \(path.path): it is a symbolic link, and TenderScore never writes through a link. "
                    + "Give the real folder instead.")
        case S_IFDIR:
            break
        default:
            if OutputFile.isProtected(path, existing: info, protectedPaths) {
                throw ExportError(
                    .protectedFile,
                    "cannot write into \(path.path): it is the tender store or one of its journal files. Choose a new "
                        + "folder for the outputs.")
            }
            throw ExportError(
                .fileExists, "cannot write into \(path.path): it is a file, not a folder. Choose a new folder for the outputs.")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path.path)) ?? []
        if !contents.isEmpty {
            let examples = Wording.list(Array(contents.sorted().prefix(3)))
            throw ExportError(
                .folderNotEmpty,
                "cannot write into \(path.path): the folder is not empty (it holds \(contents.count) "
                    + "\(contents.count == 1 ? "item" : "items"), such as \(examples)). Outputs go only into a new or "
                    + "empty folder, so that no file from an earlier run is left beside them: choose a new folder, or "
                    + "empty this one first.")
        }
    }
}
