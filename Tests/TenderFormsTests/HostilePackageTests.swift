import Foundation
import Testing
import TenderForms
import ZIPFoundation

/// Files that are not honest response forms, each refused with its reason, quickly, without
/// unpacking what it holds.
@Suite struct HostilePackageTests {
    /// Reads `data` saved as `name`, expecting a refusal with `code`; returns it, after checking
    /// it came quickly.
    private func refusal(_ data: Data, named name: String, limits: PackageLimits = PackageLimits()) throws -> FormError {
        let url = try Fixtures.write(data, named: name, in: Fixtures.temporaryFolder())
        let clock = ContinuousClock()
        let started = clock.now
        let error = try #require(throws: FormError.self) { try Fixtures.read(url, packageLimits: limits) }
        #expect(clock.now - started < .seconds(5))
        #expect(error.file == url.path)
        #expect(error.description.hasPrefix("\(url.path): error: "))
        return error
    }

    /// A Word package with one more entry, produced in chunks so the test itself stays small.
    private func docx(adding path: String, size: Int, byte: UInt8 = 0) throws -> Data {
        let archive = try Archive(data: Fixtures.form(.docx), accessMode: .update)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) {
            _, chunk in Data(repeating: byte, count: chunk)
        }
        return try #require(archive.data)
    }

    @Test func zipBombIsRefusedOnItsCompressionRatio() throws {
        let bomb = try docx(adding: "word/media/image1.png", size: 64 * 1_048_576)
        #expect(bomb.count < 1_048_576)
        let error = try refusal(bomb, named: "bomb.docx")
        #expect(error.code == .unsafePackage)
        #expect(error.message.hasPrefix("the entry word/media/image1.png unpacks to 67108864 bytes from "))
        #expect(error.message.hasSuffix("a ratio over 100 to 1 (a ZIP bomb)"))
    }

    /// A bomb that lies: its headers say word/document.xml unpacks to 2,000 bytes, so no
    /// declared-size or ratio check sees it; unpacking stops at the declared size.
    @Test func aPartThatUnpacksToMoreThanItDeclaresIsStopped() throws {
        var entries = try Fixtures.entries(of: Fixtures.form(.docx))
        let index = try #require(entries.firstIndex { $0.0 == "word/document.xml" })
        entries[index].1 = Data(repeating: 0x20, count: 32 * 1_048_576)
        var package = try Fixtures.package(entries)
        let name = Data("word/document.xml".utf8)
        var patched = 0
        for (signature, sizeOffset, nameOffset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22, 30), ([0x50, 0x4B, 0x01, 0x02], 24, 46)] {
            var search = package.startIndex
            while let found = package.range(of: Data(signature), in: search..<package.endIndex) {
                search = found.upperBound
                let at = found.lowerBound
                guard package.count > at + nameOffset + name.count,
                    package.subdata(in: (at + nameOffset)..<(at + nameOffset + name.count)) == name
                else { continue }
                package.replaceSubrange((at + sizeOffset)..<(at + sizeOffset + 4), with: [0xD0, 0x07, 0x00, 0x00])
                patched += 1
            }
        }
        #expect(patched == 2)
        let error = try refusal(package, named: "liar.docx")
        #expect(error.code == .unsafePackage)
        #expect(error.message == "the part word/document.xml unpacks to more bytes than its header declares")
    }

    @Test func aPartOverTheSizeLimitIsRefusedBeforeItIsUnpacked() throws {
        let error = try refusal(Fixtures.form(.docx), named: "big.docx", limits: PackageLimits(maxPartBytes: 5_000))
        #expect(error.code == .unsafePackage)
        #expect(error.message.hasPrefix("the part word/document.xml is "))
        #expect(error.message.hasSuffix("bytes, over the limit of 5000 bytes"))
    }

    @Test func anEntryOverTheEntryLimitIsRefused() throws {
        let package = try docx(adding: "word/media/photo.jpg", size: 3_000, byte: 0xFF)
        let error = try refusal(package, named: "photo.docx", limits: PackageLimits(maxEntryBytes: 2_048))
        #expect(error.code == .unsafePackage)
        #expect(error.message.hasSuffix("bytes, over the limit of 2048 bytes for one entry"))
    }

    @Test func aPackageOverTheTotalLimitIsRefused() throws {
        let error = try refusal(Fixtures.form(.odt), named: "total.odt", limits: PackageLimits(maxTotalBytes: 20_000))
        #expect(error.code == .unsafePackage)
        #expect(error.message == "the package unpacks to more than 20000 bytes in all")
    }

    @Test func deeplyNestedZipIsRefusedAtTheFirstLevel() throws {
        var inner = Data("the innermost file".utf8)
        for level in 1...8 {
            inner = try Fixtures.package([("level-\(level).zip", inner)])
        }
        let package = try Fixtures.package(Fixtures.entries(of: Fixtures.form(.docx)) + [("word/embeddings/nested.zip", inner)])
        let error = try refusal(package, named: "nested.docx")
        #expect(error.code == .unsafePackage)
        #expect(
            error.message
                == "the entry word/embeddings/nested.zip is a ZIP archive inside the package; archives inside a form are not accepted: send embedded files as separate appendices"
        )
    }

    @Test(arguments: [
        ("../../etc/cron.d/evil", "the package holds an entry whose name climbs out of the package with .. (../../etc/cron.d/evil)"),
        ("word/../../evil.xml", "the package holds an entry whose name climbs out of the package with .. (word/../../evil.xml)"),
        ("/etc/passwd", "the package holds an entry with an absolute path (/etc/passwd)"),
        ("C:\\Windows\\evil.dll", "the package holds an entry with an absolute path (C:\\Windows\\evil.dll)"),
    ])
    func pathTraversalNamesAreRefused(name: String, message: String) throws {
        let package = try Fixtures.package(Fixtures.entries(of: Fixtures.form(.docx)) + [(name, Data("x".utf8))])
        let error = try refusal(package, named: "traversal.docx")
        #expect(error.code == .unsafePackage)
        #expect(error.message == message)
    }

    @Test func symbolicLinkEntriesAreRefused() throws {
        let archive = try Archive(data: Fixtures.form(.odt), accessMode: .update)
        let target = Data("/etc/passwd".utf8)
        try archive.addEntry(with: "Pictures/link", type: .symlink, uncompressedSize: Int64(target.count)) { _, _ in target }
        let error = try refusal(try #require(archive.data), named: "link.odt")
        #expect(error.code == .unsafePackage)
        #expect(error.message == "the package holds a symbolic link (Pictures/link); a response form never does")
    }

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
         <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
         <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
         <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
         <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
         <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
        """

    @Test func billionLaughsInTheWordDocumentIsRefused() throws {
        let package = try Fixtures.editing(Fixtures.form(.docx), part: "word/document.xml") { _ in Self.billionLaughs }
        let error = try refusal(package, named: "laughs.docx")
        #expect(error.code == .invalidXML)
        #expect(
            error.message
                == "the part word/document.xml of the package is not acceptable XML: DTDs are not allowed: remove the <!DOCTYPE …> declaration"
        )
    }

    @Test func aDoctypeInOpenDocumentContentIsRefused() throws {
        let package = try Fixtures.editing(Fixtures.form(.odt), part: "content.xml") { xml in
            xml.replacingOccurrences(
                of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE office:document-content SYSTEM \"http://example.org/x.dtd\">\n")
        }
        let error = try refusal(package, named: "doctype.odt")
        #expect(error.code == .invalidXML)
        #expect(error.message.hasPrefix("the part content.xml of the package is not acceptable XML: DTDs are not allowed"))
    }

    @Test func aPackageOfTenThousandEntriesIsRefused() throws {
        let package = try StoredZip.make((0..<10_000).map { ("word/media/image\($0).png", Data([UInt8($0 & 0xFF)])) })
        let error = try refusal(package, named: "many.docx")
        #expect(error.code == .unsafePackage)
        #expect(error.message == "the package holds more than 1000 entries; a response form has a few dozen")
    }

    @Test(arguments: FormFormat.allCases) func aTruncatedPackageIsRefused(format: FormFormat) throws {
        let whole = try Fixtures.form(format)
        let error = try refusal(whole.prefix(whole.count / 2), named: "cut.\(format.rawValue)")
        #expect(error.code == .damagedPackage)
        #expect(
            error.message
                == "the file starts like a ZIP package but its table of contents cannot be read (the file may be cut short or damaged); ask the bidder to save and send it again"
        )
    }

    @Test func aRenamedPDFIsRefusedAsAPDF() throws {
        let error = try refusal(Data("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".utf8), named: "BID-007.docx")
        #expect(error.code == .pdf)
        #expect(
            error.message
                == "the file is a PDF renamed to .docx, not a Word file; ask the bidder for the response form itself (.docx or .odt) — a PDF can come as an appendix"
        )
    }

    @Test func aPDFBidIsRefused() throws {
        let error = try refusal(Data("%PDF-1.4\n".utf8), named: "our-bid.pdf")
        #expect(error.code == .pdf)
        #expect(error.message.hasPrefix("the file is a PDF; answers are read only from the response form as .docx or .odt"))
    }

    static let macros =
        "the file is a macro-enabled Word document (.docm); macros are never accepted: ask the bidder to save the form as .docx (Word Document)"

    @Test func aDocmIsRefusedByItsContentType() throws {
        let package = try Fixtures.editing(Fixtures.form(.docx), part: "[Content_Types].xml") { xml in
            xml.replacingOccurrences(
                of: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                with: "application/vnd.ms-word.document.macroEnabled.main+xml")
        }
        let error = try refusal(package, named: "bid.docm")
        #expect(error.code == .macros)
        #expect(error.message == Self.macros)
    }

    @Test func aDocxHidingAVBAProjectIsRefused() throws {
        let package = try Fixtures.package(
            Fixtures.entries(of: Fixtures.form(.docx)) + [("word/vbaProject.bin", Data([0xD0, 0xCF, 0x11, 0xE0]))])
        let error = try refusal(package, named: "innocent.docx")
        #expect(error.code == .macros)
        #expect(error.message == Self.macros)
    }

    @Test func anOpenDocumentWithBasicMacrosIsRefused() throws {
        let package = try Fixtures.package(
            Fixtures.entries(of: Fixtures.form(.odt)) + [("Basic/Standard/Module1.xml", Data("<x/>".utf8))])
        let error = try refusal(package, named: "macro.odt")
        #expect(error.code == .macros)
    }

    /// An OLE compound file whose directory names `stream` (UTF-16, as OLE stores names).
    private func ole(holding stream: String) -> Data {
        var bytes = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(repeating: 0, count: 504)
        bytes += Data(stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return bytes + Data(repeating: 0, count: 512)
    }

    @Test func aPasswordProtectedWordFileIsRefusedAsEncrypted() throws {
        let error = try refusal(ole(holding: "EncryptionInfo"), named: "locked.docx")
        #expect(error.code == .encrypted)
        #expect(
            error.message
                == "the file is password-protected (an encrypted Office file, which is stored as an OLE compound file); ask the bidder to remove the password and send the form again"
        )
    }

    @Test func aLegacyDocIsRefusedAsLegacy() throws {
        let error = try refusal(ole(holding: "WordDocument"), named: "bid.doc")
        #expect(error.code == .legacyWord)
        #expect(
            error.message
                == "the file is a legacy Word 97–2003 document (.doc, an OLE compound file); ask the bidder to save the form as .docx and send it again"
        )
    }

    @Test func anEncryptedOpenDocumentIsRefused() throws {
        let package = try Fixtures.editing(Fixtures.form(.odt), part: "META-INF/manifest.xml") { xml in
            xml.replacingOccurrences(
                of: "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>",
                with:
                    "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"><manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"AAAA\"/></manifest:file-entry>"
            )
        }
        let error = try refusal(package, named: "locked.odt")
        #expect(error.code == .encrypted)
        #expect(error.message.hasPrefix("the file is password-protected (encrypted OpenDocument)"))
    }

    @Test func aZipThatIsNotAFormIsRefused() throws {
        let error = try refusal(Fixtures.package([("answers.txt", Data("hello".utf8))]), named: "bid.docx")
        #expect(error.code == .notAForm)
        #expect(
            error.message
                == "the file is a ZIP archive, not a Word or OpenDocument response form; send the form itself, with appendices as separate files"
        )
    }

    @Test func plainTextIsRefused() throws {
        let error = try refusal(Data("Our bid: we are great.".utf8), named: "bid.docx")
        #expect(error.code == .notAForm)
        #expect(
            error.message
                == "the file is not a Word (.docx) or OpenDocument (.odt) response form: it is a file that does not start as a ZIP package"
        )
    }

    @Test func aFormOverTheFileLimitIsRefusedBeforeItIsRead() throws {
        let error = try refusal(Fixtures.form(.docx), named: "big.docx", limits: PackageLimits(maxFileBytes: 100))
        #expect(error.code == .tooLarge)
        #expect(error.message.hasPrefix("the response form is "))
        #expect(error.message.hasSuffix(" bytes, over the limit of 100 bytes"))
    }
}
