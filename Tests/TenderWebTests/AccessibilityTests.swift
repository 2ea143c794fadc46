import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TenderTestSupport
import TenderWeb
import TenderWorkflow

/// axe-core in real headless Chromium on every page a member, a commissioner and an auditor
/// visit, with screenshots at 390 px and 1280 px wide for people to look at.
///
/// Needs the venv's python with selenium and axe-selenium-python (`TENDERSCORE_PYTHON`) and
/// chromedriver; `.ci/run` makes both. Without them the test is skipped with a note, and fails
/// when `TENDERSCORE_REQUIRE_CHECKERS` is set, as CI sets it.
@Suite struct AccessibilityTests {
    static let t = "/tenders/TND-2026-014"
    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/axe_pages.py").path
    }

    /// `TENDERSCORE_PYTHON`, else the first of the usual venvs that has both packages.
    static var python: String? {
        if let given = ProcessInfo.processInfo.environment["TENDERSCORE_PYTHON"] { return given }
        return ["/tmp/tenderscore-ci-venv/bin/python", "/tmp/tenderscore-web-venv/bin/python"].first { path in
            FileManager.default.isExecutableFile(atPath: path)
                && (try? run(path, ["-c", "import selenium, axe_selenium_python"], timeout: 30).status) == 0
        }
    }

    static var chromedriver: String? {
        let given = ProcessInfo.processInfo.environment["TENDERSCORE_CHROMEDRIVER"]
        return [given, "/usr/bin/chromedriver"].compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func everyPageHasNoAxeViolationsInHeadlessChromium() async throws {
        let required = ProcessInfo.processInfo.environment["TENDERSCORE_REQUIRE_CHECKERS"] != nil
        guard let python = Self.python, Self.chromedriver != nil, FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else {
            if required {
                Issue.record("axe-core needs chromium, chromedriver and a python with selenium and axe-selenium-python (TENDERSCORE_PYTHON); .ci/run installs them")
            }
            return
        }
        let fixture = try await WebFixture(scored: true)
        let list = try await fixture.tender.moderationList(for: try ActingPerson("c-jo", standing: .commissioner))
        let item = list.needingDiscussion.first.map { "/moderation/\($0.moderated.item.submission)/\($0.moderated.item.criterion)" }
        let noConflicts = (1...7).map { "conflict-BID-00\($0)" }
        let memberSteps: [[String: Any]] = [
            ["name": "member-task-list-before-declaring", "get": Self.t + "/"],
            ["name": "declaration", "get": Self.t + "/declaration"],
            ["name": "declaration-with-errors", "submit": "Send my declaration"],
            ["name": "member-task-list", "choose": noConflicts, "submit": "Send my declaration"],
            ["name": "score", "get": Self.t + "/submissions/BID-001/score"],
            ["name": "score-with-errors", "type": ["rationale-local-assets": " "], "submit": "Save my scores"],
            ["name": "easy-read", "get": Self.t + "/submissions/BID-002/easy-read/local-assets"],
            ["name": "easy-read-with-errors", "type": ["rationale-local-assets": " "], "submit": "Save and go to the next question"],
            ["name": "check-your-answers", "get": Self.t + "/hand-in"],
            ["name": "handed-in", "submit": "Hand in my scores"],
            ["name": "member-moderation-list", "get": Self.t + "/moderation"],
        ]
        var commissionerSteps: [[String: Any]] = [
            ["name": "commissioner-start", "get": Self.t + "/"],
            ["name": "moderation-list", "get": Self.t + "/moderation"],
            ["name": "people-commissioner", "get": Self.t + "/people"],
            ["name": "invitation-made", "submit": "Make a link for Tom Okafor"],
            ["name": "upload-panel", "get": Self.t + "/uploads/panel"],
            ["name": "upload-panel-with-errors", "submit": "Upload the panel"],
            ["name": "upload-bids", "get": Self.t + "/uploads/bids"],
            ["name": "upload-bids-with-errors", "submit": "Upload the bids"],
            ["name": "downloads-commissioner", "get": Self.t + "/downloads"],
            ["name": "tenders", "get": "/tenders/"],
            ["name": "set-up", "get": "/tenders-new"],
            ["name": "set-up-with-errors", "submit": "Set up the tender"],
            ["name": "finalise", "get": Self.t + "/finalise"],
            ["name": "finalise-with-errors", "submit": "Finalise the tender"],
        ]
        if let item {
            commissionerSteps.insert(["name": "moderation-item", "get": Self.t + item], at: 2)
            commissionerSteps.insert(["name": "moderation-item-with-errors", "submit": "Record the agreed score"], at: 3)
        }
        let auditorSteps: [[String: Any]] = [
            ["name": "auditor-start", "get": Self.t + "/"],
            ["name": "history", "get": Self.t + "/history?member=p-amira"],
            ["name": "verify", "get": Self.t + "/verify"],
            ["name": "people", "get": Self.t + "/people"],
            ["name": "downloads", "get": Self.t + "/downloads"],
            ["name": "not-found", "get": "/no-such-page"],
            ["name": "refused", "get": Self.t + "/declaration"],
        ]
        let plan: [String: Any] = [
            "people": [
                ["name": "member", "invitation": try await fixture.invitation("p-amira"), "password": WebFixture.password, "steps": memberSteps],
                ["name": "commissioner", "invitation": try await fixture.invitation("c-jo"), "password": WebFixture.password, "steps": commissionerSteps],
                ["name": "auditor", "invitation": try await fixture.invitation("a-morgan"), "password": WebFixture.password, "steps": auditorSteps + [["name": "sign-in", "get": "/sign-in"]]],
            ]
        ]
        let planFile = fixture.store.folder.file("plan.json")
        try JSONSerialization.data(withJSONObject: plan).write(to: URL(fileURLWithPath: planFile))
        let shots = ProcessInfo.processInfo.environment["TENDERSCORE_SCREENSHOTS"] ?? fixture.store.folder.file("screenshots")
        let router = try await buildRouter(fixture.settings)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await BrowserQueue.exclusively { try await app.test(.live) { client in
            let port = try #require(client.port)
            let output = try await Task.detached {
                try Self.run(python, [Self.script, "http://127.0.0.1:\(port)", planFile, shots], timeout: 300)
            }.value
            #expect(output.status == 0, "axe-core or the browser reported problems:\n\(output.stdout)\n\(output.stderr)")
            let report = (try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8))) as? [String: Any]
            let pages = report?["pages"] as? [[String: Any]] ?? []
            #expect(pages.count >= 20, "only \(pages.count) pages were checked")
        } }
    }

    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> ProgramRun.Output {
        try ProgramRun.run(executable, arguments, timeout: timeout)
    }
}
