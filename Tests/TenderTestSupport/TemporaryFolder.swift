import Foundation

/// A temporary folder removed when the value goes away.
public final class TemporaryFolder: @unchecked Sendable {
    public let path: String

    public init(_ prefix: String = "tenderscore-tests") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { Self.removeAll(at: path) }

    /// A new folder under the system's temporary directory, removed when the test process ends
    /// rather than when a value goes away: for tests that hand its paths around (a store, a
    /// pack) while nothing holds a ``TemporaryFolder``. Every run of the suite left some 150 of
    /// them behind before.
    public static func scratch(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        ScratchFolders.shared.append(url.path)
        return url
    }

    /// Removes `path` and everything in it, even files a test made read-only.
    static func removeAll(at path: String) {
        if let entries = FileManager.default.enumerator(atPath: path) {
            for case let entry as String in entries {
                chmod(path + "/" + entry, 0o755)
            }
        }
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }

    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// Removes the folder now rather than when the value goes away.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    public func write(_ bytes: [UInt8], to name: String) throws -> String {
        let target = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    public func file(_ name: String) -> String { URL(fileURLWithPath: path).appendingPathComponent(name).path }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let target = file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }
}

/// The scratch folders made so far, removed when the process exits.
private enum ScratchFolders {
    static let shared: LockedList<String> = {
        let paths = LockedList<String>()
        atexit {
            for path in ScratchFolders.shared.removeAll() { TemporaryFolder.removeAll(at: path) }
        }
        return paths
    }()
}
