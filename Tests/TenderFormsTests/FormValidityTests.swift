import Foundation
import Testing
import TenderForms

/// The forms as written are valid Office Open XML (as Word expects it) and ODF 1.3, checked by
/// PyPI's openxml-audit in the same venv as python-docx (required when
/// TENDERSCORE_REQUIRE_CHECKERS is set).
@Suite struct FormValidityTests {
    static var audit: String? {
        guard let python = BidderPython.path else { return nil }
        let tool = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("openxml-audit").path
        return FileManager.default.isExecutableFile(atPath: tool) ? tool : nil
    }

    @Test(arguments: [(FormFormat.docx, "microsoft365"), (FormFormat.odt, "odf1.3")])
    func theFormIsValid(format: FormFormat, standard: String) throws {
        guard let audit = Self.audit else {
            if BidderPython.required { Issue.record("TENDERSCORE_REQUIRE_CHECKERS is set but openxml-audit is not installed beside TENDERSCORE_PYTHON") }
            return
        }
        let url = try Fixtures.write(Fixtures.form(format), named: "form.\(format.rawValue)", in: Fixtures.temporaryFolder())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: audit)
        process.arguments = ["-q", "-f", standard, "-m", "20", url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(report)")
    }
}
