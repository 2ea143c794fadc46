import Foundation
import TenderTestSupport
import Testing

@Suite("init, imports and the audit history through the CLI")
struct StoreCommandTests {
    @Test("init records the framework; a second init is refused and the store is untouched")
    func initOnce() throws {
        let tender = try CLITender()
        let first = try tender.expectSuccess([
            "init", "--tender", "TND-2026-014", "--criteria", "Criteria/coproduction-commissioning.xml",
        ])
        #expect(first.stdout.contains("Set up tender TND-2026-014"))
        #expect(first.stdout.contains("Criteria: coproduction-commissioning version 1, SHA-256 "))
        let before = try tender.head()
        let again = try tender.run(["init", "--tender", "TND-2026-015", "--criteria", "Criteria/community-grants.xml"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("A tender is already set up in"))
        #expect(try tender.head() == before)
    }

    @Test("init with an invalid framework creates no store")
    func initInvalid() throws {
        let tender = try CLITender()
        let bad = try tender.write(
            "bad.xml", "<criteria xmlns=\"urn:tenderscore:criteria:1\" id=\"x\" version=\"1\" currency=\"GBP\"><title>T</title></criteria>")
        let outcome = try tender.run(["init", "--tender", "TND-1", "--criteria", bad])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("bad.xml:1:"))
        #expect(!FileManager.default.fileExists(atPath: tender.store.path))
    }

    @Test("commands on a missing store, or a file that is not a store, are refused and change nothing")
    func notAStore() throws {
        let tender = try CLITender()
        let missing = try tender.run(["audit", "verify"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("There is no TenderScore store at"))
        #expect(!FileManager.default.fileExists(atPath: tender.store.path))

        let text = try tender.write("notes.txt", "Minutes of the panel meeting.\n")
        let before = try Data(contentsOf: URL(fileURLWithPath: text))
        let outcome = try CLI.run(["audit", "verify", "--store", text])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("is not a TenderScore store"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == before)
    }

    @Test("a bid import with one bad file stores nothing and lists every problem")
    func bidImportAllOrNothing() throws {
        let tender = try CLITender()
        try tender.expectSuccess(["init", "--tender", "TND-2026-014", "--criteria", "Criteria/coproduction-commissioning.xml"])
        try tender.expectSuccess(["panel", "import", tender.sample("panel.xml")])
        let before = try tender.head()
        let wrongTender = try String(contentsOfFile: tender.sample("bids/BID-002.xml"), encoding: .utf8)
            .replacingOccurrences(of: "id=\"BID-002\"", with: "id=\"BID-099\"")
            .replacingOccurrences(of: "tender=\"TND-2026-014\"", with: "tender=\"TND-2025-001\"")
        let bad = try tender.write("BID-099.xml", wrongTender)
        let outcome = try tender.run(["submissions", "import", tender.sample("bids"), bad])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("BID-099 is for tender TND-2025-001, not TND-2026-014"))
        #expect(outcome.stderr.contains("Nothing was imported: 1 error in the 8 files given."))
        #expect(try tender.head() == before)
    }

    @Test("the size limit applies to imports too, and nothing is stored")
    func importSizeLimit() throws {
        let tender = try CLITender()
        try tender.expectSuccess(["init", "--tender", "TND-2026-014", "--criteria", "Criteria/coproduction-commissioning.xml"])
        try tender.expectSuccess(["panel", "import", tender.sample("panel.xml")])
        let before = try tender.head()
        let outcome = try tender.run(["submissions", "import", "--max-document-bytes", "2000", tender.sample("bids")])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("over the limit of 2000 bytes (--max-document-bytes)"), "\(outcome.stderr)")
        #expect(try tender.head() == before)
    }

    @Test("re-importing a bid is refused; a replacement needs --reason")
    func bidReplacement() throws {
        let tender = try CLITender.withBids()
        let before = try tender.head()
        let again = try tender.run(["submissions", "import", tender.sample("bids/BID-003.xml")])
        #expect(again.status == 1)
        #expect(again.stderr.contains("BID-003"))
        #expect(try tender.head() == before)
        let noReason = try tender.run(["submissions", "import", "--replace", tender.sample("bids/BID-003.xml")])
        #expect(noReason.status == 2)
        #expect(noReason.stderr.contains("--replace needs --reason"))
    }

    @Test("audit log filters by submission and member, as a table and as JSON")
    func auditLog() throws {
        let tender = try CLITender.withScores()
        let log = try tender.expectSuccess(["audit", "log", "--submission", "BID-005"])
        #expect(log.stdout.contains("received BID-005 from Beacon National Care Ltd"))
        #expect(!log.stdout.contains("BID-004 from"))
        let json = try tender.expectSuccess(["audit", "log", "--member", "p-ruth", "--format", "json"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        // The panel import, and Ruth's 36 scores (she is conflicted with BID-005).
        #expect(events.filter { ($0["kind"] as? String) == "score.given" }.count == 36)
        #expect(events.allSatisfy { ($0["hash"] as? String)?.count == 64 })
    }

    @Test("audit verify catches a score changed behind the tool's back", .enabled(if: SQLiteShell.available))
    func tamperedScore() throws {
        let tender = try CLITender.withScores()
        _ = try tender.head()
        try SQLiteShell.run(tender.store.path, "UPDATE scores SET value = 5 WHERE panelist = 'p-dev' AND submission_id = 'BID-006' AND criterion_id = 'principles';")
        let outcome = try tender.run(["audit", "verify"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("The history does NOT hold: event"))
    }

    @Test("a process killed in the middle of an import leaves all or nothing, and the store verifies")
    func killedImport() throws {
        let tender = try CLITender()
        try tender.expectSuccess(["init", "--tender", "TND-2026-014", "--criteria", "Criteria/coproduction-commissioning.xml"])
        try tender.expectSuccess(["panel", "import", tender.sample("panel.xml")])
        let bids = tender.folder.appendingPathComponent("many-bids")
        try FileManager.default.createDirectory(at: bids, withIntermediateDirectories: true)
        let template = try String(contentsOfFile: tender.sample("bids/BID-003.xml"), encoding: .utf8)
        for number in 100..<400 {
            try template.replacingOccurrences(of: "id=\"BID-003\"", with: "id=\"BID-\(number)\"")
                .write(to: bids.appendingPathComponent("BID-\(number).xml"), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = try CLI.binary()
        process.arguments = ["submissions", "import", bids.path, "--store", tender.store.path, "--as", "dev"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.4)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let verify = try tender.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        let log = try tender.expectSuccess(["audit", "log", "--format", "json"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        let received = events.filter { ($0["kind"] as? String) == "submission.received" }.count
        #expect(received == 0 || received == 300, "a partial import of \(received) bids was stored")
    }

    @Test("two panel members importing at the same moment are both recorded, nothing interleaved")
    func concurrentImports() throws {
        let tender = try CLITender.withBids()
        let sheets = ["p-amira.xml", "p-dev.csv"]
        let processes = try sheets.map { sheet -> Process in
            let process = Process()
            process.executableURL = try CLI.binary()
            process.arguments = ["scores", "import", tender.sample("scoresheets/" + sheet), "--store", tender.store.path, "--as", "clerk"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        #expect(try tender.run(["audit", "verify"]).status == 0)
        let log = try tender.expectSuccess(["audit", "log", "--format", "json"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        let panelists = events.filter { ($0["kind"] as? String) == "score.given" }.compactMap { ($0["members"] as? [String])?.first }
        #expect(panelists.count == 84)
        // Each sheet's events form one unbroken run.
        let changes = zip(panelists, panelists.dropFirst()).filter { $0 != $1 }.count
        #expect(changes == 1)
    }
}

/// The sqlite3 shell, when the machine has it, to tamper with a store as an attacker would.
enum SQLiteShell {
    static let path = "/usr/bin/sqlite3"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: path) }

    static func run(_ database: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [database, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
