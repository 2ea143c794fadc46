import Crypto
import Foundation
import TenderForms
import TenderModel
import TenderStore
import TenderTestSupport
import TenderWorkflow
import Testing

/// Bids sent as filled-in response forms, imported through the same use case as XML bids: what
/// is kept, what the history records, and that a refusal leaves nothing behind.
@Suite struct FormImportTests {
    static func sha256(_ path: String) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: path))
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    static let docx = SampleTender.formBids[0] + "/BID-008.docx"
    static let docxAppendix = SampleTender.formBids[0] + "/appendix-a-northfield-asset-map.pdf"
    static let odt = SampleTender.formBids[1] + "/BID-009.odt"
    static let odtAppendix = SampleTender.formBids[1] + "/appendix-a-sensory-timetable.pdf"

    @Test("both sample forms are imported with the form, each appendix and the derived XML kept byte for byte")
    func keptByteForByte() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        let report = try await tender.importForms(folders: SampleTender.formBids, actor: "Dev Patel")
        #expect(report.events.map(\.kind) == [.submissionReceived, .submissionReceived])
        #expect(report.events[0].summary.contains("BID-008 from Northfield Circle of Friends"))
        #expect(report.events[0].summary.contains("SHA-256 \(try Self.sha256(Self.docx)), with 1 appendix"))

        for (id, form, appendix) in [("BID-008", Self.docx, Self.docxAppendix), ("BID-009", Self.odt, Self.odtAppendix)] {
            let bid = try #require(try await tender.receivedFiles(ofSubmission: id, for: ActingPerson("Dev Patel")))
            #expect(bid.original.bytes == [UInt8](try #require(FileManager.default.contents(atPath: form))))
            #expect(bid.original.sha256 == (try Self.sha256(form)))
            #expect(bid.original.file == form)
            #expect(bid.appendices.map(\.bytes) == [[UInt8](try #require(FileManager.default.contents(atPath: appendix)))])
            #expect(bid.appendices.map(\.sha256) == [try Self.sha256(appendix)])
            // The derived XML is kept too, and names the form's digest.
            let derived = try #require(bid.derived)
            #expect(derived.file == id + ".xml")
            let xml = String(decoding: derived.bytes, as: UTF8.self)
            #expect(xml.contains("<original file=\"\((form as NSString).lastPathComponent)\" sha256=\"\(bid.original.sha256)\"/>"))
            // `originalDocument` (the evaluation pack's source) is the form as received.
            #expect(try await tender.originalDocument(ofSubmission: id)?.sha256 == bid.original.sha256)
            // The bid on record carries the same reference.
            let submission = try #require(try await tender.submissions().first { $0.id == id })
            #expect(submission.original == OriginalDocument(fileName: (form as NSString).lastPathComponent, sha256: bid.original.sha256))
        }
        let history = try await tender.events(submission: "BID-008")
        let payload = try #require(history.first { $0.kind == .submissionReceived }?.payload)
        #expect(payload.contains("\"appendices\":[{"))
        #expect(payload.contains(try Self.sha256(Self.docxAppendix)))
        #expect(payload.contains("\"derived\":{"))
        let verification = try await tender.verify()
        #expect(verification.isIntact, "\(verification.problems)")
    }

    @Test("an appendix no answer names is kept, with one warning naming the form and the file")
    func unnamedAppendix() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        let folder = try TemporaryFolder()
        let bid = folder.file("BID-008")
        try FileManager.default.copyItem(atPath: SampleTender.formBids[0], toPath: bid)
        try FileManager.default.copyItem(atPath: Self.docxAppendix, toPath: bid + "/letters-of-support.pdf")
        let report = try await tender.importForms(folders: [bid], actor: "Dev Patel")
        #expect(
            report.warnings.map(\.description) == [
                "\(bid)/BID-008.docx: warning: the appendix letters-of-support.pdf was sent but no answer names it; it is kept with the bid but not listed as evidence"
            ])
        let received = try #require(try await tender.receivedFiles(ofSubmission: "BID-008", for: ActingPerson("Dev Patel")))
        #expect(received.appendices.map(\.file) == [bid + "/appendix-a-northfield-asset-map.pdf", bid + "/letters-of-support.pdf"])
    }

    @Test("an XML bid's payload has no appendices or derived fields, so earlier histories hash as before")
    func xmlBidsUnchanged() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        let payload = try #require(try await tender.events(submission: "BID-003").first { $0.kind == .submissionReceived }?.payload)
        #expect(!payload.contains("appendices"))
        #expect(!payload.contains("derived"))
        #expect(!payload.contains("original"))
        let bid = try #require(try await tender.receivedFiles(ofSubmission: "BID-003", for: ActingPerson("Dev Patel")))
        #expect(bid.appendices.isEmpty && bid.derived == nil)
    }

    @Test("the form bids are scored, ranked and verified like any other")
    func scoredWithTheRest() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        _ = try await tender.importForms(folders: SampleTender.formBids, actor: "Dev Patel")
        for name in try FileManager.default.contentsOfDirectory(atPath: SampleTender.formScoresheets).sorted() {
            let member = (name as NSString).deletingPathExtension
            let report = try await tender.importScores(file: SampleTender.formScoresheets + "/" + name, actor: member)
            #expect(report.events.count == 12)
        }
        #expect(try await tender.scores().filter { $0.submission == "BID-009" }.count == 30)
        #expect(try await tender.verify().isIntact)
    }

    @Test("a form whose id is already on record is refused, with every problem listed, and nothing is kept")
    func allOrNothing() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        let before = try await tender.head()
        let folder = try TemporaryFolder()
        // BID-009's form sent again under BID-001's id, beside a valid BID-008 and a PDF "bid".
        let pdf = folder.file("BID-010.docx")
        try FileManager.default.copyItem(atPath: Self.docxAppendix, toPath: pdf)
        let forms = [
            try ReceivedForm.read(folder: SampleTender.formBids[0], submitted: Date()),
            try ReceivedForm.read(form: Self.odt, appendices: [Self.odtAppendix], submissionID: "BID-001", submitted: Date()),
            try ReceivedForm.read(form: pdf, submitted: Date()),
        ]
        await #expect {
            _ = try await tender.importSubmissions([], forms: forms, by: ActingPerson("Dev Patel"))
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            let lines = error.diagnostics.filter { $0.severity == .error }.map(\.description)
            return error.message == "Nothing was imported: 2 errors in the 3 files given."
                && lines.contains {
                    $0 == "\(pdf): error: the file is a PDF renamed to .docx, not a Word file; ask the bidder for the response form itself (.docx or .odt) — a PDF can come as an appendix"
                }
                && lines.contains { $0.contains("BID-001 was already received (event ") }
        }
        let after = try await tender.head()
        #expect(after.sequence == before.sequence && after.hash == before.hash)
        #expect(try await tender.submissions().count == 7)
        #expect(try await tender.receivedFiles(ofSubmission: "BID-008", for: ActingPerson("Dev Patel")) == nil)
    }

    @Test("a form imported again is refused unless replaced with a reason; the replacement keeps the new bytes")
    func replacement() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        _ = try await tender.importForms(folders: [SampleTender.formBids[0]], actor: "Dev Patel")
        await #expect {
            _ = try await tender.importForms(folders: [SampleTender.formBids[0]], actor: "Dev Patel")
        } throws: { error in
            (error as? StoreError)?.diagnostics.contains {
                $0.message.hasPrefix("BID-008 was already received (event 10); importing it again is refused")
            } == true
        }
        await #expect {
            _ = try await tender.importForms(
                folders: [SampleTender.formBids[0]], actor: "Dev Patel", replacementReason: "Bidder resent it")
        } throws: { error in
            (error as? StoreError)?.diagnostics.contains { $0.message.contains("is identical to the bid received at event 10") } == true
        }
        // Another form file (the .odt) under BID-008: a real replacement, with the new bytes kept.
        let other = try ReceivedForm.read(
            form: Self.odt, appendices: [Self.odtAppendix], submissionID: "BID-008", submitted: Date())
        let report = try await tender.importSubmissions(
            [], forms: [other], by: ActingPerson("Dev Patel"), replacementReason: "Bidder sent a corrected form")
        #expect(report.events.map(\.kind) == [.submissionReplaced])
        let bid = try #require(try await tender.receivedFiles(ofSubmission: "BID-008", for: ActingPerson("Dev Patel")))
        #expect(bid.original.sha256 == (try Self.sha256(Self.odt)))
        #expect(try await tender.verify().isIntact)
    }

    @Test("a conflicted member cannot write out the bid they declared a conflict with")
    func conflictedMember() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        await #expect {
            _ = try await tender.receivedFiles(ofSubmission: "BID-005", for: ActingPerson("p-ruth"))
        } throws: { error in
            (error as? StoreError)?.message == "p-ruth declared a conflict of interest with BID-005, so does not read it."
        }
    }

    @Test("an appendix that is a program is refused as it is read, naming the file")
    func programAppendix() throws {
        let folder = try TemporaryFolder()
        let bid = folder.file("BID-011")
        try FileManager.default.createDirectory(atPath: bid, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.docx, toPath: bid + "/BID-011.docx")
        try Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 56)).write(
            to: URL(fileURLWithPath: bid + "/tool.pdf"))
        #expect {
            _ = try ReceivedForm.read(folder: bid, submitted: Date())
        } throws: { error in
            let error = error as? FormError
            return error?.code == .refusedAppendix && error?.file == bid + "/tool.pdf"
                && error?.message == "the appendix is a Linux program (ELF); programs and scripts are not accepted"
        }
    }

    @Test("an upload already in memory has its appendices checked the same way")
    func uploadedAppendices() throws {
        let form = ReceivedFile(fileName: "BID-012.docx", bytes: try #require(FileManager.default.contents(atPath: Self.docx)))
        let zip = ReceivedFile(fileName: "evidence.pdf", bytes: Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 60)))
        #expect {
            _ = try ReceivedForm(
                path: "upload/BID-012.docx", form: form, appendices: [("upload/evidence.pdf", zip)], submissionID: "BID-012",
                submitted: Date())
        } throws: { error in
            (error as? FormError)?.description
                == "upload/evidence.pdf: error: the appendix is a ZIP archive (Word and Excel files are ZIP packages too); archives are not accepted: send each document on its own, as PDF"
        }
        let pdf = ReceivedFile(fileName: "map.pdf", bytes: try #require(FileManager.default.contents(atPath: Self.docxAppendix)))
        #expect {
            _ = try ReceivedForm(
                path: "upload/BID-012.docx", form: form, appendices: [("upload/map.pdf", pdf), ("upload/MAP.pdf", pdf)],
                submissionID: "BID-012", submitted: Date())
        } throws: { error in
            (error as? FormError)?.description == "upload/MAP.pdf: error: two appendices are named map.pdf"
        }
    }

    @Test("a bid id that is not an identifier is refused, naming the file")
    func badIdentifier() throws {
        #expect {
            _ = try ReceivedForm.read(form: Self.docx, submissionID: "bid 8", submitted: Date())
        } throws: { error in
            (error as? FormError)?.message.hasPrefix("\"bid 8\" is not a usable bid id") == true
        }
    }
}
