import Foundation

/// A `tenderscore` command started and left running, for tests that need several at once (or
/// one beside the web app): ``CLI/run(_:in:environment:)`` waits, so it cannot overlap them.
///
/// Output goes to files, so a command never stalls on a full pipe while nobody reads it, and
/// ``finish(timeout:)`` waits with `Task.sleep`, holding no thread of the shared pool.
/// (`@unchecked`: Foundation's `Process` is not marked Sendable; it is only asked whether it
/// runs and waited for after it started, which it allows from any thread.)
public final class StartedCommand: @unchecked Sendable {
    public let arguments: [String]
    private let process: Process
    private let folder: URL

    public init(_ arguments: [String], environment: [String: String] = [:], in directory: URL = CLI.packageRoot) throws {
        self.arguments = arguments
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tenderscore-started-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = try CLI.binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = CLI.environment(adding: environment)
        for name in ["stdout", "stderr"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil)
        }
        process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
    }

    /// Waits for the command to end (ending it after `timeout`) and returns what it printed.
    public func finish(timeout: TimeInterval = 600) async throws -> CLI.Outcome {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: folder) }
        func read(_ name: String) -> String {
            String(decoding: (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
        }
        return CLI.Outcome(status: process.terminationStatus, stdout: read("stdout"), stderr: read("stderr"))
    }

    public var isRunning: Bool { process.isRunning }

    /// Sends SIGINT, as Ctrl-C does (a server stops serving).
    public func interrupt() {
        if process.isRunning { process.interrupt() }
    }

    /// Starts a command and waits for it: one step of a sequence that runs beside others.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> CLI.Outcome {
        try await StartedCommand(arguments, environment: environment).finish()
    }
}
