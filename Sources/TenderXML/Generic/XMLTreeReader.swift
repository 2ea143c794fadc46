import CLibXML2
import TenderModel

/// Parses arbitrary namespaced XML from memory with the same safe libxml2 set-up as TenderScore's
/// own documents (``SafeXMLParser``): no network, no entity substitution, no DTD loading, the
/// parse stopped at any DOCTYPE, libxml2's depth limit kept, and a size cap checked before
/// libxml2 sees a byte. Nothing is validated against a schema and any root namespace is
/// accepted: this is for other formats (an office package's parts) that a caller interprets.
public enum XMLTreeReader {
    /// Parses `bytes`, naming the document `file` in every diagnostic.
    /// - Parameter maxBytes: refused before parsing when the bytes are longer.
    public static func parse(
        bytes: [UInt8], file: String, maxBytes: Int = DocumentReadOptions.defaultMaxDocumentBytes
    ) throws(DocumentError) -> XMLTreeElement {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard bytes.count <= maxBytes, bytes.count <= Int(Int32.max) else {
            throw DocumentError(
                .error(at: start, "the XML is \(bytes.count) bytes, over the limit of \(maxBytes) bytes"))
        }
        try EncodingCheck.check(bytes, file: file)
        LibXMLSetup.once()
        let collector = LibXMLErrorCollector(file: file)
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    SafeXMLParser.runParser(chars, count: Int32(buffer.count), collector: collector)
                }
            }
        }
        defer { if let parsed { xmlFreeDoc(parsed) } }
        if let doctype = collector.doctype {
            throw DocumentError(.error(at: doctype, "DTDs are not allowed: remove the <!DOCTYPE …> declaration"))
        }
        let errors = collector.diagnostics.filter { $0.severity == .error }
        guard let doc = parsed, errors.isEmpty, let root = xmlDocGetRootElement(doc) else {
            throw DocumentError(errors.isEmpty ? [.error(at: start, "the file holds no XML element")] : errors)
        }
        return copy(root)
    }

    private static func copy(_ node: xmlNodePtr) -> XMLTreeElement {
        var attributes: [XMLTreeElement.Attribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var child = current.pointee.children
            while let text = child {
                value += SafeXMLParser.string(text.pointee.content)
                child = text.pointee.next
            }
            attributes.append(
                XMLTreeElement.Attribute(
                    name: SafeXMLParser.string(current.pointee.name),
                    namespace: current.pointee.ns.map { SafeXMLParser.string($0.pointee.href) }, value: value))
            attribute = current.pointee.next
        }
        var element = XMLTreeElement(
            name: SafeXMLParser.string(node.pointee.name),
            namespace: node.pointee.ns.map { SafeXMLParser.string($0.pointee.href) },
            attributes: attributes, content: [], line: Int(xmlGetLineNo(node)))
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.content.append(.element(copy(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                element.content.append(.text(SafeXMLParser.string(current.pointee.content)))
            default:
                break
            }
            child = current.pointee.next
        }
        return element
    }
}
