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

    /// Records the panel's moderation decisions in Samples/moderation.tsv, with who was there
    /// and who dissented.
    public func agreeSampleModeration() throws {
        try agreeSampleModerationExcept([])
    }

    /// The sample's decisions but those on the bids named.
    public func agreeSampleModerationExcept(_ skipped: Set<String>) throws {
        let lines = try String(contentsOfFile: sample("moderation.tsv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst()
        #expect(lines.count == 7)
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if skipped.contains(fields[0]) { continue }
            var arguments = ["moderate", "agree", fields[0], fields[1], fields[2], "--rationale", fields[3]]
            if fields.count > 4, !fields[4].isEmpty { arguments += ["--attendees", fields[4]] }
            if fields.count > 5, !fields[5].isEmpty { arguments += ["--dissent", fields[5]] }
            try expectSuccess(arguments)
        }
    }
}
