import Foundation
import TenderModel
import TenderPostgres
import TenderStore
import TenderTestSupport
@_spi(Testing) import TenderWorkflow
import Testing

/// Several `tenderscore` processes writing one database at once, as a council's officers and
/// panels do: each acknowledged change is in the history whole, next to no other change's
/// events, and every history verifies (the per-tender advisory lock; see ``PostgresStorage``).
@Suite("concurrent commands on one database", .enabled(if: PostgresTestServer.shouldRun))
struct ConcurrentCommandsTests {
    @Test func eightMembersImportingAtOnceLoseNothing() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let folder = try TemporaryFolder()
        let sheets = try await PanelOfEight.setUp(in: url, folder: folder)
        let store = PostgresTestServer.raw(url)

        let started = try sheets.map { sheet in
            try StartedCommand(
                ["scores", "import", sheet.file], environment: ["TENDERSCORE_STORE": store, "TENDERSCORE_ACTOR": sheet.member])
        }
        var outcomes: [CLI.Outcome] = []
        for command in started { outcomes.append(try await command.finish()) }

        let tender = try await Tender.open(in: try await PostgresStorage.open(url))
        let history = try await tender.history(for: try ActingPerson("a-audit", standing: .auditor))
        for (sheet, outcome) in zip(sheets, outcomes) {
            #expect(outcome.status == 0, "\(sheet.member): \(outcome.stderr)")
            let acknowledged = try ImportAcknowledgement(outcome.stdout)
            let block = history.filter { acknowledged.range.contains($0.sequence) }
            #expect(block.count == sheet.scores, "\(sheet.member)'s import is in the history whole")
            #expect(block.allSatisfy { $0.actor == sheet.member && $0.kind == .scoreGiven }, "no other change inside \(sheet.member)'s")
            #expect(block.last?.hash == acknowledged.head, "the head \(sheet.member)'s command printed is its last event's")
        }
        #expect(history.filter { $0.kind == .scoreGiven }.count == sheets.map(\.scores).reduce(0, +))
        let verify = try CLI.run(["audit", "verify", "--expect-head", try #require(history.last?.hash)], environment: ["TENDERSCORE_STORE": store])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("Intact: "), "\(verify.all)")
        #expect(try await tender.snapshot().head == history.last?.hash)
    }

    @Test func fourTendersSetUpAndScoredAtOnceStayApart() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let store = PostgresTestServer.raw(url)
        let tenders = (1...4).map { "TND-2026-10\($0)" }
        let folders = try tenders.map { try SampleFiles.renamed(to: $0) }

        try await withThrowingTaskGroup(of: Void.self) { group in
            for (tender, files) in zip(tenders, folders) {
                group.addTask {
                    let environment = ["TENDERSCORE_STORE": store, "TENDERSCORE_TENDER": tender, "TENDERSCORE_ACTOR": "dev.commissioner"]
                    var steps = [
                        ["init", "--tender", tender, "--criteria", SampleTender.criteria],
                        ["panel", "import", files.file("panel.xml")],
                        ["submissions", "import", files.file("bids")],
                    ]
                    steps += SampleFiles.scoresheets.map { ["scores", "import", files.file("scoresheets/" + $0)] }
                    for step in steps {
                        let outcome = try await StartedCommand.run(step, environment: environment)
                        #expect(outcome.status == 0, "\(tender) \(step.joined(separator: " ")): \(outcome.stderr)")
                    }
                }
            }
            try await group.waitForAll()
        }

        let storage = try await PostgresStorage.open(url)
        #expect(try await storage.tenderIDs().sorted() == tenders)
        var heads: Set<String> = []
        for id in tenders {
            let tender = try await Tender.open(in: storage, tender: id)
            let verification = try await tender.verify()
            #expect(verification.isIntact, "\(id): \(verification.problems)")
            let snapshot = try await tender.snapshot(.responses)
            #expect(snapshot.summary.id == id)
            #expect(snapshot.panel?.panel.tender == id)
            #expect(snapshot.submissions.count == 7 && snapshot.submissions.allSatisfy { $0.submission.tender == id })
            // 5 members x 7 bids x 6 criteria, less Ruth's conflicted bid: 204 scores.
            #expect(snapshot.scores.count == 204)
            // 1 set-up, 1 panel, 7 bids and the 204 scores: nothing of another tender's.
            #expect(snapshot.eventCount == 213)
            heads.insert(snapshot.head)
        }
        #expect(heads.count == 4)
    }
}

/// A panel of eight for the sample tender, with each member's scoresheet written as CSV.
enum PanelOfEight {
    struct Sheet: Sendable {
        var member: String
        var file: String
        var scores: Int
    }

    static let roles = ["expert-by-experience", "carer", "practitioner", "commissioner", "finance", "independent"]

    /// Sets the tender up with the eight-member panel and the seven sample bids, in process,
    /// and writes the members' sheets (each scores every bid on every criterion).
    static func setUp(in url: PostgresURL, folder: TemporaryFolder) async throws -> [Sheet] {
        let members = (1...8).map { "m-0\($0)" }
        var panel = "<panel xmlns=\"urn:tenderscore:panel:1\" tender=\"\(SampleTender.tender)\">\n"
        for (index, member) in members.enumerated() {
            panel += "  <member id=\"\(member)\" role=\"\(roles[index % roles.count])\">Member \(index + 1)</member>\n"
        }
        panel += "</panel>\n"
        let panelFile = try folder.write("panel.xml", panel)
        let tender = try await PostgresFixture(url: url).create()
        _ = try await tender.importPanel(file: panelFile, actor: "Dev Patel")
        _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
        var sheets: [Sheet] = []
        for sheet in try await Sheets.all(tender) {
            var csv = "panelist,submission,criterion,score,rationale\n"
            for score in sheet.scores {
                let rationale = "\"" + score.rationale.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                csv += "\(score.panelist),\(score.submission),\(score.criterion),\(score.value),\(rationale)\n"
            }
            sheets.append(Sheet(member: sheet.panelist, file: try folder.write("\(sheet.panelist).csv", csv), scores: sheet.scores.count))
        }
        return sheets
    }
}

/// The sample tender's panel, bids and scoresheets with its id changed, so that several
/// tenders can be set up from them in one database.
enum SampleFiles {
    static let scoresheets = ["p-amira.xml", "p-tom.xml", "p-grace.xml", "p-dev.csv", "p-ruth.csv"]

    static func renamed(to tender: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let samples = URL(fileURLWithPath: SampleTender.samplesFolder)
        var files = ["panel.xml"] + scoresheets.map { "scoresheets/" + $0 }
        files += try FileManager.default.contentsOfDirectory(atPath: SampleTender.bidsFolder).filter { $0.hasSuffix(".xml") }
            .map { "bids/" + $0 }
        for file in files {
            let text = try String(contentsOf: samples.appendingPathComponent(file), encoding: .utf8)
            let target = URL(fileURLWithPath: folder.file(file))
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.replacingOccurrences(of: SampleTender.tender, with: tender).write(to: target, atomically: true, encoding: .utf8)
        }
        return folder
    }
}
