import Foundation
import TenderModel
import TenderXML

/// A document's exact bytes as read from disk: what is parsed is what is kept.
///
/// The store reads each file once, through ``DocumentLoader/readBytes(path:)``, keeps those bytes
/// and hands the loader the very same bytes to parse.
struct DocumentFile: Sendable {
    var file: String
    var bytes: [UInt8]

    static func read(_ path: String, options: DocumentReadOptions) throws(DocumentError) -> DocumentFile {
        DocumentFile(file: path, bytes: try DocumentLoader(options: options).readBytes(path: path))
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
