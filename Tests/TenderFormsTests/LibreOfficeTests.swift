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

    /// A bidder who opens a form in LibreOffice and saves it again in the same format: the .odt
    /// keeps its sections and reads back the same; a .docx keeps its content-control tags from
    /// LibreOffice 7.5 on, and before that is refused with the reason, never read in part.
    @Test(.enabled(if: soffice != nil), .timeLimit(.minutes(3)), arguments: ["BID-008/BID-008.docx", "BID-009/BID-009.odt"])
    func aFormSavedAgainByLibreOfficeReadsTheSameOrIsRefused(sample: String) throws {
        let soffice = try #require(Self.soffice)
        let folder = try Fixtures.temporaryFolder()
        let original = Fixtures.repositoryRoot.appendingPathComponent("Samples/forms/\(sample)")
        let format = try #require(FormFormat(fileName: original.lastPathComponent))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", format.rawValue, "--outdir",
            folder.appendingPathComponent("out").path, original.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let resaved = folder.appendingPathComponent("out/\(original.lastPathComponent)")
        let appendix = try #require(
            try FileManager.default.contentsOfDirectory(at: original.deletingLastPathComponent(), includingPropertiesForKeys: nil)
                .first { $0.pathExtension == "pdf" })
        let before = try Fixtures.read(original, appendices: [appendix])
        do {
            let after = try Fixtures.read(resaved, appendices: [appendix])
            #expect(after.answers == before.answers)
            #expect(after.submission.bidder == before.submission.bidder)
            #expect(after.submission.price == before.submission.price)
            #expect(after.submission.responses.map(\.evidence) == before.submission.responses.map(\.evidence))
        } catch let error as FormError {
            #expect(format == .docx)
            #expect(error.code == .missingMarker)
            #expect(error.message.contains("LibreOffice 7.4 and earlier"))
        }
    }
}
