import Foundation
import Testing
import TenderForms

/// Appendices are read byte for byte with their digest; programs, archives, links and files over
/// the limits are refused, each with its reason.
@Suite struct AppendixTests {
    private func refusal(_ bytes: Data, named name: String, limits: AppendixLimits = AppendixLimits()) throws -> FormError {
        let url = try Fixtures.write(bytes, named: name, in: Fixtures.temporaryFolder())
        let error = try #require(throws: FormError.self) { try Appendices.read([url], limits: limits) }
        #expect(error.code == .refusedAppendix)
        #expect(error.file == url.path)
        return error
    }

    @Test func aPDFIsReadByteForByteWithItsDigest() throws {
        let bytes = Data("%PDF-1.4\n% letters of support\n".utf8)
        let url = try Fixtures.write(bytes, named: "letters.pdf", in: Fixtures.temporaryFolder())
        let files = try Appendices.read([url])
        #expect(files.map(\.fileName) == ["letters.pdf"])
        #expect(files.first?.bytes == bytes)
        // sha256sum of the same bytes, worked out with coreutils.
        #expect(files.first?.sha256 == ReceivedFile(fileName: "x", bytes: bytes).sha256)
        #expect(ReceivedFile(fileName: "x", bytes: Data("abc".utf8)).sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test(arguments: [
        ([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1], "tool.pdf", "the appendix is a Linux program (ELF); programs and scripts are not accepted"),
        ([0x4D, 0x5A, 0x90, 0x00], "setup.pdf", "the appendix is a Windows program (PE); programs and scripts are not accepted"),
        ([0xCF, 0xFA, 0xED, 0xFE], "app.pdf", "the appendix is a macOS program (Mach-O); programs and scripts are not accepted"),
        (Array("#!/bin/sh\nrm -rf ~\n".utf8), "notes.txt", "the appendix is a script (it starts with #!); programs and scripts are not accepted"),
    ] as [([UInt8], String, String)])
    func programsAreRefused(bytes: [UInt8], name: String, message: String) throws {
        #expect(try refusal(Data(bytes), named: name).message == message)
    }

    @Test(arguments: [
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"),
        ([0x1F, 0x8B, 0x08], "a gzip archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        (Array("Rar!\u{1A}\u{07}\u{00}".utf8), "a RAR archive"),
        (Array(repeating: 0, count: 257) + Array("ustar\u{0}00".utf8) + Array(repeating: 0, count: 100), "a tar archive"),
    ] as [([UInt8], String)])
    func archivesAreRefused(bytes: [UInt8], name: String) throws {
        let error = try refusal(Data(bytes), named: "evidence.pdf")
        #expect(
            error.message
                == "the appendix is \(name) (Word and Excel files are ZIP packages too); archives are not accepted: send each document on its own, as PDF"
        )
    }

    @Test func aFileOverTheLimitIsRefused() throws {
        let error = try refusal(Data(repeating: 0x41, count: 2_000), named: "big.pdf", limits: AppendixLimits(maxFileBytes: 1_000))
        #expect(error.message == "the appendix is 2000 bytes, over the limit of 1000 bytes")
    }

    @Test func tooManyAppendicesAreRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        let urls = try (1...3).map { try Fixtures.write(Data("a".utf8), named: "a\($0).txt", in: folder) }
        let error = try #require(throws: FormError.self) { try Appendices.read(urls, limits: AppendixLimits(maxCount: 2)) }
        #expect(error.code == .refusedAppendix)
        #expect(error.message == "3 appendices were sent; at most 2 are accepted")
    }

    @Test func appendicesOverTheTotalAreRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        let urls = try (1...3).map { try Fixtures.write(Data(repeating: 0x41, count: 600), named: "a\($0).txt", in: folder) }
        let error = try #require(throws: FormError.self) {
            try Appendices.read(urls, limits: AppendixLimits(maxTotalBytes: 1_000))
        }
        #expect(error.file == urls[1].path)
        #expect(error.message == "the appendices come to more than 1000 bytes together, over the limit")
    }

    @Test func aSymbolicLinkIsRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        let link = folder.appendingPathComponent("passwords.pdf")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/etc/passwd")
        let error = try #require(throws: FormError.self) { try Appendices.read([link]) }
        #expect(error.code == .refusedAppendix)
        #expect(error.message == "the appendix is a symbolic link; give the file itself")
    }

    @Test func twoAppendicesWithOneNameAreRefused() throws {
        let first = try Fixtures.write(Data("a".utf8), named: "Map.pdf", in: Fixtures.temporaryFolder())
        let second = try Fixtures.write(Data("b".utf8), named: "map.pdf", in: Fixtures.temporaryFolder())
        let error = try #require(throws: FormError.self) { try Appendices.read([first, second]) }
        #expect(error.message == "two appendices are named map.pdf")
    }

    @Test func hiddenFilesAndTheFormAreNotAppendices() throws {
        let folder = try Fixtures.temporaryFolder()
        _ = try Fixtures.write(Data("x".utf8), named: ".DS_Store", in: folder)
        _ = try Fixtures.write(Data("x".utf8), named: "form.docx", in: folder)
        _ = try Fixtures.write(Data("%PDF".utf8), named: "b.pdf", in: folder)
        _ = try Fixtures.write(Data("%PDF".utf8), named: "a.pdf", in: folder)
        #expect(try Appendices.files(in: folder, excluding: ["form.docx"]).map(\.lastPathComponent) == ["a.pdf", "b.pdf"])
    }

    @Test func aBidFolderWithASubfolderIsRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("more"), withIntermediateDirectories: true)
        let error = try #require(throws: FormError.self) { try Appendices.files(in: folder) }
        #expect(error.message == "a bid's folder holds its form and appendices only, not other folders")
    }

    @Test func aBidFolderWithTwoFormsIsRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        _ = try Fixtures.write(Fixtures.form(.docx), named: "a.docx", in: folder)
        _ = try Fixtures.write(Fixtures.form(.odt), named: "b.odt", in: folder)
        let error = try #require(throws: FormError.self) {
            try CompletedForm.read(
                folder: folder, criteria: Fixtures.criteria(), tender: Fixtures.tender, submissionID: "BID-1", submitted: Date())
        }
        #expect(error.code == .notAForm)
        #expect(error.message == "the folder holds 2 response forms (a.docx, b.odt); a bid's folder holds one")
    }
}
