import Foundation
import Testing

/// The Python that fills in forms as a bidder's word processor would (python-docx, odfpy).
///
/// Found through TENDERSCORE_PYTHON (CI exports its venv's python), else /tmp/forms-venv. When
/// TENDERSCORE_REQUIRE_CHECKERS is set a missing Python is a failure, never a skip, as with the
/// export tests' chromium and libcoveocds.
enum BidderPython {
    static var path: String? {
        let candidates = [ProcessInfo.processInfo.environment["TENDERSCORE_PYTHON"], "/tmp/forms-venv/bin/python"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var required: Bool { ProcessInfo.processInfo.environment["TENDERSCORE_REQUIRE_CHECKERS"] != nil }

    /// Whether the tests that need it can run; records a failure when it is required but missing.
    static func available() -> Bool {
        if path != nil { return true }
        if required {
            Issue.record("TENDERSCORE_REQUIRE_CHECKERS is set but no Python with python-docx and odfpy was found (set TENDERSCORE_PYTHON)")
        }
        return false
    }

    static let script = Fixtures.repositoryRoot.appendingPathComponent("Samples/forms/fill_form.py")

    /// Fills `form` with `answers` (see fill_form.py), writing `output`.
    static func fill(form: URL, answers: FilledAnswers, output: URL) throws {
        let json = try Fixtures.temporaryFolder().appendingPathComponent("answers.json")
        try answers.json().write(to: json)
        try fill(form: form, answersFile: json, output: output)
    }

    /// Fills `form` with the answers in a JSON file, writing `output`.
    static func fill(form: URL, answersFile json: URL, output: URL) throws {
        guard let python = path else { throw Fixtures.Failure(description: "no python") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, form.path, json.path, output.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus != 0 {
            throw Fixtures.Failure(description: "fill_form.py failed: \(message)")
        }
    }
}

/// What a bidder writes into a form: single-line fields and answer blocks, by marker.
struct FilledAnswers {
    enum Block {
        case p(String), bullet(String), number(String)
    }

    var fields: [String: String]
    var blocks: [String: [Block]]

    func json() throws -> Data {
        let encodedBlocks = blocks.mapValues { blocks in
            blocks.map { block -> [String] in
                switch block {
                case .p(let text): ["p", text]
                case .bullet(let text): ["bullet", text]
                case .number(let text): ["number", text]
                }
            }
        }
        let object: [String: Any] = ["fields": fields, "blocks": encodedBlocks]
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
