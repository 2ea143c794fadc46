import Foundation
import Testing
@testable import TenderExport
import TenderModel

/// Evidence appendices were shown only as file names; now the files the caller supplies are
/// copied into the pack and linked, and the others are said plainly to be missing.
@Suite struct PackEvidenceTests {
    static let assetMap = Data("%PDF-1.4 asset map".utf8)
    static let goodWeek = Data("%PDF-1.4 good week".utf8)

    static func pack(_ panelist: String, anonymise: Bool, evidence: [String: [EvidenceFile]]) throws -> EvaluationPack {
        let docs = try SampleTender.documents()
        return try EvaluationPack(
            tender: docs.panel.tender, title: SampleTender.title, criteria: docs.criteria, submissions: docs.submissions,
            panel: docs.panel, panelist: panelist, anonymise: anonymise, importWarnings: docs.importWarnings,
            evidence: evidence, generatedAt: SampleTender.generatedAt)
    }

    /// BID-001 names six appendices; two are supplied (and one file the bid never names, which is
    /// left out).
    @Test func suppliedFilesAreCopiedAndLinkedAndTheRestSaidMissing() throws {
        let pack = try Self.pack(
            "p-amira", anonymise: false,
            evidence: [
                "BID-001": [
                    EvidenceFile(href: "appendix-a-asset-map.pdf", contents: Self.assetMap),
                    EvidenceFile(href: "appendix-b-good-week-report.pdf", contents: Self.goodWeek),
                    EvidenceFile(href: "not-named-by-the-bid.pdf", contents: Data("x".utf8)),
                ]
            ])
        let first = try #require(pack.files.first { $0.name == "BID-001-evidence-1.pdf" })
        let second = try #require(pack.files.first { $0.name == "BID-001-evidence-2.pdf" })
        #expect(first.data == Self.assetMap)
        #expect(second.data == Self.goodWeek)
        #expect(pack.files.filter { $0.name.contains("-evidence-") }.count == 2)
        let page = try PackReadabilityTests.page("BID-001.html", of: pack)
        #expect(
            page.contains(
                "<a class=\"evidence-link\" href=\"BID-001-evidence-1.pdf\"><bdi>Appendix A: Westfield asset map, made by our members (2025)</bdi></a>"))
        #expect(page.contains("href=\"BID-001-evidence-2.pdf\""))
        #expect(page.components(separatedBy: "<span class=\"evidence-missing\">Not supplied with the pack.</span>").count - 1 == 4)
        #expect(page.contains("<p>The bid names 6 documents as evidence.</p>"))
        #expect(page.contains("<p>2 of them are in this pack.</p>"))
        #expect(page.contains("<p>4 were not supplied with the pack.</p>"))
        // A bid whose files were not given at all says so once at the top too.
        let third = try PackReadabilityTests.page("BID-003.html", of: pack)
        #expect(third.contains("<p>None of them were supplied with the pack.</p>"))

        let folder = CustomTender.temporaryFolder("pack-evidence")
        defer { try? FileManager.default.removeItem(at: folder) }
        try pack.write(to: folder)
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("BID-001-evidence-1.pdf").path) == Self.assetMap)
    }

    /// A copy is never named after the bidder's href: in an anonymised pack
    /// `beacon-annual-report-2025.pdf` would name the bidder. Evidence of a conflicted bid is
    /// never copied.
    @Test func copiesHaveNeutralNamesAndConflictsAreLeftOut() throws {
        let beacon = [EvidenceFile(href: "beacon-annual-report-2025.pdf", contents: Data("%PDF annual".utf8))]
        let amira = try Self.pack("p-amira", anonymise: true, evidence: ["BID-005": beacon])
        let copy = try #require(amira.files.first { $0.name == "BID-005-evidence-1.pdf" })
        #expect(copy.data == beacon[0].contents)
        for file in amira.files {
            #expect(!file.name.lowercased().contains("beacon"))
            if file.name.hasSuffix(".html") { #expect(!file.contents.contains("beacon-annual-report")) }
        }
        // Ruth declared a conflict with BID-005.
        let ruth = try Self.pack("p-ruth", anonymise: false, evidence: ["BID-005": beacon])
        #expect(!ruth.files.contains { $0.name.hasPrefix("BID-005") })
    }

    /// Only ordinary document kinds keep their extension: an `.html` or `.svg` file would open as
    /// a page, running the bidder's script beside the pack's own pages.
    @Test func onlyDocumentExtensionsAreKept() {
        #expect(EvidenceCopies.fileExtension(of: "appendix.PDF") == ".pdf")
        #expect(EvidenceCopies.fileExtension(of: "files/report.docx?version=2") == ".docx")
        #expect(EvidenceCopies.fileExtension(of: "page.html") == "")
        #expect(EvidenceCopies.fileExtension(of: "drawing.svg") == "")
        #expect(EvidenceCopies.fileExtension(of: "../../etc/passwd") == "")
        #expect(EvidenceCopies.fileExtension(of: "folder.pdf/file") == "")
        let copies = EvidenceCopies(
            base: "BID-9", referenced: [.init(href: "../../index.html", title: "Sneaky"), .init(href: "a.pdf", title: "A")],
            supplied: [.init(href: "../../index.html", contents: Data()), .init(href: "a.pdf", contents: Data())])
        #expect(copies.files.map(\.name) == ["BID-9-evidence-1", "BID-9-evidence-2.pdf"])
        #expect(copies.files.allSatisfy { OutputName.isSafe($0.name) })
    }
}
