import Foundation
import TenderModel
import TenderXML

/// A document's exact bytes and the name it came under: what is parsed is what is kept.
///
/// Front ends read a file (or take an upload) once and hand the workflow these bytes; the
/// workflow parses the very same bytes it stores.
public struct DocumentFile: Sendable, Hashable {
    public var file: String
    public var bytes: [UInt8]

    public init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// Reads a file through ``DocumentLoader/readBytes(path:)``, with its size cap.
    public static func read(_ path: String, options: DocumentReadOptions) throws(DocumentError) -> DocumentFile {
        DocumentFile(file: path, bytes: try DocumentLoader(options: options).readBytes(path: path))
    }
}
