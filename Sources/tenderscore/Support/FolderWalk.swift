import Foundation

/// Every entry under a folder, at any depth, read with `opendir`/`readdir`: the listing
/// `validate` and `submissions import` make of a folder of bids. FileManager's enumerator and
/// NSString's path functions cost about 100,000 instructions per entry here, as much as
/// parsing a small bid.
///
/// As FileManager's enumerator does, a symbolic link is listed and never followed, and the
/// order is the file system's (callers sort). Hidden entries (a name starting with ".") are
/// left out with everything inside them, which is what every caller did with the enumerator's
/// listing.
enum FolderWalk {
    struct Entry {
        /// The path below the folder, components joined by "/".
        var relativePath: String
        var isDirectory: Bool
        var isSymbolicLink: Bool

        /// `pathExtension` as NSString gives it: after the last "." of the last component,
        /// unless that "." starts the name.
        var pathExtension: Substring {
            let name = relativePath.lastIndex(of: "/").map { relativePath[relativePath.index(after: $0)...] } ?? relativePath[...]
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
            return name[name.index(after: dot)...]
        }
    }

    static func entries(under folder: String) -> [Entry] {
        var found: [Entry] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? folder : folder + "/" + relative
            guard let stream = opendir(directory) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDirectory = Int(entry.pointee.d_type) == Int(DT_DIR)
                var isSymbolicLink = Int(entry.pointee.d_type) == Int(DT_LNK)
                if Int(entry.pointee.d_type) == Int(DT_UNKNOWN) {
                    var status = stat()
                    if lstat(folder + "/" + path, &status) == 0 {
                        isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
                        isSymbolicLink = (status.st_mode & S_IFMT) == S_IFLNK
                    }
                }
                found.append(Entry(relativePath: path, isDirectory: isDirectory, isSymbolicLink: isSymbolicLink))
                if isDirectory { pending.append(path) }
            }
        }
        return found
    }
}
