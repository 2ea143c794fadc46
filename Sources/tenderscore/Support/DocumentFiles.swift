import Foundation

/// Expands the paths a person typed: a folder stands for every `.xml` and `.csv` file in it,
/// at any depth, in a stable order.
enum DocumentFiles {
    static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let entries = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
            return entries
                .filter { $0.lowercased().hasSuffix(".xml") || $0.lowercased().hasSuffix(".csv") }
                .sorted()
                .map { base + "/" + $0 }
        }
    }
}
