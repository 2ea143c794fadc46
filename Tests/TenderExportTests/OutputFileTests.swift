import Foundation
import Testing
@testable import TenderExport

#if canImport(Glibc)
import Glibc
#endif

/// Every output is written whole or not at all, and never over what it must not touch.
@Suite struct OutputFileTests {
    static func folder() throws -> URL {
        let folder = CustomTender.temporaryFolder("output")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// A full disk half way through: the error names the file and says what to do (never a raw
    /// `NSCocoaErrorDomain Code=640`), and no temporary file is left.
    @Test func fullDiskLeavesNothingAndSaysWhatToDo() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var file = OutputFile(path: folder.appendingPathComponent("ranking.html"))
        file.writeBytes = { descriptor, buffer in
            // The first 10 bytes fit; then the disk is full.
            if lseek(descriptor, 0, SEEK_CUR) >= 10 {
                errno = ENOSPC
                return -1
            }
            return write(descriptor, buffer.baseAddress, min(buffer.count, 10))
        }
        let error = try #require(throws: ExportError.self) { try file.write(String(repeating: "x", count: 100)) }
        #expect(error.code == .write)
        #expect(
            error.message
                == "cannot write \(folder.path)/ranking.html: the disk is full. Free some space, or write to another "
                + "disk, then run the command again. Nothing was written there.")
        #expect(try Self.contents(folder).isEmpty)
    }

    @Test func fullDiskInAFolderOfOutputsLeavesNothing() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        var folder = OutputFolder(path: parent.appendingPathComponent("summaries"))
        folder.writeBytes = { _, _ in
            errno = ENOSPC
            return -1
        }
        let error = try #require(throws: ExportError.self) {
            try folder.write([.init(name: "a.md", contents: "A"), .init(name: "b.md", contents: "B")])
        }
        #expect(error.message.contains("\(parent.path)/summaries: the disk is full"))
        #expect(try Self.contents(parent).isEmpty)
    }

    /// A folder of many files (flushed together on Linux): every file whole, in place; a full
    /// disk on the 150th file leaves nothing, and the error is the first in the files' order.
    @Test func manyFilesAreWrittenWholeOrNotAtAll() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let files = (1...300).map { OutputFolder.File(name: "BID-\($0)-summary.md", contents: "Summary \($0)\n" + String(repeating: "x", count: $0)) }
        let written = try OutputFolder(path: parent.appendingPathComponent("all")).write(files)
        #expect(written.count == 300)
        for (file, url) in zip(files, written) {
            #expect(try Data(contentsOf: url) == file.contents, "\(file.name)")
        }
        var failing = OutputFolder(path: parent.appendingPathComponent("full"))
        failing.writeBytes = { descriptor, buffer in
            // The 150th file's text, and every one after it, meets a full disk.
            if let text = String(bytes: buffer, encoding: .utf8), let number = Int(text.dropFirst(8).prefix { $0.isNumber }),
                number >= 150
            {
                errno = ENOSPC
                return -1
            }
            return write(descriptor, buffer.baseAddress, buffer.count)
        }
        let error = try #require(throws: ExportError.self) { try failing.write(files) }
        #expect(error.message.contains("\(parent.path)/full: the disk is full"), "\(error.message)")
        #expect(try Self.contents(parent) == ["all"])
    }

    /// An existing empty folder is filled; a missing one is created with its parents.
    @Test func folderMayBeEmptyOrNew() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let empty = parent.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let written = try OutputFolder(path: empty).write([.init(name: "a.md", contents: "A"), .init(name: "b.md", contents: "B")])
        #expect(written.map(\.lastPathComponent) == ["a.md", "b.md"])
        #expect(try Self.contents(empty) == ["a.md", "b.md"])
        let nested = parent.appendingPathComponent("x/y/z")
        try OutputFolder(path: nested).write([.init(name: "c.md", contents: "C")])
        #expect(try String(contentsOf: nested.appendingPathComponent("c.md"), encoding: .utf8) == "C")
        // No staging folder is left behind.
        #expect(try Self.contents(parent) == ["empty", "x"])
        #expect(try Self.contents(parent.appendingPathComponent("x/y")) == ["z"])
    }

    /// A missing folder, or a file where a folder should be, is said in words.
    @Test func missingFolderOrFileInTheWayIsExplained() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let missing = parent.appendingPathComponent("nowhere/ranking.html")
        let error = try #require(throws: ExportError.self) { try OutputFile(path: missing).write("x") }
        #expect(
            error.message
                == "cannot write \(missing.path): the folder \(parent.path)/nowhere does not exist. Create it first, or "
                + "choose another folder. Nothing was written there.")
        let file = parent.appendingPathComponent("notes.txt")
        try Data("keep".utf8).write(to: file)
        let target = file.appendingPathComponent("summaries")
        let blocked = try #require(throws: ExportError.self) {
            try OutputFolder(path: target).write([.init(name: "a.md", contents: "A")])
        }
        #expect(blocked.message == "cannot write into \(target.path): \(file.path) is a file, not a folder. Choose another folder.")
    }

    @Test func writesWholeAndRefusesAnExistingFileUnlessToldToReplace() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ranking.csv")
        try OutputFile(path: path).write("first")
        let error = try #require(throws: ExportError.self) { try OutputFile(path: path).write("second") }
        #expect(error.code == .fileExists)
        #expect(error.message.contains(path.path))
        #expect(error.message.contains("--replace"))
        #expect(try String(contentsOf: path, encoding: .utf8) == "first")
        try OutputFile(path: path, replace: true).write("second")
        #expect(try String(contentsOf: path, encoding: .utf8) == "second")
        #expect(try Self.contents(folder) == ["ranking.csv"])
    }

    @Test func refusesASymbolicLinkEvenWhenReplacing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("elsewhere.txt")
        try Data("keep".utf8).write(to: target)
        let link = folder.appendingPathComponent("ranking.html")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let error = try #require(throws: ExportError.self) { try OutputFile(path: link, replace: true).write("x") }
        #expect(error.code == .symbolicLink)
        #expect(error.message.contains("symbolic link"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep")
        let folderError = try #require(throws: ExportError.self) {
            try OutputFolder(path: link).write([.init(name: "a.md", contents: "A")])
        }
        #expect(folderError.code == .symbolicLink)
    }

    /// The store is refused by another spelling of its path, and by a hard link to it.
    @Test func refusesProtectedFilesByRealPathAndIdentity() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store.sqlite")
        try Data("SQLite format 3".utf8).write(to: store)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("x"), withIntermediateDirectories: true)
        let protected = OutputFile.storeFiles(store)
        #expect(protected.map(\.lastPathComponent) == ["store.sqlite", "store.sqlite-wal", "store.sqlite-shm", "store.sqlite-journal"])
        let roundabout = URL(fileURLWithPath: folder.path + "/x/../store.sqlite")
        let error = try #require(throws: ExportError.self) {
            try OutputFile(path: roundabout, protecting: protected, replace: true).write("x")
        }
        #expect(error.code == .protectedFile)
        #expect(error.message.contains("tender store"))
        let hardLink = folder.appendingPathComponent("x/copy.sqlite")
        #expect(link(store.path, hardLink.path) == 0)
        let linked = try #require(throws: ExportError.self) {
            try OutputFile(path: hardLink, protecting: protected, replace: true).write("x")
        }
        #expect(linked.code == .protectedFile)
        // The journal is protected before it exists.
        let wal = try #require(throws: ExportError.self) {
            try OutputFile(path: folder.appendingPathComponent("x/../store.sqlite-wal"), protecting: protected).write("x")
        }
        #expect(wal.code == .protectedFile)
        // A folder of outputs asked for at the store's path is refused as the store, not as a file.
        let folderError = try #require(throws: ExportError.self) {
            try OutputFolder(path: roundabout, protecting: protected).write([.init(name: "a.md", contents: "A")])
        }
        #expect(folderError.code == .protectedFile)
        #expect(folderError.message.contains("tender store"))
        #expect(try String(contentsOf: store, encoding: .utf8) == "SQLite format 3")
    }

    /// Names are all checked before any file is written.
    @Test func unsafeOrRepeatedNamesAreRefusedBeforeWriting() throws {
        let parent = try Self.folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = OutputFolder(path: parent.appendingPathComponent("out"))
        let repeated = try #require(throws: ExportError.self) {
            try target.write([.init(name: "index.html", contents: "A"), .init(name: "INDEX.html", contents: "B")])
        }
        #expect(repeated.code == .invalidName)
        #expect(repeated.message.contains("index.html and INDEX.html"))
        for bad in ["../escape.html", ".hidden", "", String(repeating: "a", count: 256), "a/b.html"] {
            let error = try #require(throws: ExportError.self) { try target.write([.init(name: bad, contents: "A")]) }
            #expect(error.code == .invalidName)
        }
        #expect(try Self.contents(parent).isEmpty)
    }

    @Test func safeNamesAreBoundedAndUnique() {
        #expect(OutputName.base(for: "BID-003") == "BID-003")
        let long = String(repeating: "x", count: 245)
        #expect(OutputName.base(for: long).count <= 57)
        #expect(OutputName.base(for: "../etc/passwd").hasPrefix("_._etc_passwd-"))
        let bases = OutputName.unique(["index", "INDEX", "BID-1", "bid-1", "BID-2"], reserved: ["index"])
        #expect(Set(bases.values.map { $0.lowercased() }).count == 5)
        #expect(bases["BID-2"] == "BID-2")
        #expect(bases["index"] != "index")
    }
}
