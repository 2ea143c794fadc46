import Foundation
import TenderModel
import TenderXML

/// A document's exact bytes as read from disk: what is parsed is what is kept.
///
/// ``DocumentLoader`` reads files itself but does not hand the bytes back, so the store reads
/// them here, with the same size cap, and gives the loader those very bytes.
struct DocumentFile: Sendable {
    var file: String
    var bytes: [UInt8]

    static func read(_ path: String, options: DocumentReadOptions) throws(DocumentError) -> DocumentFile {
        let start = SourceLocation(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DocumentError(.error(at: start, "no such file"))
        }
        if isDirectory.boolValue {
            throw DocumentError(.error(at: start, "this is a folder, not a file"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DocumentError(.error(at: start, "the file cannot be read (check its permissions)"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: options.maxDocumentBytes + 1) ?? Data()
        } catch {
            throw DocumentError(.error(at: start, "the file cannot be read: \(error.localizedDescription)"))
        }
        if data.count > options.maxDocumentBytes {
            throw DocumentError(
                .error(
                    at: start,
                    "the file is over the limit of \(options.maxDocumentBytes) bytes (--max-document-bytes)"))
        }
        return DocumentFile(file: path, bytes: [UInt8](data))
    }

    /// The XML files of a folder, in name order; a file is itself.
    static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.lowercased().hasSuffix(".xml") && !$0.hasPrefix(".") }.sorted()
                .map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
        }
    }
}
