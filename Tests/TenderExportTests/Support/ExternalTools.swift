import Foundation
import TenderTestSupport

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

    /// Runs a program to the end with a time limit (see `ProgramRun`).
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> ProgramRun.Output {
        try ProgramRun.run(executable, arguments, timeout: timeout)
    }

    static func temporaryFile(_ name: String, contents: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tenderscore-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url
    }
}
