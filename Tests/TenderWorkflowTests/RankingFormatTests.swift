import Foundation
import TenderExport
import TenderModel
import TenderStore
import TenderTestSupport
import TenderWorkflow
import Testing

/// A ranking worked out for one format (`rank --format csv/json` reading no answer and skipping
/// the sensitivity report) says exactly what the full report says in that format.
@Suite struct RankingFormatTests {
    @Test(arguments: OutputFormat.ranking)
    func rankingForOneFormatReadsTheSameAsTheFullReport(format: OutputFormat) async throws {
        let fixture = try StoreFixture()
        let tender = try await WorkflowRuleTests.moderated(fixture)
        let person = try ActingPerson("Dev Patel")
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let ocds = OCDSOptions(
            ocidPrefix: "ocds-test", buyer: OCDSOrganisation(id: "westfield", name: "Westfield Council"),
            publisherName: "Westfield Council", packageURI: "urn:test")
        let fullView = try await tender.view(for: person, doing: "see the ranking", .responses)
        let full = try fullView.report(provisional: false, generatedAt: at)
        let narrow = try await tender.view(for: person, doing: "see the ranking", format.rankingScope)
            .report(provisional: false, only: format.rankingParts, generatedAt: at)
        let decision = try await tender.decisionRecord(fullView)
        #expect(
            try format.render(narrow, ocds: ocds, decision: decision) == format.render(full, ocds: ocds, decision: decision))
        // What the narrow report leaves out, it leaves out only where the format shows none of it.
        if format == .csv || format == .json {
            #expect(narrow.sensitivity == nil)
            #expect(narrow.importWarnings.isEmpty)
            #expect(narrow.submissions.allSatisfy { $0.responses.isEmpty })
        }
    }

    /// The assessment summaries read each bid whole but no score's rationale (`.outputs`), and
    /// say exactly what they say from the full view, the panel's explanations for bidders included.
    @Test func summariesReadWithoutRationalesSayTheSame() async throws {
        let fixture = try StoreFixture()
        let tender = try await WorkflowRuleTests.moderated(fixture)
        let person = try ActingPerson("Dev Patel")
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let fullView = try await tender.view(for: person, doing: "see the assessment summaries", .responses)
        let narrowView = try await tender.view(for: person, doing: "see the assessment summaries", .outputs)
        #expect(narrowView.scores.allSatisfy { $0.rationale.isEmpty })
        #expect(fullView.scores.contains { !$0.rationale.isEmpty })
        let full = try AssessmentSummary.all(for: fullView.report(provisional: false, only: [.importWarnings], generatedAt: at))
        let narrow = try AssessmentSummary.all(
            for: narrowView.report(provisional: false, only: [.importWarnings], generatedAt: at))
        #expect(!full.isEmpty)
        #expect(narrow == full)
    }
}
