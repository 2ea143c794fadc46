import Foundation

/// Expands the paths a person typed, the one way every command does: a folder stands for every
/// file in it with one of `extensions`, at any depth, in name order, hidden files left out.
enum DocumentFiles {
    static func expand(_ paths: [String], extensions: Set<String> = ["xml", "csv"]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            return FolderWalk.entries(under: base)
                .filter { extensions.contains($0.pathExtension.lowercased()) }
                .map(\.relativePath)
                .sorted()
                .map { base + "/" + $0 }
        }
    }
}
