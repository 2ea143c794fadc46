import Foundation

/// Writes a set of files into a folder, creating it when needed.
enum OutputFolder {
    static func write(_ files: [(URL, String)], to folder: URL) throws(ExportError) -> [URL] {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (url, text) in files {
                try Data(text.utf8).write(to: url, options: .atomic)
            }
        } catch {
            throw ExportError(.write, "cannot write into \(folder.path): \(error.localizedDescription)")
        }
        return files.map(\.0)
    }
}
