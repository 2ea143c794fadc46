import CLibXML2
import Foundation
import TenderModel

/// The package's four XSDs, compiled once and shared: a compiled `xmlSchema` is read-only and
/// safe across threads, while each validation gets its own context.
final class SchemaLibrary: @unchecked Sendable {
    static let shared = SchemaLibrary()

    private let lock = NSLock()
    private var compiled: [DocumentKind: xmlSchemaPtr] = [:]

    private init() {}

    deinit {
        for schema in compiled.values { xmlSchemaFree(schema) }
    }

    /// Validates `doc` against the XSD of `kind`, returning every problem it reports.
    func validate(
        _ doc: xmlDocPtr, kind: DocumentKind, file: String, columnOf: @escaping (xmlNodePtr) -> Int
    ) throws(DocumentError) -> [Diagnostic] {
        let schema = try self.schema(for: kind)
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            throw DocumentError(.error(at: SourceLocation(file: file, line: 1, column: 1), "out of memory while validating"))
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = LibXMLErrorCollector(file: file)
        collector.columnOfNode = columnOf
        xmlSchemaSetValidStructuredErrors(
            context,
            { userData, error in
                guard let userData, let error else { return }
                LibXMLErrorCollector.from(userData).record(error.pointee)
            }, collector.opaque)
        let status = withExtendedLifetime(collector) { xmlSchemaValidateDoc(context, doc) }
        if status != 0 && !collector.diagnostics.containsErrors {
            collector.append(
                .error(
                    at: SourceLocation(file: file, line: 1, column: 1),
                    "the \(kind.displayName) does not follow its schema"))
        }
        return collector.diagnostics
    }

    func schema(for kind: DocumentKind) throws(DocumentError) -> xmlSchemaPtr {
        lock.lock()
        defer { lock.unlock() }
        if let schema = compiled[kind] { return schema }
        let name = "\(kind.schemaResource).xsd"
        let location = SourceLocation(file: name, line: 1, column: 1)
        guard let url = Bundle.module.url(forResource: kind.schemaResource, withExtension: "xsd", subdirectory: "Schemas"),
            let data = try? Data(contentsOf: url)
        else {
            throw DocumentError(.error(at: location, "the schema \(name) is missing from the installation"))
        }
        LibXMLSetup.once()
        let collector = LibXMLErrorCollector(file: name)
        let schema: xmlSchemaPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                let parser = xmlSchemaNewMemParserCtxt(base, Int32(raw.count))
            else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(
                parser,
                { userData, error in
                    guard let userData, let error else { return }
                    LibXMLErrorCollector.from(userData).record(error.pointee)
                }, collector.opaque)
            return withExtendedLifetime(collector) { xmlSchemaParse(parser) }
        }
        guard let schema else {
            throw DocumentError(
                collector.diagnostics.isEmpty ? [.error(at: location, "the schema \(name) could not be read")] : collector.diagnostics)
        }
        compiled[kind] = schema
        return schema
    }
}
