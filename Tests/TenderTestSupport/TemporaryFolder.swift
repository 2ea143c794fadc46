import Foundation

/// A temporary folder removed when the value goes away.
public final class TemporaryFolder: @unchecked Sendable {
    public let path: String

    public init(_ prefix: String = "tenderscore-tests") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        // A test may have made files read-only; make them removable again.
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
