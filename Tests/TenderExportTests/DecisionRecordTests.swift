import Foundation
import Testing
import TenderModel
import TenderScoring
@testable import TenderExport

/// The decision record a cabinet member signs: a recommendation in plain words, value against
/// budget, the sign-off, the panel's conditions, who moderated what, and wording without jargon.
@Suite struct DecisionRecordTests {
    static let signOff = DecisionRecordInputs.SignOff(
        finalisedBy: "Dev Patel", finalisedAt: Date(timeIntervalSince1970: 1_793_523_600),
        reason: "Moderation complete; all seven divergent answers agreed.",
        headHash: "9f2c4e1b7a0d5c3e8f6a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6")

    static func inputs(budget: String = "1300000") -> DecisionRecordInputs {
        DecisionRecordInputs(
            budget: Decimal(string: budget, locale: Locale(identifier: "en_US_POSIX")), signOff: signOff,
            conditions: ["A carers' forum meets before the contract starts.", "Reserves reach three months' costs by year two."])
    }

    @Test func recommendsInOneParagraphWithValueAgainstBudget() throws {
        let html = try DecisionReport.render(try SampleTender.finalReport(), inputs: Self.inputs())
        #expect(html.contains("<h2 id=\"recommendation-heading\">Recommendation</h2>"))
        #expect(
            html.contains(
                "We recommend awarding the contract to <bdi>Westfield Voices Co-operative Ltd</bdi>, whose bid "
                    + "scored highest: 83.20 marks out of 100, 5.67 more than the next bid."))
        #expect(html.contains("Its price, £1,265,000.00, is £35,000.00 within the budget of £1,300,000.00."))
        let over = try DecisionReport.render(try SampleTender.finalReport(), inputs: Self.inputs(budget: "1200000"))
        #expect(over.contains("Its price, £1,265,000.00, is £65,000.00 over the budget of £1,200,000.00."))
        let none = try DecisionReport.render(try SampleTender.finalReport())
        #expect(none.contains("No budget was given for this record."))
    }

    @Test func recordsTheSignOffAndTheConditions() throws {
        let html = try DecisionReport.render(try SampleTender.finalReport(), inputs: Self.inputs())
        #expect(html.contains("<dt>Finalised by</dt><dd>Dev Patel</dd>"))
        #expect(html.contains("<dt>When</dt><dd>1 November 2026, 09:00 UTC</dd>"))
        #expect(html.contains("<dd>Moderation complete; all seven divergent answers agreed.</dd>"))
        #expect(html.contains("<code>9f2c4e1b7a0d5c3e8f6a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6</code>"))
        #expect(html.contains("<li>A carers&#39; forum meets before the contract starts.</li>"))
        let none = try DecisionReport.render(try SampleTender.finalReport())
        #expect(none.contains("The panel set no conditions on the award."))
    }

    /// Each agreed score says who was in the room and who did not agree, by name.
    @Test func moderatedItemsNameAttendeesAndDissent() throws {
        var consensus = SampleTender.consensus()
        let index = try #require(consensus.firstIndex { $0.submission == "BID-003" && $0.criterion == "innovation" })
        consensus[index].attendees = ["p-amira", "p-dev", "p-tom"]
        consensus[index].dissenters = ["p-tom"]
        let docs = try SampleTender.documents()
        let evaluation = try Evaluation(
            criteria: docs.criteria, submissions: docs.submissions, panel: docs.panel, scores: docs.scores,
            consensus: consensus)
        let report = try TenderReport(
            tender: docs.panel.tender, title: SampleTender.title, evaluation: evaluation, mode: .final,
            isFinalised: true, generatedAt: SampleTender.generatedAt)
        let html = try DecisionReport.render(report)
        #expect(html.contains("Present: Amira Khan, Dev Patel and Tom Okafor."))
        #expect(html.contains("Tom Okafor did not agree; their own score stands on the record."))
        #expect(html.contains("Present: Amira Khan, Dev Patel, Grace Mensah, Ruth Adeyemi and Tom Okafor. Everyone present agreed."))
        #expect(html.contains("Present: Amira Khan, Dev Patel, Grace Mensah and Tom Okafor. Everyone present agreed."))
        #expect(!html.contains("should not have taken part"))
    }

    /// A member with a declared conflict recorded at a bid's moderation is flagged by name.
    @Test func conflictedAttendeeIsFlagged() throws {
        var consensus = SampleTender.consensus()
        let index = try #require(consensus.firstIndex { $0.submission == "BID-005" })
        consensus[index].attendees.append("p-ruth")
        let docs = try SampleTender.documents()
        let evaluation = try Evaluation(
            criteria: docs.criteria, submissions: docs.submissions, panel: docs.panel, scores: docs.scores,
            consensus: consensus)
        let report = try TenderReport(
            tender: docs.panel.tender, title: SampleTender.title, evaluation: evaluation, mode: .final,
            isFinalised: true, generatedAt: SampleTender.generatedAt)
        let html = try DecisionReport.render(report)
        #expect(
            html.contains(
                "Warning: Ruth Adeyemi declared a conflict of interest with this bid, and should not have taken part in "
                    + "its moderation."))
    }

    /// The chart of scores names criteria by their titles, not their ids.
    @Test func chartsNameCriteriaByTitle() throws {
        let html = try DecisionReport.render(try SampleTender.finalReport())
        let svgs = html.matches(of: /<svg[\s\S]*?<\/svg>/).map { String($0.output) }
        #expect(svgs.count == 8)
        for svg in svgs {
            for id in ["local-assets", "local-insights", "working-together", "innovation", "principles"] {
                #expect(!svg.contains(">\(id)<"), "a chart is labelled \(id)")
                #expect(!svg.contains(" on \(id),"), "a chart describes \(id)")
            }
        }
        #expect(html.contains(">Recognise local<"))
    }

    /// At 390 px wide the ranking's numbers stay on screen: each row stacks with its labels, and
    /// charts keep readable text (they scroll sideways rather than shrink).
    @Test func numbersReadableOnAPhone() throws {
        let html = try DecisionReport.render(try SampleTender.finalReport())
        #expect(html.contains("<table class=\"stack\">"))
        #expect(html.contains("<td class=\"num\" data-label=\"Total\">83.20</td>"))
        #expect(html.contains("table.stack td::before { content: attr(data-label)"))
        #expect(html.contains("figure { overflow-x: auto; }"))
        #expect(html.contains("figure svg { max-width: none; }"))
    }
}
