import Foundation
import TenderModel

/// Reads TenderScore documents from disk or memory: the one door every bid, framework, panel
/// and scoresheet comes through.
///
/// The loader reads the bytes itself, with the size cap, and hands libxml2 only memory: libxml2's
/// own file functions would decompress gzip and xz behind our back and could be pointed at
/// anything. A file is refused whole, with every problem found, or returned with its warnings.
public struct DocumentLoader: Sendable {
    public var options: DocumentReadOptions
    /// False for a reader that reports on bids without keeping them (`validate`): each
    /// paragraph of an answer is checked and its words counted, but its text is not copied,
    /// and the bid comes back without the words of its answers where that saved the copy (as
    /// ``TenderModel/Submission/withoutAnswers()`` leaves it). Every problem is found the same.
    public var keepsAnswerText = true

    public init(options: DocumentReadOptions = DocumentReadOptions()) {
        self.options = options
    }

    public func load(path: String) throws(DocumentError) -> LoadedDocument {
        try load(bytes: readBytes(path: path), file: path)
    }

    /// Reads a document already in memory; `file` is only used to name it in messages.
    public func load(bytes: [UInt8], file: String) throws(DocumentError) -> LoadedDocument {
        guard bytes.count <= options.maxDocumentBytes else {
            throw DocumentError(sizeError(file: file, size: bytes.count))
        }
        if file.lowercased().hasSuffix(".csv") {
            let (sheet, diagnostics) = try ScoresheetCSVReader.read(bytes: bytes, file: file)
            return try finish(file: file, .scoresheet(sheet), diagnostics)
        }
        let parsed = try SafeXMLParser.parse(bytes: bytes, file: file, schemas: .shared, keepingAnswerText: keepsAnswerText)
        let root = parsed.root
        // Schema errors do not stop the reading: the rules beyond the XSD are checked too, and
        // every problem is reported at once, in file order.
        let schema = parsed.schema
        let found = parsed.warnings + schema + root.controlCharacterDiagnostics()
        switch parsed.kind {
        case .criteria:
            let (criteria, diagnostics) = CriteriaReader.read(root, schema: schema)
            return try finish(file: file, .criteria(criteria), found + diagnostics)
        case .submission where root.name == "submissions":
            var submissions: [Submission] = []
            var diagnostics = found
            var firstLine: [String: Int] = [:]
            for element in root.children("submission") {
                let (submission, found) = SubmissionReader.read(element, schema: schema)
                diagnostics += found
                if let earlier = firstLine[submission.id] {
                    diagnostics.append(
                        .error(at: element.location, "submission id '\(submission.id)' is used twice (first at line \(earlier))"))
                }
                firstLine[submission.id] = element.location.line
                submissions.append(submission)
            }
            return try finish(file: file, .submissions(submissions), diagnostics)
        case .submission:
            let (submission, diagnostics) = SubmissionReader.read(root, schema: schema)
            return try finish(file: file, .submission(submission), found + diagnostics)
        case .panel:
            let (panel, diagnostics) = PanelReader.read(root, schema: schema)
            return try finish(file: file, .panel(panel), found + diagnostics)
        case .scoresheet:
            let (sheet, diagnostics) = ScoresheetReader.read(root, schema: schema)
            return try finish(file: file, .scoresheet(sheet), found + diagnostics)
        }
    }

    /// A refusal carries what could be read, so that the checks against the tender can still
    /// run (`DocumentSet` in TenderWorkflow does) and a person sees every problem in one pass.
    private func finish(file: String, _ document: TenderDocument, _ diagnostics: [Diagnostic]) throws(DocumentError)
        -> LoadedDocument
    {
        let ordered = diagnostics.inFileOrder()
        if ordered.containsErrors { throw DocumentError(ordered, document: document) }
        return LoadedDocument(file: file, document: document, warnings: ordered)
    }

    private func sizeError(file: String, size: Int) -> Diagnostic {
        .error(
            at: SourceLocation(file: file, line: 1, column: 1),
            "the file is \(size) bytes, over the limit of \(options.maxDocumentBytes) bytes (--max-document-bytes)")
    }

    /// A file's bytes, read the way every document is read: refused when missing, a folder or
    /// over the size cap. Reads at most the cap plus one byte, so a file that grows, or a device
    /// that never ends, cannot make us read more than the limit. Public for callers that keep the
    /// original bytes of what they parse (the store does), so both see the very same bytes.
    public func readBytes(path: String) throws(DocumentError) -> [UInt8] {
        // POSIX calls rather than FileManager and FileHandle: `attributesOfItem` builds a
        // dictionary of everything about the file, and `Data` is copied once more into the
        // array, which cost more than libxml2's parse of a small bid.
        let start = SourceLocation(file: path, line: 1, column: 1)
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR {
                throw DocumentError(.error(at: start, "no such file"))
            }
            throw DocumentError(.error(at: start, "the file cannot be read (check its permissions)"))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw DocumentError(.error(at: start, "this is a folder, not a file"))
        }
        let limit = options.maxDocumentBytes
        if (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > limit {
            throw DocumentError(sizeError(file: path, size: Int(status.st_size)))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DocumentError(.error(at: start, "the file cannot be read (check its permissions)"))
        }
        defer { close(descriptor) }
        // The size stat gave is a first guess: a file may grow, and a device reports none.
        var bytes: [UInt8] = []
        var capacity = min(max(Int(status.st_size), 0), limit) + 1
        while true {
            if bytes.count == capacity { capacity = min(capacity * 2, limit + 1) }
            let wanted = capacity - bytes.count
            guard wanted > 0 else { break }
            var failure: Int32 = 0
            let before = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: wanted))
            let got = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                var got = 0
                repeat {
                    got = read(descriptor, base + before, wanted)
                } while got < 0 && errno == EINTR
                if got < 0 { failure = errno }
                return got
            }
            bytes.removeLast(wanted - max(got, 0))
            if got < 0 {
                throw DocumentError(.error(at: start, "the file cannot be read: \(String(cString: strerror(failure)))"))
            }
            if got == 0 { break }
        }
        if bytes.count > limit {
            throw DocumentError(sizeError(file: path, size: bytes.count))
        }
        return bytes
    }
}
