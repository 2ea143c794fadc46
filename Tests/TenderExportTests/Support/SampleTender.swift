import Foundation
import TenderExport
import TenderModel
import TenderScoring
import TenderWorkflow
import TenderXML

/// The sample tender in `Samples/`, read from the real files with the real loader, plus the seven
/// consensus scores the panel agreed in moderation (SPEC.md's example tender has seven divergent
/// items; see Samples/README.md), so that a final ranking exists.
enum SampleTender {
    /// 2 November 2026, 09:00 UTC: every golden file is generated "at" this moment.
    static let generatedAt = Date(timeIntervalSince1970: 1_793_610_000)

    static var repositoryRoot: URL {
        // Tests/TenderExportTests/Support/SampleTender.swift → the package root.
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    struct Documents: Sendable {
        var criteria: Criteria
        var panel: Panel
        var submissions: [Submission]
        var scores: [Score]
        var importWarnings: [String: [String]]
    }

    static func documents() throws -> Documents {
        let root = repositoryRoot
        let loader = DocumentLoader()
        func load(_ path: String) throws -> LoadedDocument {
            try loader.load(path: root.appendingPathComponent(path).path)
        }
        guard case let .criteria(criteria) = try load("Criteria/coproduction-commissioning.xml").document,
            case let .panel(panel) = try load("Samples/panel.xml").document
        else { throw SampleError("the sample criteria or panel did not load as such") }

        var submissions: [Submission] = []
        var warnings: [String: [String]] = [:]
        for number in 1...7 {
            let loaded = try load("Samples/bids/BID-00\(number).xml")
            guard case let .submission(submission) = loaded.document else { throw SampleError("BID-00\(number)") }
            submissions.append(submission)
            let found = ImportChecks.check(submission, tender: panel.tender, criteria: criteria)
                .filter { $0.severity == .warning }.map(\.message)
            if !found.isEmpty { warnings[submission.id] = found }
        }
        var scores: [Score] = []
        for sheet in ["p-amira.xml", "p-tom.xml", "p-grace.xml", "p-dev.csv", "p-ruth.csv"] {
            guard case let .scoresheet(scoresheet) = try load("Samples/scoresheets/\(sheet)").document else {
                throw SampleError(sheet)
            }
            scores += scoresheet.scores
        }
        return Documents(criteria: criteria, panel: panel, submissions: submissions, scores: scores, importWarnings: warnings)
    }

    /// What the panel agreed for the seven divergent items, with who was there and why.
    static let agreed: [(submission: String, criterion: String, value: Int, rationale: String)] = [
        ("BID-001", "long-term", 3,
         "The panel agreed the reserves are thin for a contract this size, but the plan names the risk, has an HR partner and a grant bid behind it. A satisfactory answer with an honest gap."),
        ("BID-002", "innovation", 3,
         "The time bank and Men's Shed links are new for a day service, but most ideas are extensions of what the Trust already runs. Some tested pilots; no clear way to stop what does not work."),
        ("BID-002", "long-term", 3,
         "Sound finances and a clear staffing plan. The handover plan is brief, and prevention is described more than evidenced."),
        ("BID-003", "innovation", 5,
         "Real paid jobs in the café and Print Shed, micro-enterprises people run themselves, and a clear test-and-learn cycle with stop rules. The most innovative answer, specific to Westfield."),
        ("BID-004", "working-together", 2,
         "A service user forum and a charter, but managers keep every decision. People are asked, not deciding, so the answer is weak; it does reach the minimum."),
        ("BID-005", "working-together", 2,
         "Feedback channels and a national Quality Checker programme exist, but nothing says what people in Westfield will decide, and the local plan comes after the contract starts."),
        ("BID-007", "working-together", 2,
         "Committees are consulted on menus and trips; people do not decide anything that matters. Honest, but consultation, not co-production."),
    ]

    static func consensus() -> [Consensus] {
        agreed.map {
            Consensus(
                submission: $0.submission, criterion: $0.criterion, value: $0.value, rationale: $0.rationale,
                // Ruth Adeyemi declared a conflict with BID-005, so she was not at its moderation.
                attendees: $0.submission == "BID-005"
                    ? ["p-amira", "p-dev", "p-grace", "p-tom"] : ["p-amira", "p-dev", "p-grace", "p-ruth", "p-tom"],
                dissenters: [], recordedBy: "p-dev",
                recordedAt: Date(timeIntervalSince1970: 1_793_523_600))
        }
    }

    static func evaluation(withConsensus: Bool = true) throws -> Evaluation {
        let docs = try documents()
        return try Evaluation(
            criteria: docs.criteria, submissions: docs.submissions, panel: docs.panel, scores: docs.scores,
            consensus: withConsensus ? consensus() : [])
    }

    static let title = "Westfield Community Connections"

    /// The final report: every item settled, scores frozen.
    static func finalReport() throws -> TenderReport {
        let docs = try documents()
        let evaluation = try Evaluation(
            criteria: docs.criteria, submissions: docs.submissions, panel: docs.panel, scores: docs.scores,
            consensus: consensus())
        return try TenderReport(
            tender: docs.panel.tender, title: title, evaluation: evaluation, mode: .final,
            importWarnings: docs.importWarnings, isFinalised: true, generatedAt: generatedAt)
    }

    /// The provisional report before moderation: seven items still pending.
    static func provisionalReport() throws -> TenderReport {
        let docs = try documents()
        let evaluation = try Evaluation(
            criteria: docs.criteria, submissions: docs.submissions, panel: docs.panel, scores: docs.scores)
        return try TenderReport(
            tender: docs.panel.tender, title: title, evaluation: evaluation, mode: .provisional,
            importWarnings: docs.importWarnings, generatedAt: generatedAt)
    }
}

struct SampleError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
