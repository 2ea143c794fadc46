import CLibXML2
import Foundation
import TenderModel

#if canImport(Glibc)
import Glibc
#endif

/// A bulk file — one `<submissions>` root around many `<submission>` bids — read one bid at a
/// time, so that a file of hundreds of megabytes is checked in a few megabytes of memory.
///
/// The same rules as ``DocumentLoader`` apply, by the same means:
/// - the project reads the file itself, from a `FileHandle`, and feeds libxml2's `xmlTextReader`
///   through a read callback: libxml2 never opens the file, so it never decompresses gzip or xz;
/// - `XML_PARSE_NONET` only; a DOCTYPE is refused the moment the reader meets it, before any
///   element; XML 1.1 is refused;
/// - the whole file is validated against `submission.xsd` as it streams
///   (`xmlTextReaderSchemaValidateCtxt`);
/// - each `<submission>` is expanded on its own (`xmlTextReaderExpand`), copied into Swift
///   values, checked as a single bid would be, handed to the caller, and freed
///   (`xmlTextReaderNext`) before the next one is read.
///
/// Two limits: the whole file may not exceed ``DocumentReadOptions/maxBulkBytes``, and each bid
/// in it may not exceed ``DocumentReadOptions/maxDocumentBytes``, the limit a bid in a file of
/// its own obeys. Both are enforced while reading, so an endless file or bid is cut off.
///
/// Columns in messages are found from a window of the lines around the current bid. In a file
/// not in UTF-8 (or ASCII-compatible) encoding, element columns are reported as 1.
public struct BulkSubmissionFile: Sendable {
    public let path: String
    public var options: DocumentReadOptions

    /// The most errors reported for one file; reading stops there.
    public static let maxErrors = 1000

    public init(path: String, options: DocumentReadOptions = DocumentReadOptions()) {
        self.path = path
        self.options = options
    }

    /// Whether the file at `path` is a bulk file: its root element is `<submissions>`, with or
    /// without a prefix. Reads at most its first 64 KiB. False whenever it cannot tell (not a
    /// file, unreadable, a DOCTYPE first): such files take the ordinary path, which explains.
    public static func isBulk(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: headBytes), !head.isEmpty else { return false }
        return isBulk(head: [UInt8](head))
    }

    /// The same question asked of a file's bytes already read (its first 64 KiB are looked
    /// at), so that a folder of bids is not read twice to tell bulk files from single bids.
    public static func isBulk(bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        return isBulk(head: bytes.count <= headBytes ? bytes : Array(bytes.prefix(headBytes)))
    }

    private static let headBytes = 64 * 1024

    private static func isBulk(head: [UInt8]) -> Bool {
        rootName(in: TextDecoding.utf8Bytes(of: head)).map { name in
            name.split(separator: ":").last.map(String.init) == "submissions"
        } ?? false
    }

    /// The root element's qualified name, skipping the XML declaration, comments, processing
    /// instructions and whitespace; nil when something else (a DOCTYPE) comes first.
    static func rootName(in bytes: [UInt8]) -> String? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func skip(past terminator: [UInt8]) -> Bool {
            var probe = index
            while probe + terminator.count <= bytes.count {
                if bytes[probe..<(probe + terminator.count)].elementsEqual(terminator) {
                    index = probe + terminator.count
                    return true
                }
                probe += 1
            }
            return false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "<"), index + 1 < bytes.count else { return nil }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "?") {
                guard skip(past: Array("?>".utf8)) else { return nil }
            } else if bytes[index...].starts(with: Array("<!--".utf8)) {
                guard skip(past: Array("-->".utf8)) else { return nil }
            } else if next == UInt8(ascii: "!") {
                return nil
            } else {
                let name = bytes[(index + 1)...].prefix {
                    !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: ">")
                        || $0 == UInt8(ascii: "/"))
                }
                return String(decoding: name, as: UTF8.self)
            }
        }
        return nil
    }

    /// Reads the file bid by bid.
    ///
    /// - Parameters:
    ///   - observingBytes: sees every byte of the file once, in order, as it is read (the store
    ///     hashes the file with it).
    ///   - body: called with each bid that is valid on its own, in file order. An error it
    ///     throws stops the reading and is rethrown.
    /// - Returns: what was read, with every warning and error, each naming line and column.
    ///   The file is valid when ``BulkReadReport/isValid``; a caller that needs all or nothing
    ///   discards what `body` was given otherwise.
    public func read(
        observingBytes: ((UnsafeRawBufferPointer) -> Void)? = nil, each body: (Submission) throws -> Void
    ) rethrows -> BulkReadReport {
        var report = BulkReadReport(file: path)
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            report.diagnostics.append(
                .error(
                    at: start,
                    !exists ? "no such file" : isDirectory.boolValue
                        ? "this is a folder, not a file" : "the file cannot be read (check its permissions)"))
            return report
        }
        defer { try? handle.close() }
        do {
            let head = try handle.read(upToCount: 4096) ?? Data()
            try EncodingCheck.check([UInt8](head), file: path)
            try handle.seek(toOffset: 0)
        } catch let error as DocumentError {
            report.diagnostics += error.diagnostics
            return report
        } catch {
            report.diagnostics.append(.error(at: start, "the file cannot be read: \(error.localizedDescription)"))
            return report
        }
        LibXMLSetup.once()
        let schema: xmlSchemaPtr
        do {
            schema = try SchemaLibrary.shared.schema(for: .submission)
        } catch {
            report.diagnostics += error.diagnostics
            return report
        }

        let input = BulkInput(
            file: path, descriptor: handle.fileDescriptor, limit: options.maxBulkBytes, bidLimit: options.maxDocumentBytes,
            observe: observingBytes)
        let collector = LibXMLErrorCollector(file: path)
        let readCallback: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer, length > 0 else { return -1 }
            return Unmanaged<BulkInput>.fromOpaque(context).takeUnretainedValue().fill(buffer, length: Int(length))
        }
        let opaqueInput = Unmanaged.passUnretained(input).toOpaque()
        // The validation context must outlive the reader: freeing the reader unplugs the
        // validator from it.
        guard let validation = xmlSchemaNewValidCtxt(schema) else {
            report.diagnostics.append(.error(at: start, "out of memory while validating"))
            return report
        }
        defer { xmlSchemaFreeValidCtxt(validation) }
        guard let reader = xmlReaderForIO(readCallback, nil, opaqueInput, path, nil, SafeXMLParser.parseOptions) else {
            report.diagnostics.append(.error(at: start, "out of memory while opening the file"))
            return report
        }
        defer { xmlFreeTextReader(reader) }
        let errorHandler: xmlStructuredErrorFunc = { userData, error in
            guard let userData, let error else { return }
            LibXMLErrorCollector.from(userData).record(error.pointee)
        }
        // The reader's handler first: the reader then relays the schema's errors through it,
        // with the reader's own line numbers.
        xmlTextReaderSetStructuredErrorHandler(reader, errorHandler, collector.opaque)
        xmlSchemaSetValidStructuredErrors(validation, errorHandler, collector.opaque)
        guard xmlTextReaderSchemaValidateCtxt(reader, validation, 0) == 0 else {
            report.diagnostics.append(.error(at: start, "the schema submission.xsd cannot be applied"))
            return report
        }

        try stream(reader, input: input, collector: collector, report: &report, body: body)
        report.bytes = input.consumed
        report.diagnostics = (collector.diagnostics + report.diagnostics).inFileOrder()
        if let failure = input.failure {
            report.diagnostics.append(.error(at: failure.location ?? start, failure.message))
        }
        if !report.diagnostics.containsErrors, !report.sawRoot {
            report.diagnostics.append(.error(at: start, "the file holds no XML element"))
        }
        return report
    }

    private func stream(
        _ reader: xmlTextReaderPtr, input: BulkInput, collector: LibXMLErrorCollector, report: inout BulkReadReport,
        body: (Submission) throws -> Void
    ) rethrows {
        let namespace = DocumentKind.submission.namespace
        var firstLine: [String: Int] = [:]
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            if collector.diagnostics.count(where: { $0.severity == .error }) >= Self.maxErrors {
                report.diagnostics.append(
                    .error(
                        at: SourceLocation(file: path, line: Int(xmlTextReaderGetParserLineNumber(reader)), column: 1),
                        "more than \(Self.maxErrors) errors; reading stopped here"))
                return
            }
            let type = xmlTextReaderNodeType(reader)
            let depth = xmlTextReaderDepth(reader)
            if type == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
                report.diagnostics.append(
                    .error(
                        at: SourceLocation(file: path, line: Int(xmlTextReaderGetParserLineNumber(reader)), column: 1),
                        "DTDs are not allowed: remove the <!DOCTYPE …> declaration"))
                return
            }
            guard type == Int32(XML_READER_TYPE_ELEMENT.rawValue) else {
                status = xmlTextReaderRead(reader)
                continue
            }
            let localName = SafeXMLParser.string(xmlTextReaderConstLocalName(reader))
            let elementNamespace = SafeXMLParser.string(xmlTextReaderConstNamespaceUri(reader))
            if depth == 0 {
                report.sawRoot = true
                if SafeXMLParser.string(xmlTextReaderConstXmlVersion(reader)) == "1.1" {
                    report.diagnostics.append(
                        .error(
                            at: SourceLocation(file: path, line: 1, column: 1),
                            "the file declares XML version 1.1, whose rules cannot be checked here; "
                                + "TenderScore documents are XML 1.0: declare version=\"1.0\""))
                    return
                }
                guard localName == "submissions", elementNamespace == namespace else {
                    let found = elementNamespace.isEmpty ? " with no namespace" : " in namespace \(elementNamespace)"
                    report.diagnostics.append(
                        .error(
                            at: SourceLocation(file: path, line: Int(xmlTextReaderGetParserLineNumber(reader)), column: 1),
                            "<\(localName)>\(found) is not a bulk file of submissions; its root must be <submissions> in the namespace \(namespace)"
                        ))
                    return
                }
                status = xmlTextReaderRead(reader)
                continue
            }
            guard depth == 1, localName == "submission", elementNamespace == namespace else {
                // The schema reports what does not belong; keep reading to find everything.
                status = xmlTextReaderRead(reader)
                continue
            }
            let errorsBefore = collector.diagnostics.count(where: { $0.severity == .error })
            let diagnosticsBefore = collector.diagnostics.count
            input.bidStart = input.consumed
            let startByte = Int(xmlTextReaderByteConsumed(reader))
            let expanded = xmlTextReaderExpand(reader)
            input.bidStart = nil
            guard let node = expanded, input.failure == nil else { return }
            let line = Int(xmlGetLineNo(node))
            input.window.trim(keepingFrom: line - 50)
            // The parser's position, before and after the bid: its size to within the little
            // libxml2 reads ahead.
            let size = Int(xmlTextReaderByteConsumed(reader)) - startByte
            if size > options.maxDocumentBytes {
                report.diagnostics.append(
                    .error(
                        at: SourceLocation(file: path, line: line, column: 1),
                        "this bid is about \(size) bytes, over the limit of \(options.maxDocumentBytes) bytes for one bid (--max-document-bytes)"))
            } else {
                // The rules beyond the schema are checked even when the schema refused the bid,
                // so that every problem of it is reported at once; only a clean bid is handed on.
                let schema = Array(collector.diagnostics[diagnosticsBefore...])
                let schemaRefused = collector.diagnostics.count(where: { $0.severity == .error }) > errorsBefore
                var columns = input.window.locator()
                let element = SafeXMLParser.copy(node, file: path) { child in
                    SafeXMLParser.column(of: child, in: &columns)
                }
                let (submission, read) = SubmissionReader.read(element, schema: schema)
                let found = element.controlCharacterDiagnostics() + read
                report.diagnostics += found
                if let earlier = firstLine[submission.id] {
                    report.diagnostics.append(
                        .error(
                            at: element.location,
                            "submission id '\(submission.id)' is used twice (first at line \(earlier))"))
                } else if !schemaRefused && !found.containsErrors {
                    firstLine[submission.id] = line
                    report.submissionIDs.append(submission.id)
                    try body(submission)
                }
            }
            status = xmlTextReaderNext(reader)
        }
    }
}

/// What reading a bulk file found.
public struct BulkReadReport: Sendable {
    public var file: String
    /// The ids of the bids handed to the caller, in file order.
    public var submissionIDs: [String] = []
    /// How many bytes were read.
    public var bytes = 0
    /// Every warning and error, parse and schema problems first.
    public var diagnostics: [Diagnostic] = []
    var sawRoot = false

    public var isValid: Bool { !diagnostics.containsErrors }

    init(file: String) {
        self.file = file
    }
}

/// The file as libxml2 sees it: bytes handed over by the read callback, with the limits
/// enforced as they pass and the recent lines kept for locating columns.
private final class BulkInput {
    struct Failure {
        var message: String
        var location: SourceLocation?
    }

    let file: String
    let descriptor: Int32
    let limit: Int
    let bidLimit: Int
    let observe: ((UnsafeRawBufferPointer) -> Void)?
    private(set) var consumed = 0
    /// Where the bid being expanded began (approximately: libxml2 reads a little ahead).
    var bidStart: Int?
    private(set) var failure: Failure?
    var window = LineWindow()

    init(file: String, descriptor: Int32, limit: Int, bidLimit: Int, observe: ((UnsafeRawBufferPointer) -> Void)?) {
        self.file = file
        self.descriptor = descriptor
        self.limit = limit
        self.bidLimit = bidLimit
        self.observe = observe
    }

    func fill(_ buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        guard failure == nil else { return -1 }
        var count: Int
        repeat {
            count = read(descriptor, buffer, length)
        } while count < 0 && errno == EINTR
        if count < 0 {
            failure = Failure(message: "the file cannot be read: \(String(cString: strerror(errno)))")
            return -1
        }
        consumed += count
        if consumed > limit {
            failure = Failure(
                message: "the bulk file is over the limit of \(limit) bytes (--max-bulk-bytes); reading stopped at that point")
            return -1
        }
        if let bidStart, consumed - bidStart > bidLimit + 64 * 1024 {
            failure = Failure(
                message: "a bid in this bulk file is over the limit of \(bidLimit) bytes for one bid (--max-document-bytes)",
                location: SourceLocation(file: file, line: window.firstLine, column: 1))
            return -1
        }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: count)
        window.append(bytes)
        observe?(bytes)
        return Int32(count)
    }
}

/// The most recent lines of a streamed file, for ``ColumnLocator``.
struct LineWindow {
    /// Past this, a window that cannot be trimmed at a line break (a file on one long line) is
    /// cut mid-line; columns on that line are then not found and reported as 1.
    static let maxBytes = 8 * 1024 * 1024

    private(set) var bytes: [UInt8] = []
    /// The line number of `bytes[0]`'s line.
    private(set) var firstLine = 1

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: chunk)
        if bytes.count > Self.maxBytes {
            let cut = bytes.count - Self.maxBytes / 2
            firstLine += bytes[..<cut].count(where: { $0 == 0x0A })
            bytes.removeFirst(cut)
        }
    }

    /// Drops whole lines before `line`.
    mutating func trim(keepingFrom line: Int) {
        var index = 0
        var current = firstLine
        while current < line, let newline = bytes[index...].firstIndex(of: 0x0A) {
            index = newline + 1
            current += 1
        }
        if index > 0 {
            bytes.removeFirst(index)
            firstLine = current
        }
    }

    func locator() -> ColumnLocator {
        ColumnLocator(utf8: bytes, firstLine: firstLine)
    }
}
