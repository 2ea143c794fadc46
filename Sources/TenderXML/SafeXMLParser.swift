import CLibXML2
import Foundation
import TenderModel

/// Parses one document from memory with libxml2, refusing anything that could reach outside the
/// bytes given or blow up while parsing.
///
/// Safety comes from what is never switched on, and from one switch that is:
/// - no `XML_PARSE_NOENT`, `DTDLOAD`, `DTDVALID`, `XINCLUDE` or `HUGE`; `XML_PARSE_NONET` on;
/// - the parse stops the moment a DOCTYPE is met, before its internal subset is read, so entity
///   bombs, external entities and external DTDs never get as far as being declared;
/// - libxml2's default depth limit (256) stands, so deep nesting is refused;
/// - errors go to a collector through the parser context, never through global handlers.
enum SafeXMLParser {
    struct Result {
        var kind: DocumentKind
        var root: ParsedElement
        /// The parser's warnings.
        var warnings: [Diagnostic]
        /// What the kind's XSD found, errors included: the readers still run over a document
        /// that breaks its schema, so that every problem is reported at once.
        var schema: [Diagnostic]
    }

    static let parseOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// - Parameter keepingAnswerText: false to leave a bid's paragraphs uncopied once checked
    ///   and counted (``ParsedElement/textKept``): their text is most of a bid's bytes, and
    ///   `validate` reports on it without keeping it.
    static func parse(
        bytes: [UInt8], file: String, schemas: SchemaLibrary, keepingAnswerText: Bool = true
    ) throws(DocumentError) -> Result {
        try EncodingCheck.check(bytes, file: file)
        guard bytes.count <= Int(Int32.max) else {
            throw DocumentError(.error(at: SourceLocation(file: file, line: 1, column: 1), "the file is too large to parse"))
        }
        LibXMLSetup.once()

        let collector = LibXMLErrorCollector(file: file)
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    runParser(chars, count: Int32(buffer.count), collector: collector)
                }
            }
        }
        defer { if let parsed { xmlFreeDoc(parsed) } }

        if let doctype = collector.doctype {
            throw DocumentError(.error(at: doctype, "DTDs are not allowed: remove the <!DOCTYPE …> declaration"))
        }
        let parseErrors = collector.diagnostics.filter { $0.severity == .error }
        guard let doc = parsed, parseErrors.isEmpty, let rootNode = xmlDocGetRootElement(doc) else {
            if parseErrors.isEmpty {
                throw DocumentError(.error(at: SourceLocation(file: file, line: 1, column: 1), "the file holds no XML element"))
            }
            throw DocumentError(parseErrors)
        }
        // libxml2 2.9 reads a document declaring XML 1.1 by XML 1.0 rules, with only a warning,
        // so it lets through what XML 1.1 forbids (raw C1 control characters, W3C suite
        // ibm-1-1-not-wf-P02-*). No TenderScore document needs XML 1.1. Other 1.x versions are
        // read as 1.0, as the fifth edition of XML 1.0 says they must be.
        if doc.pointee.version.map(string) == "1.1" {
            throw DocumentError(
                .error(
                    at: SourceLocation(file: file, line: 1, column: 1),
                    "the file declares XML version 1.1, whose rules cannot be checked here; "
                        + "TenderScore documents are XML 1.0: declare version=\"1.0\""))
        }

        var columns = ColumnLocator(utf8: TextDecoding.utf8Bytes(of: bytes))
        let rootLocation = SourceLocation(
            file: file, line: Int(xmlGetLineNo(rootNode)),
            column: columns.column(ofStartTag: qualifiedName(rootNode), line: Int(xmlGetLineNo(rootNode))))
        let rootName = string(rootNode.pointee.name)
        guard let namespace = rootNode.pointee.ns.flatMap({ string($0.pointee.href) }), !namespace.isEmpty,
            let kind = DocumentKind(namespace: namespace)
        else {
            let found = rootNode.pointee.ns.map { " in namespace \(string($0.pointee.href))" } ?? " with no namespace"
            throw DocumentError(
                .error(
                    at: rootLocation,
                    "<\(rootName)>\(found) is not a TenderScore document; the root element must be in one of the namespaces "
                        + DocumentKind.allCases.map(\.namespace).joined(separator: ", ")))
        }

        // Columns are found in document order; validation reports in document order too, but
        // may revisit an element, so cache what was found per node.
        var columnCache: [UnsafeMutableRawPointer: Int] = [:]
        let columnOf: (xmlNodePtr) -> Int = { node in
            let key = UnsafeMutableRawPointer(node)
            if let known = columnCache[key] { return known }
            let found = column(of: node, in: &columns)
            columnCache[key] = found
            return found
        }
        let validation = try schemas.validate(doc, kind: kind, file: file, columnOf: columnOf)
        // The copy visits each element once, in document order, after validation: only an
        // element validation reported on is in the cache, and nothing needs adding to it.
        let root = copy(rootNode, file: file, copyingParagraphs: keepingAnswerText || kind != .submission) { node in
            if !columnCache.isEmpty, let known = columnCache[UnsafeMutableRawPointer(node)] { return known }
            return column(of: node, in: &columns)
        }
        return Result(kind: kind, root: root, warnings: collector.diagnostics, schema: validation)
    }

    static func runParser(
        _ chars: UnsafePointer<CChar>, count: Int32, collector: LibXMLErrorCollector
    ) -> xmlDocPtr? {
        // xmlCreateMemoryParserCtxt rather than xmlCtxtReadMemory: the latter resets the context,
        // clearing `_private` where the collector lives.
        guard let ctxt = xmlCreateMemoryParserCtxt(chars, count) else { return nil }
        defer { xmlFreeParserCtxt(ctxt) }
        // COMPACT keeps a text node of under 16 bytes (the line breaks and indents between a
        // bid's elements) inside its node instead of a malloc of its own; the tree is only read.
        xmlCtxtUseOptions(ctxt, parseOptions | Int32(XML_PARSE_COMPACT.rawValue))
        ctxt.pointee._private = collector.opaque
        if let sax = ctxt.pointee.sax {
            sax.pointee.serror = { userData, error in
                guard let userData, let error else { return }
                let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
                guard let collectorPointer = context.pointee._private else { return }
                LibXMLErrorCollector.from(collectorPointer).record(error.pointee)
            }
            sax.pointee.internalSubset = { userData, _, _, _ in
                guard let userData else { return }
                let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
                if let collectorPointer = context.pointee._private {
                    let input = context.pointee.input
                    let line = Int(input?.pointee.line ?? 1)
                    LibXMLErrorCollector.from(collectorPointer).recordDoctype(line: line, column: 1)
                }
                xmlStopParser(context)
            }
            // Never resolve an external entity or DTD, whatever else is switched on.
            sax.pointee.resolveEntity = { _, _, _ in nil }
            sax.pointee.externalSubset = { _, _, _, _ in }
        }
        _ = xmlParseDocument(ctxt)
        let doc = ctxt.pointee.myDoc
        ctxt.pointee.myDoc = nil
        if ctxt.pointee.wellFormed == 0 || collector.doctype != nil {
            if collector.diagnostics.isEmpty && collector.doctype == nil {
                collector.append(
                    .error(
                        at: SourceLocation(file: collector.file, line: 1, column: 1), "the file is not well-formed XML"))
            }
        }
        return doc
    }

    static func string(_ chars: UnsafePointer<xmlChar>?) -> String {
        guard let chars else { return "" }
        return String(cString: chars)
    }

    /// The column of `node`'s start tag, looked up by its name's bytes as libxml2 holds them
    /// (a String is made only for a prefixed name).
    static func column(of node: xmlNodePtr, in columns: inout ColumnLocator) -> Int {
        let line = Int(xmlGetLineNo(node))
        guard node.pointee.ns?.pointee.prefix == nil, let name = node.pointee.name else {
            return columns.column(ofStartTag: qualifiedName(node), line: line)
        }
        return columns.column(ofStartTag: UnsafeBufferPointer(start: name, count: strlen(name)), line: line)
    }

    static func qualifiedName(_ node: xmlNodePtr) -> String {
        let local = string(node.pointee.name)
        if let prefix = node.pointee.ns?.pointee.prefix {
            return string(prefix) + ":" + local
        }
        return local
    }

    static func copy(
        _ node: xmlNodePtr, file: String, copyingParagraphs: Bool = true, columnOf: (xmlNodePtr) -> Int
    ) -> ParsedElement {
        var namespaces = NamespaceNames()
        return copy(node, file: file, copyingParagraphs: copyingParagraphs, columnOf: columnOf, namespaces: &namespaces)
    }

    /// Every element of a document names the same namespace: one String for it, not one each.
    struct NamespaceNames {
        private var last: (href: UnsafePointer<xmlChar>, name: String)?

        mutating func name(_ href: UnsafePointer<xmlChar>?) -> String {
            guard let href else { return "" }
            if let last, last.href == href { return last.name }
            let name = SafeXMLParser.string(href)
            last = (href, name)
            return name
        }
    }

    private static func copy(
        _ node: xmlNodePtr, file: String, copyingParagraphs: Bool, columnOf: (xmlNodePtr) -> Int,
        namespaces: inout NamespaceNames
    ) -> ParsedElement {
        var attributes: [String: String] = [:]
        var attributeControls: [(name: String, scalar: Unicode.Scalar)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var control: Unicode.Scalar?
            var child = current.pointee.children
            while let text = child {
                if let content = text.pointee.content {
                    let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
                    if control == nil { control = ControlCharacter.first(utf8: bytes)?.scalar }
                    let piece = String(decoding: bytes, as: UTF8.self)
                    if value.isEmpty { value = piece } else { value += piece }
                }
                child = text.pointee.next
            }
            let name = string(current.pointee.name)
            attributes[name] = value
            if let control { attributeControls.append((name, control)) }
            attribute = current.pointee.next
        }
        if attributeControls.count > 1 { attributeControls.sort { $0.name < $1.name } }
        let line = Int(xmlGetLineNo(node))
        // Before the children: columns are found in document order.
        let location = SourceLocation(file: file, line: line, column: columnOf(node))
        let name = string(node.pointee.name)
        let namespace = node.pointee.ns.map { namespaces.name($0.pointee.href) }
        var elements = 0
        var pieces = 0
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: elements += 1
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: pieces += 1
            default: break
            }
            child = current.pointee.next
        }
        // A paragraph in one piece: its words and checks come from the scan. Text in pieces is
        // copied all the same, as its words are counted once the pieces are joined.
        let keepsText = copyingParagraphs || pieces != 1 || name != "p"
        // The children and the text are gathered first and the element made once: appending to
        // the children of an element already made copied it (a twentieth of `validate`).
        var children: [ParsedElement] = []
        children.reserveCapacity(elements)
        var childrenHoldControls = false
        var text = ""
        var textControl: Unicode.Scalar?
        child = node.pointee.children
        var texts = 0
        var lastTextFolded = true
        var lastTextWords = 0
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let copied = copy(
                    current, file: file, copyingParagraphs: copyingParagraphs, columnOf: columnOf, namespaces: &namespaces)
                childrenHoldControls = childrenHoldControls || copied.mayHoldControls
                children.append(copied)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = current.pointee.content else { break }
                let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
                let scan = TextScan(utf8: bytes)
                if textControl == nil { textControl = scan.control }
                lastTextFolded = scan.isFolded
                lastTextWords = scan.words
                if keepsText {
                    let piece = String(decoding: bytes, as: UTF8.self)
                    if texts == 0 { text = piece } else { text += piece }
                }
                texts += 1
            default:
                break
            }
            child = current.pointee.next
        }
        // Made in one initialiser and returned as it is: set field by field, the element was
        // copied into the result and the local one destroyed.
        return ParsedElement(
            name: name, namespace: namespace, attributes: attributes, children: children, text: text,
            location: location,
            // Pieces folded each on their own may not be once joined ("a " and " b").
            textIsFolded: texts == 0 || (texts == 1 && lastTextFolded), textControl: textControl,
            textWords: texts == 0 ? 0 : texts == 1 ? lastTextWords : nil, textKept: keepsText,
            attributeControls: attributeControls,
            mayHoldControls: textControl != nil || !attributeControls.isEmpty || childrenHoldControls)
    }
}
