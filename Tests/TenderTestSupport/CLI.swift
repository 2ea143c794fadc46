import Foundation
import Testing

/// Runs the built `tenderscore` binary the way a person does, capturing what it prints.
public struct CLI {
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Everything printed, for checks that a secret appears nowhere.
        public var all: String { stdout + stderr }
    }

    /// The package root, found from this file so tests run from any working directory.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `swift test` builds the executable beside the test bundle.
    public static func binary() throws -> URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("tenderscore")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = packageRoot.appendingPathComponent(".build/debug/tenderscore")
        try #require(FileManager.default.isExecutableFile(atPath: fallback.path), "tenderscore was not built")
        return fallback
    }

    public static func run(
        _ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:]
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = Self.environment(adding: environment)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a chatty command cannot fill the pipe and stall.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The environment a command runs with: this process's, without colour, and hermetic (the
    /// store, tender and person come from the test, never from the shell), plus `extra`.
    public static func environment(adding extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for key in ["TENDERSCORE_STORE", "TENDERSCORE_TENDER", "TENDERSCORE_ACTOR"] { env[key] = nil }
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// A folder for one test's files, removed when the tests end (``TemporaryFolder/scratch(_:)``).
    public static func temporaryDirectory() throws -> URL { try TemporaryFolder.scratch("tenderscore-cli") }
}
