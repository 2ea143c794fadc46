import Foundation
import ZIPFoundation

/// Writes a ZIP package (a .docx or .odt) in memory, part by part, in the order given.
struct PackageWriter {
    struct Part {
        var path: String
        var bytes: Data
        /// OpenDocument requires its `mimetype` part first and stored, not compressed.
        var stored = false
    }

    static func write(_ parts: [Part], file: String) throws(FormError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let bytes = part.bytes
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                    modificationDate: Date(timeIntervalSince1970: 1_767_225_600),
                    compressionMethod: part.stored ? .none : .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else {
                throw FormError(.unreadable, file: file, "the form could not be assembled in memory")
            }
            return data
        } catch let error as FormError {
            throw error
        } catch {
            throw FormError(.unreadable, file: file, "the form could not be assembled: \(error)")
        }
    }
}
