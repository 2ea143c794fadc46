import ArgumentParser
import Foundation
import TenderModel
import TenderXML

/// `tenderscore demo`: the whole flow on the sample tender in Samples/.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Run the sample tender in Samples/ from start to finish.")

    @Option(help: "The folder holding the sample tender (default: Samples/ of this package).")
    var samples: String?

    @Option(help: "The criteria framework the sample tender uses.")
    var criteria: String?

    func run() throws {
        let samplesFolder = try samples ?? SampleLocation.find("Samples")
        let criteriaFile = try criteria ?? SampleLocation.find("Criteria") + "/coproduction-commissioning.xml"
        let paths = [criteriaFile] + DocumentFiles.expand([samplesFolder])
        let set = DocumentSet(paths: paths, loader: DocumentLoader())
        Terminal.print("TenderScore demo: the sample tender in \(samplesFolder)")
        Terminal.print()
        Terminal.print("1. Checking every document")
        var invalid = 0
        for path in paths {
            let diagnostics = set.diagnostics(for: path)
            for diagnostic in diagnostics { Terminal.print("   \(diagnostic)") }
            if set.isValid(path) { continue }
            invalid += 1
        }
        Terminal.print("   \(paths.count) documents read, \(paths.count - invalid) valid, \(invalid) invalid")
        guard invalid == 0, let framework = set.criteria.first, let panel = set.panels.first else {
            throw Refusal("the sample tender is not valid; see the problems above")
        }
        Terminal.print()
        DemoReport(criteria: framework, panel: panel, submissions: set.submissions, scoresheets: set.scoresheets).print()
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
