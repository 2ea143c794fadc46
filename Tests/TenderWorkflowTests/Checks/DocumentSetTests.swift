import Foundation
import TenderModel
import TenderXML
import Testing
import TenderWorkflow
import TenderTestSupport

@Suite("Several documents checked together")
struct DocumentSetTests {
    @Test("The published framework, the sample panel and the sample bids check together")
    func samples() throws {
        let paths = [Fixture.path("Criteria/coproduction-commissioning.xml"), Fixture.path("Samples/panel.xml")]
            + SampleDocuments.bids.map(Fixture.path)
        let set = DocumentSet(paths: paths, loader: DocumentLoader())
        #expect(set.refused.isEmpty, "\(set.refused)")
        #expect(set.criteria.map(\.id) == ["coproduction-commissioning"])
        #expect(set.panels.count == 1)
        #expect(set.submissions.map(\.id) == (1...7).map { "BID-00\($0)" })
        #expect(paths.allSatisfy(set.isValid))
        // The cross-checks find two warnings: BID-004's missing answer and BID-005's long one.
        let bid4 = Fixture.path("Samples/bids/BID-004.xml")
        let bid5 = Fixture.path("Samples/bids/BID-005.xml")
        expectDiagnostic(
            in: set.diagnostics(for: bid4), containing: "BID-004 gives no response to 'innovation'", severity: .warning,
            file: bid4, line: 2, column: 1)
        expectDiagnostic(
            in: set.diagnostics(for: bid5), containing: "the answer to 'long-term' has 666 words, over the limit of 500",
            severity: .warning, file: bid5, line: 42, column: 3)
        #expect(set.crossChecks.keys.sorted() == [bid4, bid5])
        #expect(set.crossChecks.values.allSatisfy { $0.count == 1 }, "\(set.crossChecks)")
    }

    @Test("A scoresheet is checked against the framework, the panel and the bids given with it; a bad file is refused, not thrown")
    func crossChecks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sheet = MarkedDocument(
            Template.edit(
                Template.scoresheet,
                (#"<score submission="BID-1" criterion="plan" value="2">"#, #"▸<score submission="BID-1" criterion="plan" value="5">"#)))
        let paths = [
            try folder.write(Array(Template.criteria.utf8), to: "framework.xml"),
            try folder.write(Array(Template.panel.utf8), to: "panel.xml"),
            try folder.write(Array(Template.submission.utf8), to: "BID-1.xml"),
            try folder.write(sheet.bytes, to: "p-amira.xml"),
            try folder.write(Array("<panel".utf8), to: "broken.xml"),
        ]
        let set = DocumentSet(paths: paths, loader: DocumentLoader())
        #expect(set.loaded.count == 4)
        #expect(set.refused.keys.sorted() == [paths[4]])
        #expect(!set.isValid(paths[4]))
        #expect(set.diagnostics(for: paths[4]).containsErrors)

        #expect(paths[0..<3].allSatisfy(set.isValid), "\(set.crossChecks)")
        #expect(!set.isValid(paths[3]))
        expectDiagnostic(
            in: set.diagnostics(for: paths[3]), containing: "score 5 is outside the scale 0–3", file: paths[3],
            line: sheet.line, column: sheet.column)
    }

    @Test("With two frameworks the context is ambiguous, so nothing is cross-checked")
    func ambiguous() throws {
        let paths = [
            Fixture.path("Criteria/coproduction-commissioning.xml"), Fixture.path("Criteria/community-grants.xml"),
            Fixture.path("Samples/bids/BID-004.xml"),
        ]
        let set = DocumentSet(paths: paths, loader: DocumentLoader())
        #expect(set.refused.isEmpty)
        #expect(set.crossChecks.isEmpty)
        #expect(set.diagnostics(for: paths[2]).isEmpty)
    }

    /// `validate` drops the words of every answer as each bid is read: the bids, the problems
    /// and the cross-checks' word limits come out the same, from the counts kept.
    @Test("Without the answers' words every problem is found all the same")
    func withoutAnswers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A bid for another tender, answering criteria of another framework: cross-check errors.
        let elsewhere = try folder.write(
            Array(Template.edit(Template.submission, (#"id="BID-1" tender="T-1""#, #"id="BID-9" tender="TND-OTHER""#)).utf8),
            to: "BID-9.xml")
        // A price that is not a number: refused, and what could be read of it cross-checked too.
        let refused = try folder.write(
            Array(Template.edit(Template.submission, ("1180000.50", "lots"), (#"id="BID-1""#, #"id="BID-8""#)).utf8),
            to: "BID-8.xml")
        let paths = [Fixture.path("Criteria/coproduction-commissioning.xml"), Fixture.path("Samples/panel.xml")]
            + SampleDocuments.bids.map(Fixture.path) + [elsewhere, refused]
        let whole = DocumentSet(paths: paths, loader: DocumentLoader())
        let bare = DocumentSet(paths: paths, loader: DocumentLoader(), keepingAnswers: false)
        for path in paths {
            #expect(bare.diagnostics(for: path) == whole.diagnostics(for: path), "\(path)")
        }
        #expect(bare.crossChecks.count == whole.crossChecks.count)
        #expect(bare.crossChecks[elsewhere]?.containsErrors == true)
        #expect(bare.refused.keys.sorted() == [refused])
        #expect(bare.crossChecks[refused]?.isEmpty == false)
        #expect(bare.submissions.map(\.id) == whole.submissions.map(\.id))
        #expect(bare.submissions.allSatisfy { $0.responses.allSatisfy(\.paragraphs.isEmpty) })
        #expect(whole.submissions.contains { $0.responses.contains { !$0.paragraphs.isEmpty } })
        #expect(
            bare.submissions.map { $0.responses.map(\.wordCount) } == whole.submissions.map { $0.responses.map(\.wordCount) })
    }
}
