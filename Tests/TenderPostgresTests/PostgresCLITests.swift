import Foundation
import TenderPostgres
import TenderTestSupport
import Testing

/// The sample tender's flow through the command line, on PostgreSQL.
@Suite("the command line on PostgreSQL", .enabled(if: PostgresTestServer.shouldRun))
struct PostgresCLITests {
    let samples = CLI.packageRoot.appendingPathComponent("Samples").path

    func run(_ arguments: [String], store: String, tender: String? = nil, as actor: String = "dev.commissioner") throws
        -> CLI.Outcome
    {
        var environment = ["TENDERSCORE_STORE": store, "TENDERSCORE_ACTOR": actor]
        environment["TENDERSCORE_TENDER"] = tender
        return try CLI.run(arguments, environment: environment)
    }

    @discardableResult
    func succeed(_ arguments: [String], store: String, tender: String? = nil, as actor: String = "dev.commissioner") throws
        -> CLI.Outcome
    {
        let outcome = try run(arguments, store: store, tender: tender, as: actor)
        #expect(outcome.status == 0, "\(arguments.joined(separator: " ")): \(outcome.stderr)")
        return outcome
    }

    /// The raw URL, password and all, as a person would write it.
    func raw(_ url: PostgresURL) -> String { PostgresTestServer.raw(url) }

    @Test func theSampleFlowRanksAndVerifiesWithoutShowingThePassword() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let store = raw(url)
        let created = try succeed(
            ["init", "--tender", "TND-2026-014", "--criteria", "Criteria/coproduction-commissioning.xml"], store: store)
        #expect(created.stdout.contains("Set up tender TND-2026-014 in \(url.redacted)"))
        try succeed(["panel", "import", samples + "/panel.xml"], store: store)
        try succeed(["submissions", "import", samples + "/bids"], store: store)
        for member in ["p-amira.xml", "p-tom.xml", "p-grace.xml", "p-dev.csv", "p-ruth.csv"] {
            try succeed(["scores", "import", samples + "/scoresheets/" + member], store: store)
        }
        for (submission, criterion, score) in [
            ("BID-001", "long-term", "2"), ("BID-002", "innovation", "3"), ("BID-002", "long-term", "3"),
            ("BID-003", "innovation", "5"), ("BID-004", "working-together", "2"), ("BID-005", "working-together", "1"),
            ("BID-007", "working-together", "3"),
        ] {
            try succeed(
                [
                    "moderate", "agree", submission, criterion, score, "--rationale", "Agreed at the moderation meeting.",
                    "--attendees", "p-amira,p-tom,p-grace,p-dev",
                ], store: store)
        }
        let rank = try succeed(["rank"], store: store)
        #expect(rank.stdout.contains("BID-00"))
        let finalised = try succeed(["finalise", "--reason", "Panel agreed the ranking."], store: store)
        let head = try #require(finalised.stdout.range(of: "[0-9a-f]{64}", options: .regularExpression).map { String(finalised.stdout[$0]) })
        let verify = try succeed(["audit", "verify", "--expect-head", head], store: store)
        #expect(verify.stdout.hasPrefix("Intact: "))
        #expect(verify.stdout.contains("head \(head)"))
        let refused = try run(["moderate", "agree", "BID-001", "long-term", "3", "--rationale", "Late.", "--reason", "Late."], store: store)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("The tender was finalised at event"))

        // A second tender in the same database: now commands must name theirs.
        try succeed(["init", "--tender", "TND-2026-015", "--criteria", "Criteria/community-grants.xml"], store: store)
        let ambiguous = try run(["audit", "verify"], store: store)
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("\(url.redacted) holds 2 tenders (TND-2026-014, TND-2026-015); name one with --tender."))
        #expect(try succeed(["audit", "verify", "--tender", "TND-2026-014"], store: store).stdout.hasPrefix(verify.stdout.prefix(80)))
        #expect(try succeed(["audit", "verify"], store: store, tender: "TND-2026-014").stdout.hasPrefix(verify.stdout.prefix(80)))
        let again = try run(["init", "--tender", "TND-2026-014", "--criteria", "Criteria/community-grants.xml"], store: store)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds tender TND-2026-014"))

        if let password = url.password, !password.isEmpty {
            for outcome in [created, rank, finalised, verify, refused, ambiguous, again] { #expect(!outcome.all.contains(password)) }
        }
    }

    @Test func connectionProblemsExitOneWithAClearMessage() throws {
        var url = try PostgresTestServer.required()
        url.password = "wrong-password"
        let wrong = try run(["audit", "verify"], store: raw(url))
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("refused the password for user \(url.user) (\(url.redacted))"), "\(wrong.stderr)")
        #expect(!wrong.all.contains("wrong-password"))

        let unreachable = try run(["rank"], store: "postgresql://dev:hunter2@127.0.0.1:1/tenders")
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("Cannot reach the PostgreSQL server at 127.0.0.1:1 for postgresql://dev:***@127.0.0.1:1/tenders"))
        #expect(!unreachable.all.contains("hunter2"))

        let malformed = try run(["rank"], store: "postgresql://dev:hunter2@host:port/db")
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains("postgresql://dev:***@host:port/db is not a PostgreSQL store URL: the port is not a number."))
        #expect(!malformed.all.contains("hunter2"))
    }

    @Test func storeCopyBothWaysSharesTheHead() async throws {
        let folder = try TemporaryFolder()
        let file = folder.file("tender.sqlite")
        try succeed(["init", "--tender", "TND-2026-014", "--criteria", "Criteria/coproduction-commissioning.xml"], store: file)
        try succeed(["panel", "import", samples + "/panel.xml"], store: file)
        try succeed(["submissions", "import", samples + "/bids"], store: file)
        let verified = try succeed(["audit", "verify"], store: file).stdout

        let url = try await PostgresTestServer.freshDatabase()
        let there = try CLI.run(["store", "copy", file, raw(url)])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains("Copied tender TND-2026-014 from \(file) to \(url.redacted): 9 events"))
        let head = try #require(there.stdout.components(separatedBy: "Both verify with head ").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(verified.contains(head))
        #expect(try succeed(["audit", "verify"], store: raw(url)).stdout == verified)

        let refused = try CLI.run(["store", "copy", file, raw(url)])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(url.redacted) already holds tender TND-2026-014; a copy never joins onto an existing history. Nothing was copied."))

        let back = folder.file("back.sqlite")
        let home = try CLI.run(["store", "copy", raw(url), back, "--tender", "TND-2026-014"])
        #expect(home.status == 0, "\(home.stderr)")
        #expect(home.stdout.contains("Both verify with head \(head)"))
        #expect(try succeed(["audit", "verify"], store: back).stdout == verified)
        if let password = url.password, !password.isEmpty {
            for outcome in [there, refused, home] { #expect(!outcome.all.contains(password)) }
        }
    }
}
