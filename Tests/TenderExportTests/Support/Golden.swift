import Foundation
import Testing

/// Golden files: the expected output of each exporter, under `Golden/`.
///
/// Run with `TENDERSCORE_UPDATE_GOLDEN=1` to rewrite them from the current output (then read the
/// diff before committing). Otherwise the output must match byte for byte.
enum Golden {
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["TENDERSCORE_UPDATE_GOLDEN"] == "1" }

    static var sourceFolder: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden")
    }

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let target = sourceFolder.appendingPathComponent(name)
        if isUpdating {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: target)
            return
        }
        guard let folder = Bundle.module.url(forResource: "Golden", withExtension: nil),
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        else {
            Issue.record(
                "Golden/\(name) is missing: run the tests with TENDERSCORE_UPDATE_GOLDEN=1 to create it",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            let line = firstDifference.map { $0.offset + 1 } ?? min(actualLines.count, expectedLines.count) + 1
            let wanted = firstDifference.map { String($0.element.1) } ?? "<end>"
            let got = firstDifference.map { String($0.element.0) } ?? "<end>"
            let message = "output differs from Golden/\(name) at line \(line) (TENDERSCORE_UPDATE_GOLDEN=1 rewrites it)"
            Issue.record(
                "\(message)\nexpected: \(wanted)\nactual:   \(got)",
                sourceLocation: sourceLocation)
        }
    }
}
