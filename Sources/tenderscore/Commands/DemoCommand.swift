import ArgumentParser
import CSV
import Foundation
import TenderExport
import TenderForms
import TenderModel
import TenderSQLite
import TenderWorkflow
import TenderXML

/// `tenderscore demo`: the whole flow on the sample tender in Samples/, in a temporary store.
///
/// The demo calls the same workflow use cases the commands call, in the order a commissioner
/// would, and prints what each command prints.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Run the sample tender in Samples/ from start to finish in a temporary store.")

    @Option(help: "The folder holding the sample tender (default: Samples/ of this package).")
    var samples: String?

    @Option(help: "The criteria framework the sample tender uses.")
    var criteria: String?

    @Option(help: "Where to write the store and the outputs (default: a new temporary folder).")
    var output: String?

    @Flag(help: "Instead of scoring from the sample scoresheets, set up the tender, print each sample person's invitation link and serve the web app, so that you can score as a panel member in the browser.")
    var serve = false

    @Option(help: "With --serve: the port to listen on (on 127.0.0.1).")
    var port = 8080

    func run() async throws {
        let samplesFolder = try samples ?? SampleLocation.find("Samples")
        let criteriaFile = try criteria ?? SampleLocation.find("Criteria") + "/coproduction-commissioning.xml"
        let workFolder = try output ?? Self.temporaryFolder()
        try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true)
        let storePath = workFolder + "/tender.sqlite"
        let commissioner = try ActingPerson("demo")
        let options = DocumentReadOptions()
        if serve {
            try await DemoServer(samplesFolder: samplesFolder, criteriaFile: criteriaFile, storePath: storePath, port: port).run()
            return
        }

        Terminal.print("TenderScore demo: the sample tender in \(samplesFolder)")
        Terminal.print("Working in \(workFolder)")

        Self.heading("1. Check every document")
        let paths = [criteriaFile] + DocumentFiles.expand([samplesFolder])
        // The bids sent as response forms are read in step 2; their ids let the scoresheets
        // for them (scoresheets-forms/) be checked here with the rest.
        let forms = try FormReceipts.read(samplesFolder + "/forms")
        let set = DocumentSet(paths: paths, loader: DocumentLoader(), otherSubmissionIDs: forms.map(\.submissionID))
        let invalid = paths.filter { !set.isValid($0) }
        for path in invalid { for diagnostic in set.diagnostics(for: path) { Terminal.print("   \(diagnostic)") } }
        Terminal.print("\(paths.count) documents read, \(paths.count - invalid.count) valid, \(invalid.count) invalid")
        guard invalid.isEmpty, let panel = set.panels.first else {
            throw Refusal("the sample tender is not valid; see the problems above")
        }

        Self.heading("2. Set up the tender, its panel and the bids received")
        let tender = try await Tender.create(
            in: try SQLiteStorage.new(at: storePath), tender: panel.tender,
            criteria: try DocumentFile.read(criteriaFile, options: options), title: "Westfield Community Connections",
            by: commissioner)
        Terminal.print("Set up tender \(tender.id) in \(storePath)")
        ImportOutput.print(
            try await tender.importPanel(try DocumentFile.read(samplesFolder + "/panel.xml", options: options), by: commissioner),
            what: "panel")
        let bids = try DocumentFiles.expand([samplesFolder + "/bids"], extensions: ["xml"]).map {
            try DocumentFile.read($0, options: options)
        }
        ImportOutput.print(try await tender.importSubmissions(bids, by: commissioner), what: "bids")
        Terminal.print("Two more bids arrived as filled-in response forms, each with a PDF appendix:")
        ImportOutput.print(
            try await tender.importSubmissions([], forms: forms, by: commissioner),
            what: "bids")

        Self.heading("3. Each panel member's independent scores")
        // Each member's sheet for the seven XML bids, then their sheet for the two form bids.
        for sheet in DocumentFiles.expand([samplesFolder + "/scoresheets", samplesFolder + "/scoresheets-forms"]) {
            ImportOutput.print(
                try await tender.importScores(try DocumentFile.read(sheet, options: options), by: commissioner),
                what: "scoresheet")
        }

        Self.heading("4. Moderation: the items where members disagree")
        let decisions = try ModerationMinutes.read(samplesFolder + "/moderation.tsv")
        Terminal.print("Every member's score and rationale side by side, as the panel saw them:")
        Terminal.print()
        ModerateCommand.List.print(try await tender.moderationList(for: commissioner), all: false)
        Terminal.print("The panel's decisions (Samples/moderation.tsv):")
        for decision in decisions {
            guard let value = Int(decision.score) else {
                throw Refusal("moderation.tsv: \(decision.score) is not a whole-number score")
            }
            let agreed = try await tender.agree(
                submission: decision.submission, criterion: decision.criterion, value: value,
                rationale: decision.rationale, attendees: ModerateCommand.Agree.ids(decision.attendees),
                dissenters: ModerateCommand.Agree.ids(decision.dissent), by: commissioner)
            ModerateCommand.Agree.report(agreed)
        }

        Self.heading("5. How far the panel agreed")
        Terminal.print(try OutputFormat.table.render(agreement: try await tender.view(for: commissioner, doing: nil)))

        Self.heading("6. The ranking")
        Terminal.print(
            try OutputFormat.table.render(
                try await tender.view(for: commissioner, doing: nil, .responses).report(provisional: false)))

        Self.heading("7. Finalise, publish and check the record")
        let head = try await tender.finalise(reason: "Panel sign-off meeting", by: commissioner)
        Terminal.print("Tender \(tender.id) is final. Head of the history: \(head)")
        let outputs = workFolder + "/outputs"
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
        let finalView = try await tender.view(for: commissioner, doing: nil, .responses)
        let report = try finalView.report(provisional: false)
        let decision = try await tender.decisionRecord(finalView)
        let protected = OutputFile.storeFiles(URL(fileURLWithPath: storePath))
        let ocds = OCDSOptions(
            ocidPrefix: "ocds-tenderscore", buyer: OCDSOrganisation(id: "westfield-council", name: "Westfield Council"),
            publisherName: "Westfield Council", packageURI: "urn:tenderscore:\(tender.id):award")
        for (format, name) in [(OutputFormat.html, "report.html"), (.json, "ranking.json"), (.csv, "ranking.csv"), (.ocds, "award-ocds.json")] {
            try OutputFile(path: URL(fileURLWithPath: outputs + "/" + name), protecting: protected)
                .write(try format.render(report, ocds: ocds, decision: decision))
            Terminal.print("Wrote the ranking as \(format.rawValue) to \(outputs)/\(name)")
        }
        let summaries = try AssessmentSummary.write(
            try AssessmentSummary.all(for: report), to: URL(fileURLWithPath: outputs + "/summaries"), protecting: protected)
        Terminal.print("Wrote \(summaries.count) files to \(outputs)/summaries (the assessment summaries)")
        let view = finalView
        let pack = try EvaluationPack(
            tender: view.summary.id, title: view.summary.title, criteria: view.criteria, submissions: view.submissions,
            panel: view.panel, panelist: "p-amira", anonymise: false, importWarnings: view.importWarnings,
            evidence: try await tender.packEvidence(for: "p-amira", view: view), generatedAt: Date())
        let packFiles = try pack.write(to: URL(fileURLWithPath: outputs + "/pack-p-amira"), protecting: protected)
        Terminal.print("Wrote the evaluation pack for p-amira: \(packFiles.count) files in \(outputs)/pack-p-amira")
        let verification = try await tender.verify(expectHead: head)
        guard verification.isIntact else {
            throw Refusal("the history does not verify: \(verification.firstProblem?.description ?? "")")
        }
        Terminal.print("Intact: \(verification.eventCount) events, head \(verification.head ?? "none")")

        Terminal.print()
        Terminal.print("Everything is in \(workFolder): the store is tender.sqlite, the report and summaries are in outputs/.")
        Terminal.print("Try: tenderscore audit log --store \(storePath) --submission BID-005")
    }

    static func heading(_ text: String) {
        Terminal.print()
        Terminal.print(text)
        Terminal.print(String(repeating: "-", count: text.count))
    }

    static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tenderscore-demo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

/// The sample moderation meeting's decisions: one row per agreed item, tab-separated
/// (`submission criterion score rationale attendees dissent`, member ids separated by commas, as
/// `moderate agree --attendees` takes them).
enum ModerationMinutes {
    struct Decision {
        var submission, criterion, score, rationale, attendees, dissent: String
    }

    static func read(_ path: String) throws -> [Decision] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let reader = try? CSVReader(string: text, hasHeaderRow: true, delimiter: "\t")
        else {
            throw Refusal("\(path) cannot be read")
        }
        var decisions: [Decision] = []
        while let row = reader.next() {
            guard row.count >= 6 else { throw Refusal("\(path): a row has \(row.count) fields, 6 expected") }
            decisions.append(
                Decision(
                    submission: row[0], criterion: row[1], score: row[2], rationale: row[3],
                    attendees: row[4], dissent: row[5]))
        }
        return decisions
    }
}

/// The sample portal's receipt log for the bids sent as response forms (`forms/received.tsv`:
/// `submission folder submitted`, tab-separated): a form carries no arrival time of its own, so
/// the demo gives each the time the portal logged, as a commissioner gives `--submitted`.
enum FormReceipts {
    static func read(_ folder: String) throws -> [ReceivedForm] {
        let path = folder + "/received.tsv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let reader = try? CSVReader(string: text, hasHeaderRow: true, delimiter: "\t")
        else {
            throw Refusal("\(path) cannot be read")
        }
        var forms: [ReceivedForm] = []
        while let row = reader.next() {
            guard row.count >= 3, let submitted = BidFiles.time(row[2]) else {
                throw Refusal("\(path): each row needs a submission, a folder and an ISO 8601 time")
            }
            do throws(FormError) {
                forms.append(try ReceivedForm.read(folder: folder + "/" + row[1], submissionID: row[0], submitted: submitted))
            } catch {
                throw Refusal(error.description)
            }
        }
        return forms
    }
}

/// Finds the package's own folders whether the demo runs from the package root (`swift run`) or
/// from the built binary elsewhere.
enum SampleLocation {
    static func find(_ folder: String) throws -> String {
        var candidates = [FileManager.default.currentDirectoryPath + "/" + folder]
        var binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(binary.appendingPathComponent(folder).path)
            binary = binary.deletingLastPathComponent()
        }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw Refusal("cannot find the \(folder)/ folder; run the demo from the TenderScore package folder or pass --samples")
        }
        return found
    }
}
