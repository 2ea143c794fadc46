import Foundation
import TenderTestSupport
import Testing

/// The README's walk-through is a script people copy: it runs here as written, so the README
/// cannot drift from the tool.
@Suite("the README walk-through")
struct ReadmeWalkthroughTests {
    /// The first `sh` block after the heading "A tender from start to finish".
    static func walkthrough() throws -> String {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let section = readme.range(of: "## A tender from start to finish"),
            let start = readme.range(of: "```sh\n", range: section.upperBound..<readme.endIndex),
            let end = readme.range(of: "\n```", range: start.upperBound..<readme.endIndex)
        else {
            Issue.record("README.md has no sh block under 'A tender from start to finish'")
            return ""
        }
        return String(readme[start.upperBound..<end.lowerBound])
    }

    @Test("every command in the walk-through runs, in order, on the sample tender")
    func walkthroughRuns() throws {
        let script = try Self.walkthrough()
        #expect(script.contains("tenderscore finalise"))
        let folder = try CLI.temporaryDirectory()
        for name in ["Criteria", "Samples"] {
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name), withDestinationURL: CLI.packageRoot.appendingPathComponent(name))
        }
        let binaries = try CLI.binary().deletingLastPathComponent().path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-euo", "pipefail", "-c", script]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "TENDERSCORE_STORE")
        environment.removeValue(forKey: "TENDERSCORE_ACTOR")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(printed.suffix(3000))")
        #expect(printed.contains("Tender TND-2026-014 is final."))
        #expect(printed.contains("Recorded 1 publication to Beacon National Care Ltd."))
        #expect(printed.contains("is in the history"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("award.json").path))
    }
}
