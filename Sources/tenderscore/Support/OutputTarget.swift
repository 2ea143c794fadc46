import Foundation

/// Writes the files a command hands a person (a response form, a bid as received) without ever
/// replacing one already there: a commissioner's copy of what a bidder sent must not be lost to
/// a mistyped path.
enum OutputTarget {
    /// Makes `path` a folder if it is not one yet; refuses a file in its place.
    static func folder(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Refusal("\(path) is a file, not a folder; nothing was written") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Refusal("\(path) cannot be made: \(error.localizedDescription)")
        }
    }

    /// Writes `data` to a new file at `path`; refuses when something is already there.
    static func write(_ data: Data, to path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw Refusal("\(path) already exists; nothing was written over it")
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw Refusal("\(path) cannot be written: \(error.localizedDescription)")
        }
    }
}
