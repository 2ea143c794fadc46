import Foundation
import Testing
import TenderModel
import TenderTestSupport
import TenderWorkflow

/// The whole sample tender scored by its people in real headless Chromium, against the built
/// `tenderscore serve`: every member follows their invitation, declares, scores every bid they
/// may score with the sample scoresheets' scores and rationales, checks their answers and hands
/// in; the commissioner records the sample's moderation decisions and finalises. The ranking the
/// web app serves must then be the one `tenderscore rank --format json` gives on the same store,
/// and the one the command line gives when the same sheets are imported as files.
///
/// `Browser/panel_flow.py` drives the browser (selenium and chromedriver) and, on every distinct
/// page, runs axe-core and checks keyboard use, 390 px width and 200% zoom. Needs what
/// ``AccessibilityTests`` needs; skipped without it unless `TENDERSCORE_REQUIRE_CHECKERS` is set,
/// when it fails. The PostgreSQL run needs `TENDERSCORE_TEST_POSTGRES` (`.ci/run` sets both).
@Suite(.serialized) struct BrowserPanelFlowTests {
    static let password = "Tender panel 2026, kept in a password manager"
    static let commissioner = (id: "c-jo", name: "Jo Clarke")
    static let finaliseReason = "Moderation complete on 3 November; the panel agreed the ranking."
    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/panel_flow.py").path
    }
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var required: Bool { environment["TENDERSCORE_REQUIRE_CHECKERS"] != nil }

    /// The venv's python, or nil (with a failure recorded when the checkers are required).
    static func checkers() -> String? {
        guard let python = AccessibilityTests.python, AccessibilityTests.chromedriver != nil,
            FileManager.default.isExecutableFile(atPath: environment["TENDERSCORE_CHROMIUM"] ?? "/usr/bin/chromium")
        else {
            if required {
                Issue.record(
                    "the browser test needs chromium, chromedriver and a python with selenium and axe-selenium-python (TENDERSCORE_PYTHON); .ci/run installs them")
            }
            return nil
        }
        return python
    }

    @Test func theSamplePanelScoresInHeadlessChromiumOnSQLite() async throws {
        guard let python = Self.checkers() else { return }
        let folder = try TemporaryFolder("tenderscore-browser")
        try await BrowserQueue.exclusively {
            try await Self.runFlow(store: folder.file("tender.sqlite"), folder: folder, python: python,
                screenshots: Self.environment["TENDERSCORE_SCREENSHOTS"])
        }
    }

    /// The same flow on a fresh PostgreSQL database, so that the web app is known to work on the
    /// store a council shares between its people.
    @Test func theSamplePanelScoresInHeadlessChromiumOnPostgreSQL() async throws {
        guard let server = Self.environment["TENDERSCORE_TEST_POSTGRES"] else {
            if Self.required {
                Issue.record("TENDERSCORE_TEST_POSTGRES is not set: CI runs the browser test on PostgreSQL too; see .ci/run")
            }
            return
        }
        guard let python = Self.checkers() else { return }
        let folder = try TemporaryFolder("tenderscore-browser-pg")
        let store = try Self.freshDatabase(on: server)
        try await BrowserQueue.exclusively {
            try await Self.runFlow(store: store, folder: folder, python: python, screenshots: nil)
        }
    }

    // MARK: The flow

    static func runFlow(store: String, folder: TemporaryFolder, python: String, screenshots: String?) async throws {
        let expected = try await SampleOutcome.make()
        try setUp(store: store, expected: expected)
        let server = try ServeProcess(store: store, logFolder: folder)
        defer { server.stop() }
        var invitations: [String: String] = [:]
        for person in expected.panel.members.map(\.id) + [commissioner.id] {
            let link = try cli(["users", "invite", person, "--base-url", server.base], store: store)
            invitations[person] = String(link.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(server.base.count))
        }
        let rankingFile = folder.file("ranking-web.json")
        let plan = try expected.plan(invitations: invitations, rankingFile: rankingFile, screenshots: screenshots)
        let planFile = folder.file("plan.json")
        try JSONSerialization.data(withJSONObject: plan, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: planFile))

        let output = try await Task.detached {
            try ProgramRun.run(python, [Self.script, server.base, planFile], timeout: 600)
        }.value
        let report = (try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8))) as? [String: Any] ?? [:]
        let problems = report["problems"] as? [String] ?? []
        let pages = report["pages"] as? [[String: Any]] ?? []
        #expect(
            output.status == 0,
            """
            The browser run failed (status \(output.status)) \(report["where"].map { "while \($0)" } ?? ""): \
            \(report["error"] ?? "")
            \(problems.map { "- " + $0 }.joined(separator: "\n"))
            \(output.stderr.suffix(3000))
            serve printed:
            \(server.printed.suffix(2000))
            """)
        #expect(problems.isEmpty)
        #expect(pages.count >= 25, "only \(pages.count) distinct pages were checked: \(pages.compactMap { $0["name"] as? String })")
        for page in pages {
            #expect((page["violations"] as? [Any])?.isEmpty == true, "axe-core on \(page["name"] ?? "?"): \(page["violations"] ?? "")")
        }
        guard output.status == 0 else { return }

        // What the web app serves is what the command line prints for the same store…
        let served = try Data(contentsOf: URL(fileURLWithPath: rankingFile))
        let printed = try cli(["rank", "--format", "json"], store: store, as: commissioner.id)
        #expect(try json(served) == json(Data(printed.utf8)), "ranking.json:\n\(String(decoding: served, as: UTF8.self))\nrank --format json:\n\(printed)")
        // …and what importing the sample scoresheets as files gives: the forms lose nothing.
        #expect(try json(served) == json(Data(expected.ranking.utf8)), "ranking.json differs from the sample sheets imported as files")
        let verified = try cli(["audit", "verify"], store: store, as: commissioner.id)
        #expect(verified.hasPrefix("Intact"), "\(verified)")
    }

    /// The tender set up as a commissioner does, with the command line: criteria, panel, bids,
    /// and the commissioner who runs moderation in the browser.
    static func setUp(store: String, expected: SampleOutcome) throws {
        try cli(["init", "--tender", SampleTender.tender, "--criteria", SampleTender.criteria], store: store)
        try cli(["panel", "import", SampleTender.panel], store: store)
        try cli(["submissions", "import", SampleTender.bidsFolder], store: store)
        try cli(["users", "add", commissioner.id, "--role", "commissioner", "--name", commissioner.name], store: store)
    }

    @discardableResult
    static func cli(_ arguments: [String], store: String, as person: String = "Dev Patel") throws -> String {
        let outcome = try CLI.run(arguments + ["--store", store, "--as", person])
        guard outcome.status == 0 else {
            throw FixtureError("tenderscore \(arguments.joined(separator: " ")) failed (\(outcome.status)): \(outcome.stderr)")
        }
        return outcome.stdout
    }

    static func json(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    /// A new, empty database on the test server, made with psql as a database administrator
    /// would, so that each run starts clean.
    static func freshDatabase(on server: String) throws -> String {
        let name = "ts_browser_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let made = try ProgramRun.run(try #require(psql, "psql is needed to make a test database"), ["-q", "-c", "CREATE DATABASE \(name)", server])
        try #require(made.status == 0, "CREATE DATABASE failed: \(made.stderr)")
        guard let slash = server.range(of: "/", options: .backwards), !server[..<slash.lowerBound].hasSuffix("/") else {
            throw FixtureError("TENDERSCORE_TEST_POSTGRES must name a database: postgresql://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        let query = server[slash.upperBound...].firstIndex(of: "?").map { String(server[$0...]) } ?? ""
        return String(server[..<slash.upperBound]) + name + query
    }
}
