import Foundation

/// Outside programs some tests use when the machine has them: headless Chromium and libcoveocds.
enum ExternalTools {
    /// CI sets TENDERSCORE_REQUIRE_CHECKERS: a missing outside checker then fails, never skips.
    static var required: Bool { ProcessInfo.processInfo.environment["TENDERSCORE_REQUIRE_CHECKERS"] != nil }

    static var chromium: String? {
        if let path = ProcessInfo.processInfo.environment["TENDERSCORE_CHROMIUM"], isExecutable(path) { return path }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first(where: isExecutable)
    }

    static var libcoveocds: String? {
        if let path = ProcessInfo.processInfo.environment["TENDERSCORE_LIBCOVEOCDS"], isExecutable(path) { return path }
        return isExecutable("/tmp/ocds-venv/bin/libcoveocds") ? "/tmp/ocds-venv/bin/libcoveocds" : nil
    }

    /// The OCDS 1.1.5 release archive libcoveocds reads offline.
    static var standardZip: String? {
        let candidates = [
            ProcessInfo.processInfo.environment["TENDERSCORE_OCDS_STANDARD_ZIP"],
            SampleTender.repositoryRoot.deletingLastPathComponent().appendingPathComponent(
                "shared/testdata/ocds/standard-1__1__5.zip"
            ).path,
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    static func isExecutable(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to the end with a time limit, collecting its output.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tenderscore-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout")
        let err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self))
    }

    static func temporaryFile(_ name: String, contents: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tenderscore-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url
    }
}
