import Foundation
import Testing

/// A temporary store for the sample tender, driven through the CLI as a commissioner would.
public struct CLITender: Sendable {
    public let folder: URL
    public let store: URL

    public init() throws {
        folder = try CLI.temporaryDirectory()
        store = folder.appendingPathComponent("tender.sqlite")
    }

    /// Runs `tenderscore` against this store, acting as `actor`.
    @discardableResult
    public func run(_ arguments: [String], as actor: String = "dev.commissioner") throws -> CLI.Outcome {
        try CLI.run(arguments, environment: ["TENDERSCORE_STORE": store.path, "TENDERSCORE_ACTOR": actor])
    }

    public func sample(_ path: String) -> String {
        CLI.packageRoot.appendingPathComponent("Samples").appendingPathComponent(path).path
    }

    public func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The head hash `audit verify` reports; unchanged after a refusal means nothing was stored.
    public func head() throws -> String {
        let outcome = try run(["audit", "verify"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.stdout
    }

    /// Set up with panel and bids, as every panel-workflow test starts.
    public static func withBids() throws -> CLITender {
        let tender = try CLITender()
        try tender.expectSuccess(["init", "--tender", "TND-2026-014", "--criteria", "Criteria/coproduction-commissioning.xml"])
        try tender.expectSuccess(["panel", "import", tender.sample("panel.xml")])
        try tender.expectSuccess(["submissions", "import", tender.sample("bids")])
        return tender
    }

    /// Every sheet in Samples/scoresheets imported.
    public static func withScores() throws -> CLITender {
        let tender = try withBids()
        for member in ["p-amira.xml", "p-tom.xml", "p-grace.xml", "p-dev.csv", "p-ruth.csv"] {
            try tender.expectSuccess(["scores", "import", tender.sample("scoresheets/" + member)])
        }
        return tender
    }

    @discardableResult
    public func expectSuccess(_ arguments: [String], as actor: String = "dev.commissioner") throws -> CLI.Outcome {
        let outcome = try run(arguments, as: actor)
        #expect(outcome.status == 0, "\(arguments.joined(separator: " ")): \(outcome.stderr)")
        return outcome
    }

    /// Records the panel's moderation decisions in Samples/moderation.tsv.
    public func agreeSampleModeration() throws {
        let lines = try String(contentsOfFile: sample("moderation.tsv"), encoding: .utf8)
        for (submission, criterion, score) in [
            ("BID-001", "long-term", "2"), ("BID-002", "innovation", "3"), ("BID-002", "long-term", "3"),
            ("BID-003", "innovation", "5"), ("BID-004", "working-together", "2"), ("BID-005", "working-together", "1"),
            ("BID-007", "working-together", "3"),
        ] {
            #expect(lines.contains("\(submission)\t\(criterion)\t\(score)\t"))
            try expectSuccess([
                "moderate", "agree", submission, criterion, score, "--rationale", "Agreed at the moderation meeting.",
            ])
        }
    }
}
