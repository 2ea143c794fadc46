import Foundation
import TenderForms
import TenderModel
import TenderXML
import TenderTestSupport
import Testing
import ZIPFoundation

/// Response forms through the command line, as a commissioner uses them: issue the form, import
/// the completed forms with their appendices, write a bid out as received.
@Suite("response forms through the CLI: questionnaire, import, export, refusals")
struct FormCommandTests {
    @Test("questionnaire writes a form that reads back with no answers, and never over a file")
    func questionnaire() throws {
        let tender = try CLITender.withBids()
        for name in ["form.docx", "form.odt"] {
            let path = tender.folder.appendingPathComponent(name).path
            let written = try tender.expectSuccess(["questionnaire", "--output", path])
            #expect(written.stdout.contains("Wrote the response form for TND-2026-014 (6 questions) to \(path)"))
            let criteria = try #require(Criteria.sample)
            // Blank, it is refused only for the missing name: every marker was found, for this tender.
            #expect {
                _ = try CompletedForm.read(
                    form: URL(fileURLWithPath: path), criteria: criteria, tender: "TND-2026-014", submissionID: "BID-100",
                    submitted: Date())
            } throws: { error in
                (error as? FormError)?.description == "\(path): error: the name of the organisation is blank"
            }
            // With the bidder's details filled in as a word processor would, it reads back with no answers.
            if let filled = try Self.fillDetails(path) {
                let read = try CompletedForm.read(
                    form: URL(fileURLWithPath: filled), criteria: criteria, tender: "TND-2026-014", submissionID: "BID-100",
                    submitted: Date())
                #expect(read.submission.bidder.name == "Test Bidder Ltd")
                #expect(read.submission.responses.isEmpty)
                #expect(read.answers.values.allSatisfy { $0.isEmpty })
            }
            let again = try tender.run(["questionnaire", "--output", path])
            #expect(again.status == 1)
            #expect(again.stderr.contains("\(path) already exists; nothing was written over it"))
        }
        let wrong = try tender.run(["questionnaire", "--output", tender.folder.appendingPathComponent("form.pdf").path])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("a response form is written as .docx (Word) or .odt (LibreOffice)"))
    }

    @Test("one command imports both sample forms with their appendices; validate and export agree")
    func importAndExport() throws {
        let tender = try CLITender.withBids()
        let imported = try tender.expectSuccess([
            "submissions", "import", tender.sample("forms"), "--submitted", "2026-10-08T15:10:00Z",
        ])
        #expect(imported.stdout.contains("received BID-008 from Northfield Circle of Friends ("))
        #expect(imported.stdout.contains("received BID-009 from Kestrel Support Partnership Ltd ("))
        #expect(imported.stdout.contains("with 1 appendix)"))
        #expect(imported.stdout.contains("Recorded 2 events"))
        #expect(imported.stderr.isEmpty, "\(imported.stderr)")
        #expect(try tender.run(["audit", "verify"]).status == 0)

        let out = tender.folder.appendingPathComponent("BID-008").path
        let export = try tender.expectSuccess(["submissions", "export", "BID-008", "--output", out])
        #expect(export.stdout.contains("Wrote \(out)/BID-008.docx (SHA-256 "))
        for name in ["BID-008.docx", "appendix-a-northfield-asset-map.pdf"] {
            #expect(
                FileManager.default.contents(atPath: out + "/" + name)
                    == FileManager.default.contents(atPath: tender.sample("forms/BID-008/" + name)))
        }
        let xml = try String(contentsOfFile: out + "/BID-008.xml", encoding: .utf8)
        #expect(xml.contains("id=\"BID-008\""))
        #expect(xml.contains("submitted=\"2026-10-08T15:10:00Z\""))
        #expect(xml.contains("<original file=\"BID-008.docx\" sha256=\""))
        let valid = try CLI.run(["validate", "Criteria/coproduction-commissioning.xml", out + "/BID-008.xml"])
        #expect(valid.status == 0, "\(valid.stderr)")
        let again = try tender.run(["submissions", "export", "BID-008", "--output", out])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exist"))
        let missing = try tender.run(["submissions", "export", "BID-404", "--output", out])
        #expect(missing.stderr.contains("BID-404 is not a bid of tender TND-2026-014"))
    }

    @Test("a form given as a file takes its appendices from --appendix, and is refused without them")
    func formFileWithAppendix() throws {
        let tender = try CLITender.withBids()
        let form = tender.sample("forms/BID-008/BID-008.docx")
        let alone = try tender.run(["submissions", "import", form])
        #expect(alone.status == 1)
        #expect(
            alone.stderr.contains(
                "\(form): error: question 1 (local-assets: Recognise local assets) names the appendix “appendix-a-northfield-asset-map.pdf”, but no appendices were sent; ask the bidder for the file, or check the name"
            ))
        let misplaced = try tender.run(["submissions", "import", tender.sample("forms"), "--appendix", form])
        #expect(misplaced.stderr.contains("--appendix goes with one response form given as a file; a bid's folder holds its own appendices"))
        let imported = try tender.expectSuccess([
            "submissions", "import", form, "--appendix", tender.sample("forms/BID-008/appendix-a-northfield-asset-map.pdf"),
            "--id", "BID-018",
        ])
        #expect(imported.stdout.contains("#10 received BID-018 from Northfield Circle of Friends (\(form), SHA-256 "))
        #expect(imported.stdout.contains(", with 1 appendix)"))
    }

    @Test("validate reads a form against the criteria and the panel's tender")
    func validateForms() throws {
        let result = try CLI.run([
            "validate", "Criteria/coproduction-commissioning.xml", "Samples/panel.xml", "Samples/forms/BID-009",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "Samples/forms/BID-009/BID-009.odt: valid response form (BID-009, Kestrel Support Partnership Ltd, 6 of 6 questions answered, 1 appendix)"
            ))
        let alone = try CLI.run(["validate", "Samples/forms/BID-008/BID-008.docx"])
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("a response form is read against the tender's criteria"))
    }

    @Test("a .docm, a legacy .doc, an encrypted file and a PDF 'bid' are each refused, naming the file")
    func refusals() throws {
        let tender = try CLITender.withBids()
        let before = try tender.head()
        let pdf = tender.folder.appendingPathComponent("BID-010.pdf").path
        try FileManager.default.copyItem(atPath: tender.sample("forms/BID-008/appendix-a-northfield-asset-map.pdf"), toPath: pdf)
        // A Word document with macros: the sample form, typed as macro-enabled, as Word saves a .docm.
        let docm = tender.folder.appendingPathComponent("BID-011.docm").path
        try FileManager.default.copyItem(atPath: tender.sample("forms/BID-008/BID-008.docx"), toPath: docm)
        try Self.markMacroEnabled(docm)
        // Legacy Word and encrypted OOXML are both OLE compound files.
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let doc = tender.folder.appendingPathComponent("BID-012.doc").path
        try Data(ole).write(to: URL(fileURLWithPath: doc))
        let encrypted = tender.folder.appendingPathComponent("BID-013.docx").path
        try Data(ole + Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })).write(
            to: URL(fileURLWithPath: encrypted))
        for (path, message) in [
            (pdf, "the file is a PDF; answers are read only from the response form as .docx or .odt, so ask the bidder for the completed form (a PDF can come as an appendix)"),
            (docm, "the file is a macro-enabled Word document (.docm); macros are never accepted: ask the bidder to save the form as .docx (Word Document)"),
            (doc, "the file is an OLE compound file: a legacy Office document (such as .doc) or a password-protected one; ask the bidder to save the form as .docx without a password"),
            (encrypted, "the file is password-protected (an encrypted Office file, which is stored as an OLE compound file); ask the bidder to remove the password and send the form again"),
        ] {
            let outcome = try tender.run(["submissions", "import", path])
            #expect(outcome.status == 1)
            #expect(outcome.stderr == "tenderscore: Nothing was imported: 1 error in the 1 file given.\n\(path): error: \(message)\n")
        }
        #expect(try tender.head() == before)
        let noForm = tender.folder.appendingPathComponent("BID-014")
        try FileManager.default.createDirectory(at: noForm, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: pdf, toPath: noForm.appendingPathComponent("bid.pdf").path)
        let folder = try tender.run(["submissions", "import", noForm.path])
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("No submission files were given"), "\(folder.stderr)")
        let twoIDs = try tender.run(["submissions", "import", tender.sample("forms"), "--id", "BID-020"])
        #expect(twoIDs.stderr.contains("--id names the bid of one response form, and 2 were given"))
        let badTime = try tender.run(["submissions", "import", tender.sample("forms/BID-008"), "--submitted", "yesterday"])
        #expect(badTime.status == 2)
        #expect(badTime.stderr.contains("--submitted yesterday is not a time; write it as 2026-10-08T15:10:00Z"))
    }

    /// Fills in only the bidder's name, type and price with Samples/forms/fill_form.py (python-docx,
    /// odfpy); nil when no such Python is installed (TENDERSCORE_PYTHON, else /tmp/forms-venv).
    static func fillDetails(_ form: String) throws -> String? {
        let python = [ProcessInfo.processInfo.environment["TENDERSCORE_PYTHON"], "/tmp/forms-venv/bin/python"]
            .compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else { return nil }
        let answers = form + ".json"
        try Data(
            #"{"fields": {"tenderscore:bidder:name": "Test Bidder Ltd", "tenderscore:bidder:type": "sme", "tenderscore:price": "1000000.00"}}"#
                .utf8
        ).write(to: URL(fileURLWithPath: answers))
        let output = (form as NSString).deletingPathExtension + "-filled." + (form as NSString).pathExtension
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [CLI.packageRoot.appendingPathComponent("Samples/forms/fill_form.py").path, form, answers, output]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return output
    }

    /// Retypes a .docx's main part as macro-enabled, the content type Word gives a .docm.
    static func markMacroEnabled(_ path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .update)
        let entry = try #require(archive["[Content_Types].xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        let edited = Data(
            String(decoding: xml, as: UTF8.self).replacingOccurrences(
                of: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                with: "application/vnd.ms-word.document.macroEnabled.main+xml"
            ).utf8)
        try archive.remove(entry)
        try archive.addEntry(
            with: "[Content_Types].xml", type: .file, uncompressedSize: Int64(edited.count), compressionMethod: .deflate
        ) { position, size in
            edited.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}

extension Criteria {
    /// The sample tender's criteria, read with the project's own loader.
    static var sample: Criteria? {
        let path = CLI.packageRoot.appendingPathComponent("Criteria/coproduction-commissioning.xml").path
        guard case .criteria(let criteria) = try? DocumentLoader().load(path: path).document else { return nil }
        return criteria
    }
}
