import Foundation
import Testing
import TenderModel
import TenderScoring
@testable import TenderExport

/// What an assessment summary may and may not say (Procurement Act 2023 s50, Procurement
/// Regulations 2024 regulation 31): the bidder's own scores and reasons, the award criteria, the
/// comparison with the winner; never a panel member's name or role-by-role score, never the
/// panel's internal notes, never another bidder's moderation text.
@Suite struct SummaryDisclosureTests {
    static let memberNames = ["Amira Khan", "Tom Okafor", "Grace Mensah", "Dev Patel", "Ruth Adeyemi", "Amira", "Ruth"]

    @Test func noMemberNamesRolesOrIndividualScores() throws {
        for summary in try AssessmentSummary.all(for: try SampleTender.finalReport()) {
            for text in [summary.html, summary.markdown] {
                for name in Self.memberNames { #expect(!text.contains(name), "\(summary.submission) names \(name)") }
                for role in ["A commissioner", "An expert by experience", "A carer", "A practitioner", "who scored"] {
                    #expect(!text.contains(role), "\(summary.submission) says \(role)")
                }
                #expect(!text.contains("conflict"), "\(summary.submission) mentions a conflict")
                #expect(!text.contains("did not take part"))
            }
        }
    }

    /// The panel's internal moderation notes reach no bidder: not the bid's own (the panel wrote
    /// them for the record) and above all not the winner's, which losing bidders received verbatim.
    @Test func internalNotesAndMembersRationalesAreNeverQuoted() throws {
        let report = try SampleTender.finalReport()
        let internalNotes = report.consensus.map(\.rationale) + report.scores.map(\.rationale)
        for summary in try AssessmentSummary.all(for: report) {
            for note in internalNotes {
                #expect(!summary.markdown.contains(String(note.prefix(60))), "\(summary.submission) quotes \(note.prefix(40))")
                #expect(!summary.html.contains(String(note.prefix(40)).replacingOccurrences(of: "'", with: "&#39;")))
            }
        }
    }

    /// The text written for the bidder is what the bidder reads; without it, the scale descriptor.
    @Test func bidderExplanationOrScaleDescriptor() throws {
        var consensus = SampleTender.consensus()
        let index = try #require(consensus.firstIndex { $0.submission == "BID-002" && $0.criterion == "innovation" })
        consensus[index].bidderExplanation = "Your time bank and Men's Shed links are new for a day service."
        let docs = try SampleTender.documents()
        let evaluation = try Evaluation(
            criteria: docs.criteria, submissions: docs.submissions, panel: docs.panel, scores: docs.scores,
            consensus: consensus)
        let report = try TenderReport(
            tender: docs.panel.tender, title: SampleTender.title, evaluation: evaluation, mode: .final,
            isFinalised: true, generatedAt: SampleTender.generatedAt)
        let own = try AssessmentSummary.make(for: "BID-002", report: report)
        #expect(own.markdown.contains("Your time bank and Men's Shed links are new for a day service."))
        let other = try AssessmentSummary.make(for: "BID-003", report: report)
        #expect(!other.markdown.contains("Men's Shed"))
        // The scale descriptor of the score explains a score the panel wrote nothing for.
        let level3 = try #require(docs.criteria.scale.levels.first { $0.value == 3 })
        #expect(own.markdown.contains(level3.descriptor))
        // The decision record shows the commissioners what each bidder will be told.
        let html = try DecisionReport.render(report)
        #expect(html.contains("What the bidder&#39;s summary says: Your time bank and Men&#39;s Shed links are new for a day service."))
        #expect(html.contains("No explanation was written for the bidder"))
    }

    /// Who the supplier is, and the award criteria with how they were scored.
    @Test func carriesSupplierAndCriteria() throws {
        let report = try SampleTender.finalReport()
        let summary = try AssessmentSummary.make(for: "BID-003", report: report)
        #expect(summary.markdown.contains("Open Door Enterprises CIC"))
        #expect(summary.markdown.contains("GB-COH 10456789"))
        #expect(summary.markdown.contains("Westfield"))
        for criterion in report.criteria.criteria { #expect(summary.markdown.contains(criterion.title)) }
        #expect(summary.markdown.contains("Scores available: 0 to 5"))
        #expect(summary.markdown.contains("Quality marks"))
    }

    /// The panel's make-up is given only in aggregate, and only when no role has a single member
    /// (one commissioner would be named by their role).
    @Test func panelCompositionOnlyWhenNoRoleIsAlone() throws {
        let sample = try AssessmentSummary.make(for: "BID-003", report: try SampleTender.finalReport())
        #expect(!sample.markdown.contains("commissioner"))
        #expect(!sample.markdown.contains("practitioner"))
        // The custom tender has one carer and one commissioner: no composition either.
        let custom = try CustomTender.report([
            .init(id: "BID-1", name: "One Ltd", price: 1000, score: 5), .init(id: "BID-2", name: "Two Ltd", price: 1100),
        ])
        let summary = try AssessmentSummary.make(for: "BID-2", report: custom)
        #expect(!summary.markdown.contains("carer"))
        #expect(!summary.markdown.contains("Internal note"))
        // Two of every role: the make-up is given, in numbers only.
        let pairs = try CustomTender.report(
            [.init(id: "BID-1", name: "One Ltd", price: 1000, score: 5), .init(id: "BID-2", name: "Two Ltd", price: 1100)],
            members: [
                PanelMember(id: "m-1", name: "Mina One", role: .carer),
                PanelMember(id: "m-2", name: "Theo Two", role: .commissioner),
                PanelMember(id: "m-3", name: "Cara Three", role: .carer),
                PanelMember(id: "m-4", name: "Fred Four", role: .commissioner),
            ])
        let paired = try AssessmentSummary.make(for: "BID-2", report: pairs)
        #expect(
            paired.markdown.contains(
                "The panel had 4 members: 2 commissioners and 2 carers. Members scored independently before the panel "
                    + "met, and every member's score counted the same."))
        for name in ["Mina One", "Theo Two", "Cara Three", "Fred Four"] { #expect(!paired.html.contains(name)) }
    }
}
