import Foundation
import Testing
import TenderModel
import TenderTestSupport
import TenderWorkflow

/// What the sample tender's people decided, read from the sample files with the project's own
/// readers: each member's scores and rationales (Samples/scoresheets), the moderation meeting's
/// agreed scores (Samples/moderation.tsv), and the ranking `rank --format json` prints when
/// those sheets are imported as files. The browser test enters the same decisions through the
/// forms, so both must end in the same ranking.
struct SampleOutcome {
    struct Decision {
        var submission, criterion: String
        var score: Int
        var rationale: String
        var attendees, dissent: [String]
    }

    let panel: Panel
    let criteria: [Criterion]
    let submissions: [String]
    let scores: [Score]
    let moderation: [Decision]
    /// `rank --format json` on a store where the sheets were imported as files, the sample's
    /// moderation agreed and the tender finalised.
    let ranking: String

    static func make() async throws -> SampleOutcome {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        let sheets = try FileManager.default.contentsOfDirectory(atPath: SampleTender.scoresheets).sorted()
        for sheet in sheets where sheet.hasSuffix(".xml") || sheet.hasSuffix(".csv") {
            let member = (sheet as NSString).deletingPathExtension
            _ = try await tender.importScores(file: SampleTender.scoresheets + "/" + sheet, actor: member)
        }
        let moderation = try decisions()
        for decision in moderation {
            try await tender.recordConsensus(
                submission: decision.submission, criterion: decision.criterion, value: decision.score,
                rationale: decision.rationale, attendees: decision.attendees, dissenters: decision.dissent,
                actor: BrowserPanelFlowTests.commissioner.id)
        }
        _ = try await tender.finalise(reason: BrowserPanelFlowTests.finaliseReason, actor: BrowserPanelFlowTests.commissioner.id)
        let ranking = try BrowserPanelFlowTests.cli(["rank", "--format", "json"], store: fixture.storePath, as: "c-jo")
        let recorded = try await tender.panel()
        let panel = try #require(recorded)
        return SampleOutcome(
            panel: panel, criteria: try await tender.criteria().criteria, submissions: try await tender.submissions().map(\.id),
            scores: try await tender.scores(), moderation: moderation, ranking: ranking)
    }

    /// Samples/moderation.tsv: submission, criterion, score, rationale, attendees, dissent.
    static func decisions() throws -> [Decision] {
        let lines = try String(contentsOfFile: SampleTender.moderation, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        return try lines.map { line -> Decision in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4, let score = Int(fields[2]) else { throw FixtureError("Samples/moderation.tsv: cannot read '\(line)'") }
            let list = { (index: Int) in fields.count > index ? fields[index].split(separator: ",").map(String.init) : [] }
            return Decision(
                submission: fields[0], criterion: fields[1], score: score, rationale: fields[3], attendees: list(4), dissent: list(5))
        }
    }

    /// The plan `Browser/panel_flow.py` follows (its docstring gives the shape).
    func plan(invitations: [String: String], rankingFile: String, screenshots: String?) throws -> [String: Any] {
        let members: [[String: Any]] = try panel.members.enumerated().map { index, member -> [String: Any] in
            let invitation = try #require(invitations[member.id], "no invitation for \(member.id)")
            let bids = submissions.filter { !panel.isConflicted(member: member.id, submission: $0) }
            var given: [String: [String: [String: Any]]] = [:]
            for score in scores where score.panelist == member.id {
                given[score.submission, default: [:]][score.criterion] = ["value": score.value, "rationale": score.rationale]
            }
            return [
                "id": member.id, "name": member.name,
                "invitation": invitation,
                // Half sign in with their name, half with their id: both are accepted.
                "signInAs": index.isMultiple(of: 2) ? member.name : member.id,
                "bids": bids, "conflicted": submissions.filter { !bids.contains($0) }, "scores": given,
            ]
        }
        let commissioner = BrowserPanelFlowTests.commissioner
        let commissionerInvitation = try #require(invitations[commissioner.id], "no invitation for \(commissioner.id)")
        return [
            "tender": SampleTender.tender,
            "password": BrowserPanelFlowTests.password,
            "criteria": criteria.map { ["id": $0.id, "title": $0.title] },
            "members": members,
            "commissioner": [
                "id": commissioner.id, "name": commissioner.name, "invitation": commissionerInvitation,
                "moderation": moderation.map {
                    [
                        "submission": $0.submission, "criterion": $0.criterion, "score": $0.score, "rationale": $0.rationale,
                        "attendees": $0.attendees, "dissent": $0.dissent,
                    ] as [String: Any]
                },
                "reason": BrowserPanelFlowTests.finaliseReason,
            ] as [String: Any],
            "ranking": rankingFile,
            "screenshots": screenshots.map { $0 as Any } ?? NSNull(),
        ]
    }
}
