import TenderModel

/// Several documents read together, so that each can be checked against the others: bids
/// against the framework, scoresheets against the framework, the panel and the bids.
public struct DocumentSet: Sendable {
    public private(set) var loaded: [LoadedDocument] = []
    /// Files refused, with every problem found in them.
    public private(set) var refused: [String: [Diagnostic]] = [:]
    /// Problems found between documents, by the file they are in.
    public private(set) var crossChecks: [String: [Diagnostic]] = [:]

    public init() {}

    /// Loads each file; a refused file is recorded, never thrown, so every file gets checked.
    public init(paths: [String], loader: DocumentLoader) {
        for path in paths {
            do {
                loaded.append(try loader.load(path: path))
            } catch {
                refused[path] = error.diagnostics
            }
        }
        runCrossChecks()
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

    /// Every diagnostic of `file`: its own warnings or refusal, then what the cross-checks found.
    public func diagnostics(for file: String) -> [Diagnostic] {
        let own = refused[file] ?? loaded.first { $0.file == file }?.warnings ?? []
        return own + (crossChecks[file] ?? [])
    }

    public func isValid(_ file: String) -> Bool { !diagnostics(for: file).containsErrors }

    /// Cross-checks run only where the context is unambiguous: exactly one framework, and for
    /// scoresheets exactly one panel too.
    private mutating func runCrossChecks() {
        guard criteria.count == 1, let framework = criteria.first else { return }
        let tender = panels.count == 1 ? panels.first?.tender : nil
        let submissionIDs = Set(submissions.map(\.id))
        for document in loaded {
            var found: [Diagnostic] = []
            switch document.document {
            case .submission(let submission):
                found = ImportChecks.check(submission, tender: tender, criteria: framework)
            case .submissions(let submissions):
                found = submissions.flatMap { ImportChecks.check($0, tender: tender, criteria: framework) }
            case .scoresheet(let sheet):
                if panels.count == 1, let panel = panels.first {
                    found = ImportChecks.check(
                        sheet, criteria: framework, panel: panel, submissions: submissionIDs.isEmpty ? nil : submissionIDs)
                }
            case .criteria, .panel:
                break
            }
            if !found.isEmpty { crossChecks[document.file] = found }
        }
    }
}
