import Foundation
import Testing
@testable import TenderExport

/// Folders of outputs (packs, summaries) are written fresh, with names that can never collide.
@Suite struct PackAndSummaryFolderTests {
    /// A pack written over an old pack kept the old files, including a bid the new reader is
    /// conflicted with: now the non-empty folder is refused and nothing is written.
    @Test func packIsRefusedInAFolderHoldingAnOldPack() throws {
        let folder = CustomTender.temporaryFolder("pack")
        defer { try? FileManager.default.removeItem(at: folder) }
        try EvaluationPackTests.pack("p-amira", anonymise: false).write(to: folder)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let error = try #require(throws: ExportError.self) {
            try EvaluationPackTests.pack("p-ruth", anonymise: false).write(to: folder)
        }
        #expect(error.code == .folderNotEmpty)
        #expect(error.message.contains(folder.path))
        #expect(error.message.contains("is not empty"))
        #expect(error.message.contains("choose a new folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("scoresheet-p-ruth.csv").path))
    }

    /// A bid with id `index` replaced the pack's index page.
    @Test func bidCalledIndexDoesNotReplaceThePackIndex() throws {
        let report = try CustomTender.report([
            .init(id: "index", name: "Index Care Ltd", price: 1000), .init(id: "INDEX", name: "Upper Ltd", price: 1100),
            .init(id: "BID-2", name: "Two Ltd", price: 1200),
        ])
        let pack = try CustomTender.pack(report)
        let names = pack.files.map(\.name)
        #expect(Set(names.map { $0.lowercased() }).count == names.count, "names collide: \(names)")
        let index = try #require(pack.files.first { $0.name == "index.html" })
        #expect(index.contents.contains("Evaluation pack for Mina One"))
        let folder = CustomTender.temporaryFolder("pack-index")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try pack.write(to: folder)
        #expect(written.count == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 5)
        // The index links every bid page by the name it was written under.
        for file in pack.files where file.name != "index.html" && file.name.hasSuffix(".html") {
            #expect(index.contents.contains("href=\"\(file.name)\""))
        }
    }

    /// A 245-character bid id made `summaries` fail half way ("The file name is invalid") after
    /// writing 12 of 14 files.
    @Test func longBidIDGivesBoundedUniqueSummaryNames() throws {
        let long = "BID-" + String(repeating: "x", count: 241)
        let longer = "BID-" + String(repeating: "x", count: 240) + "y"
        let report = try CustomTender.report([
            .init(id: long, name: "Long Ltd", price: 1000, score: 5), .init(id: longer, name: "Longer Ltd", price: 1100),
            .init(id: "BID-3", name: "Three Ltd", price: 1200, score: 3),
        ])
        let summaries = try AssessmentSummary.all(for: report)
        let folder = CustomTender.temporaryFolder("summaries-long")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try AssessmentSummary.write(summaries, to: folder)
        #expect(written.count == 6)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count == 6)
        #expect(names.allSatisfy { $0.utf8.count <= 120 })
        #expect(Set(names).count == 6)
    }

    /// Summaries into a folder that already holds files are refused before anything is written.
    @Test func summariesAreRefusedInANonEmptyFolder() throws {
        let folder = CustomTender.temporaryFolder("summaries-old")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: folder.appendingPathComponent("BID-009-assessment-summary.md"))
        let error = try #require(throws: ExportError.self) {
            try AssessmentSummary.write(try AssessmentSummary.all(for: try SampleTender.finalReport()), to: folder)
        }
        #expect(error.code == .folderNotEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["BID-009-assessment-summary.md"])
    }
}
