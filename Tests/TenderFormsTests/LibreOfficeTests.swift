import Foundation
import Testing
import TenderForms

/// The forms, blank and filled in, open in LibreOffice and print, when LibreOffice is installed
/// (`apt-get install libreoffice-writer-nogui`; TENDERSCORE_SOFFICE names another soffice).
@Suite struct LibreOfficeTests {
    static var soffice: String? {
        [ProcessInfo.processInfo.environment["TENDERSCORE_SOFFICE"], "/usr/bin/soffice", "/usr/bin/libreoffice"]
            .compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: soffice != nil), .timeLimit(.minutes(3)))
    func formsConvertToPDF() throws {
        let soffice = try #require(Self.soffice)
        let folder = try Fixtures.temporaryFolder()
        var inputs: [URL] = []
        for format in FormFormat.allCases {
            inputs.append(try Fixtures.write(Fixtures.form(format), named: "blank-\(format.rawValue).\(format.rawValue)", in: folder))
        }
        let samples = Fixtures.repositoryRoot.appendingPathComponent("Samples/forms")
        inputs.append(samples.appendingPathComponent("BID-008/BID-008.docx"))
        inputs.append(samples.appendingPathComponent("BID-009/BID-009.odt"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments =
            ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf", "--outdir", folder.path]
            + inputs.map(\.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for input in inputs {
            let pdf = folder.appendingPathComponent(input.deletingPathExtension().lastPathComponent + ".pdf")
            let bytes = try Data(contentsOf: pdf)
            #expect(bytes.starts(with: Data("%PDF".utf8)), "\(input.lastPathComponent) did not convert")
            #expect(bytes.count > 10_000, "\(input.lastPathComponent) converted to an almost empty PDF")
        }
    }
}
