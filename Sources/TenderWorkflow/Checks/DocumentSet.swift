import Foundation
import TenderModel
import TenderXML

/// Several documents read together, so that each can be checked against the others: bids
/// against the framework, scoresheets against the framework, the panel and the bids.
public struct DocumentSet: Sendable {
    public private(set) var loaded: [LoadedDocument] = []
    /// Files refused, with every problem found in them.
    public private(set) var refused: [String: [Diagnostic]] = [:]
    /// Problems found between documents, by the file they are in.
    public private(set) var crossChecks: [String: [Diagnostic]] = [:]
    /// Bulk `<submissions>` files, which are streamed (``BulkSubmissionFile``): what was found in
    /// each, valid or not. Their bids are checked against the framework as they pass and are not
    /// kept, so they are not in ``submissions``.
    public private(set) var bulk: [String: BulkReadReport] = [:]
    private var indexOfFile: [String: Int] = [:]
    /// What could be read of refused files, checked against the others all the same so that
    /// each file's every problem is reported at once.
    private var partlyRead: [LoadedDocument] = []

    public init() {}

    /// Loads each file; a refused file is recorded, never thrown, so every file gets checked.
    /// Files are read in parallel, one per core; bulk files are streamed last, one at a time.
    /// `otherSubmissionIDs` are bids checked elsewhere (sent as response forms), which
    /// scoresheets among the files may score.
    /// - Parameter keepingAnswers: false to drop the words of every bid's answers as soon as
    ///   the bid is read (``Submission/withoutAnswers()``), for a caller that only reports what
    ///   was found: every check, and every problem reported, is the same either way.
    public init(paths: [String], loader: DocumentLoader, otherSubmissionIDs: [String] = [], keepingAnswers: Bool = true) {
        var bulkPaths: [String] = []
        var loader = loader
        if !keepingAnswers { loader.keepsAnswerText = false }
        let outcomes = Self.loadInParallel(paths, loader: loader, keepingAnswers: keepingAnswers)
        for (path, outcome) in zip(paths, outcomes) {
            guard case .read(let result) = outcome else {
                bulkPaths.append(path)
                continue
            }
            switch result {
            case .success(let document):
                indexOfFile[path] = indexOfFile[path] ?? loaded.count
                loaded.append(document)
            case .failure(let error):
                refused[path] = error.diagnostics
                if let document = error.document {
                    partlyRead.append(LoadedDocument(file: path, document: document, warnings: []))
                }
            }
        }
        let framework = criteria.count == 1 ? criteria.first : nil
        let tender = panels.count == 1 ? panels.first?.tender : nil
        var bulkIDs: [String] = []
        for path in bulkPaths {
            var found: [Diagnostic] = []
            let report = BulkSubmissionFile(path: path, options: loader.options).read { submission in
                if let framework { found += ImportChecks.check(submission, tender: tender, criteria: framework) }
            }
            bulk[path] = report
            bulkIDs += report.submissionIDs
            if !found.isEmpty { crossChecks[path] = found }
        }
        runCrossChecks(bulkSubmissionIDs: bulkIDs + otherSubmissionIDs)
    }

    /// A file read whole and checked alone, or a bulk file, left to be streamed.
    private enum Outcome: Sendable {
        case read(Result<LoadedDocument, DocumentError>)
        case bulk

        func withoutAnswers() -> Outcome {
            switch self {
            case .read(.success(let loaded)):
                return .read(.success(loaded.withoutAnswers()))
            case .read(.failure(var error)):
                error.document = error.document?.withoutAnswers()
                return .read(.failure(error))
            case .bulk:
                return .bulk
            }
        }
    }

    /// Loads files on every core; the results keep the order of `paths`. Each file is read
    /// once: whether it is a bulk file is seen in the bytes read to parse it (a bulk file over
    /// the size cap for one document is looked at again from its first 64 KiB).
    private static func loadInParallel(_ paths: [String], loader: DocumentLoader, keepingAnswers: Bool) -> [Outcome] {
        let slots = ResultSlots<Outcome>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let found = outcome(of: paths[index], loader: loader)
            slots.set(index, keepingAnswers ? found : found.withoutAnswers())
        }
        return slots.results
    }

    private static func outcome(of path: String, loader: DocumentLoader) -> Outcome {
        if path.lowercased().hasSuffix(".csv") {
            return .read(Result { () throws(DocumentError) -> LoadedDocument in try loader.load(path: path) })
        }
        let bytes: [UInt8]
        do throws(DocumentError) {
            bytes = try loader.readBytes(path: path)
        } catch {
            return BulkSubmissionFile.isBulk(path: path) ? .bulk : .read(.failure(error))
        }
        if BulkSubmissionFile.isBulk(bytes: bytes) { return .bulk }
        return .read(Result { () throws(DocumentError) -> LoadedDocument in try loader.load(bytes: bytes, file: path) })
    }

    public var criteria: [Criteria] {
        loaded.compactMap { if case .criteria(let criteria) = $0.document { criteria } else { nil } }
    }

    public var panels: [Panel] {
        loaded.compactMap { if case .panel(let panel) = $0.document { panel } else { nil } }
    }

    public var submissions: [Submission] {
        loaded.flatMap { loadedDocument -> [Submission] in
            switch loadedDocument.document {
            case .submission(let submission): [submission]
            case .submissions(let submissions): submissions
            default: []
            }
        }
    }

    public var scoresheets: [Scoresheet] {
        loaded.compactMap { if case .scoresheet(let sheet) = $0.document { sheet } else { nil } }
    }

    /// The document read from `file`, if it was read and not refused (bulk files are not kept).
    public func document(for file: String) -> LoadedDocument? {
        indexOfFile[file].map { loaded[$0] }
    }

    /// Every diagnostic of `file`, its own and what the cross-checks found, in file order.
    public func diagnostics(for file: String) -> [Diagnostic] {
        let own = refused[file] ?? bulk[file]?.diagnostics ?? document(for: file)?.warnings ?? []
        return (own + (crossChecks[file] ?? [])).inFileOrder()
    }

    public func isValid(_ file: String) -> Bool { !diagnostics(for: file).containsErrors }

    /// Cross-checks run only where the context is unambiguous: exactly one framework, and for
    /// scoresheets exactly one panel too. Each document is checked alone, so on every core.
    private mutating func runCrossChecks(bulkSubmissionIDs: [String]) {
        guard criteria.count == 1, let framework = criteria.first else { return }
        let panels = self.panels
        let tender = panels.count == 1 ? panels.first?.tender : nil
        let submissionIDs = Set(submissions.map(\.id)).union(bulkSubmissionIDs)
        let documents = loaded + partlyRead
        let found = documents.concurrentMap(minimumCount: 64) { document -> [Diagnostic] in
            switch document.document {
            case .submission(let submission):
                return ImportChecks.check(submission, tender: tender, criteria: framework)
            case .submissions(let submissions):
                return submissions.flatMap { ImportChecks.check($0, tender: tender, criteria: framework) }
            case .scoresheet(let sheet):
                guard panels.count == 1, let panel = panels.first else { return [] }
                return ImportChecks.check(
                    sheet, criteria: framework, panel: panel, submissions: submissionIDs.isEmpty ? nil : submissionIDs)
            case .criteria, .panel:
                return []
            }
        }
        for (document, diagnostics) in zip(documents, found) where !diagnostics.isEmpty {
            crossChecks[document.file, default: []] += diagnostics
        }
    }
}

extension LoadedDocument {
    fileprivate func withoutAnswers() -> LoadedDocument {
        LoadedDocument(file: file, document: document.withoutAnswers(), warnings: warnings)
    }
}

extension TenderDocument {
    fileprivate func withoutAnswers() -> TenderDocument {
        switch self {
        case .submission(let submission): .submission(submission.withoutAnswers())
        case .submissions(let submissions): .submissions(submissions.map { $0.withoutAnswers() })
        case .criteria, .panel, .scoresheet: self
        }
    }
}
