import ArgumentParser
import TenderStore
import TenderWorkflow
import TenderXML

/// The options every command that reads documents shares.
struct DocumentOptions: ParsableArguments {
    @Option(help: "Refuse any document larger than this many bytes before parsing it.")
    var maxDocumentBytes: Int = DocumentReadOptions.defaultMaxDocumentBytes

    @Option(help: "Refuse a bulk <submissions> file (streamed bid by bid) larger than this many bytes.")
    var maxBulkBytes: Int = DocumentReadOptions.defaultMaxBulkBytes

    func validate() throws {
        guard maxDocumentBytes > 0 else {
            throw ValidationError("--max-document-bytes must be a positive number of bytes")
        }
        guard maxBulkBytes > 0 else {
            throw ValidationError("--max-bulk-bytes must be a positive number of bytes")
        }
    }

    var readOptions: DocumentReadOptions {
        DocumentReadOptions(maxDocumentBytes: maxDocumentBytes, maxBulkBytes: maxBulkBytes)
    }

    var loader: DocumentLoader { DocumentLoader(options: readOptions) }

    /// A file's bytes, read once with the size cap, for the workflow to parse and keep.
    func read(_ path: String) throws -> DocumentFile {
        do {
            return try DocumentFile.read(path, options: readOptions)
        } catch {
            throw StoreError(.invalidDocuments, "Nothing was imported: \(path) cannot be read.", diagnostics: error.diagnostics)
        }
    }
}
