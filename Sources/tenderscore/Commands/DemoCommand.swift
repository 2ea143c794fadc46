import ArgumentParser
import CSV
import Foundation
import TenderModel
import TenderXML

/// `tenderscore demo`: the whole flow on the sample tender in Samples/, in a temporary store.
///
/// The demo runs the same commands a commissioner would, in order, so what it prints is what
/// each command prints.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Run the sample tender in Samples/ from start to finish in a temporary store.")

    @Option(help: "The folder holding the sample tender (default: Samples/ of this package).")
    var samples: String?

    @Option(help: "The criteria framework the sample tender uses.")
    var criteria: String?

    @Option(help: "Where to write the store and the outputs (default: a new temporary folder).")
    var output: String?

    func run() throws {
        let samplesFolder = try samples ?? SampleLocation.find("Samples")
        let criteriaFile = try criteria ?? SampleLocation.find("Criteria") + "/coproduction-commissioning.xml"
        let workFolder = try output ?? Self.temporaryFolder()
        try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true)
        let store = workFolder + "/tender.sqlite"
        let common = ["--store", store, "--as", "demo"]

        Terminal.print("TenderScore demo: the sample tender in \(samplesFolder)")
        Terminal.print("Working in \(workFolder)")

        Self.heading("1. Check every document")
        let paths = [criteriaFile] + DocumentFiles.expand([samplesFolder])
        let set = DocumentSet(paths: paths, loader: DocumentLoader())
        let invalid = paths.filter { !set.isValid($0) }
        for path in invalid { for diagnostic in set.diagnostics(for: path) { Terminal.print("   \(diagnostic)") } }
        Terminal.print("\(paths.count) documents read, \(paths.count - invalid.count) valid, \(invalid.count) invalid")
        guard invalid.isEmpty, let panel = set.panels.first else {
            throw Refusal("the sample tender is not valid; see the problems above")
        }

        Self.heading("2. Set up the tender, its panel and the bids received")
        try Self.run(InitCommand.self, ["--tender", panel.tender, "--criteria", criteriaFile, "--title", "Westfield Community Connections"] + common)
        try Self.run(PanelCommand.Import.self, [samplesFolder + "/panel.xml"] + common)
        try Self.run(SubmissionsCommand.Import.self, [samplesFolder + "/bids"] + common)

        Self.heading("3. Each panel member's independent scores")
        let sheets = DocumentFiles.expand([samplesFolder + "/scoresheets"])
        for sheet in sheets {
            try Self.run(ScoresCommand.Import.self, [sheet] + common)
        }

        Self.heading("4. Moderation: the items where members disagree")
        let decisions = try ModerationMinutes.read(samplesFolder + "/moderation.tsv")
        Terminal.print("Every member's score and rationale side by side, as the panel saw them:")
        Terminal.print()
        try Self.run(ModerateCommand.List.self, common)
        Terminal.print("The panel's decisions (Samples/moderation.tsv):")
        for decision in decisions {
            var arguments = [decision.submission, decision.criterion, decision.score, "--rationale", decision.rationale] + common
            if !decision.attendees.isEmpty { arguments += ["--attendees", decision.attendees] }
            if !decision.dissent.isEmpty { arguments += ["--dissent", decision.dissent] }
            try Self.run(ModerateCommand.Agree.self, arguments)
        }

        Self.heading("5. How far the panel agreed")
        try Self.run(AgreementCommand.self, common)

        Self.heading("6. The ranking")
        try Self.run(RankCommand.self, common)

        Self.heading("7. Finalise, publish and check the record")
        try Self.run(FinaliseCommand.self, ["--reason", "Panel sign-off meeting"] + common)
        let outputs = workFolder + "/outputs"
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
        try Self.run(RankCommand.self, ["--format", "html", "--output", outputs + "/report.html"] + common)
        try Self.run(RankCommand.self, ["--format", "json", "--output", outputs + "/ranking.json"] + common)
        try Self.run(RankCommand.self, ["--format", "csv", "--output", outputs + "/ranking.csv"] + common)
        try Self.run(
            RankCommand.self,
            ["--format", "ocds", "--buyer-name", "Westfield Council", "--output", outputs + "/award-ocds.json"] + common)
        try Self.run(SummariesCommand.self, ["--output", outputs + "/summaries"] + common)
        try Self.run(PackCommand.self, ["--panelist", "p-amira", "--output", outputs + "/pack-p-amira"] + common)
        try Self.run(AuditCommand.Verify.self, common)

        Terminal.print()
        Terminal.print("Everything is in \(workFolder): the store is tender.sqlite, the report and summaries are in outputs/.")
        Terminal.print("Try: tenderscore audit log --store \(store) --submission BID-005")
    }

    static func heading(_ text: String) {
        Terminal.print()
        Terminal.print(text)
        Terminal.print(String(repeating: "-", count: text.count))
    }

    /// Runs one subcommand exactly as the command line would, so the demo shows real output.
    static func run<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) throws {
        var command = try type.parse(arguments)
        try command.run()
    }

    static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tenderscore-demo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

/// The sample moderation meeting's decisions: one row per agreed item, tab-separated
/// (`submission criterion score rationale attendees dissent`, member ids separated by `;`).
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
                    attendees: row[4].replacingOccurrences(of: ";", with: ","), dissent: row[5].replacingOccurrences(of: ";", with: ",")))
        }
        return decisions
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
