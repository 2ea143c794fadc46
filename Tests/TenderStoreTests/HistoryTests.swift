import Foundation
import Testing
import TenderModel
import TenderStore
import TenderSQLite
import TenderTestSupport
@_spi(Testing) import TenderWorkflow
import TenderXML

@Suite struct HistoryTests {
    @Test func storeHoldsTheDocumentsExactlyAsReceived() async throws {
        let fixture = try StoreFixture()
        let store = try await fixture.withBids()
        let loader = DocumentLoader()

        guard case .criteria(let criteria) = try loader.load(path: SampleTender.criteria).document else {
            Issue.record("the sample criteria did not load as criteria")
            return
        }
        #expect(try await store.criteria() == criteria)
        #expect(try await store.criteriaDocument() == [UInt8](try #require(fileBytes(SampleTender.criteria))))
        let tender = try await store.tender()
        #expect(tender.id == SampleTender.tender)
        #expect(tender.criteriaID == "coproduction-commissioning")
        #expect(tender.criteriaSHA256.count == 64)
        #expect(!tender.isFinalised)

        guard case .panel(let panel) = try loader.load(path: SampleTender.panel).document else {
            Issue.record("the sample panel did not load as a panel")
            return
        }
        #expect(try await store.panel() == panel)

        let received = try SampleTender.bids.map { path -> Submission in
            guard case .submission(let submission) = try loader.load(path: path).document else {
                throw StoreError(.invalidInput, "\(path) is not a bid")
            }
            return submission
        }
        #expect(try await store.submissions() == received.sorted { $0.id < $1.id })
        let original = try #require(try await store.originalDocument(ofSubmission: "BID-003"))
        #expect(original.bytes == [UInt8](try #require(fileBytes(SampleTender.bids[2]))))
        #expect(original.file == SampleTender.bids[2])
        #expect(try await store.originalDocument(ofSubmission: "BID-999") == nil)
    }

    @Test func aWholeTenderVerifiesAndEveryChangeIsOnRecord() async throws {
        let fixture = try StoreFixture()
        let store = try await fixture.scored()
        let scoresBefore = try await store.scores()
        // 7 bids × 6 criteria × 5 members, less Ruth's 6 on BID-005 (her declared conflict).
        #expect(scoresBefore.count == 7 * 6 * 5 - 6)
        #expect(!scoresBefore.contains { $0.panelist == "p-ruth" && $0.submission == "BID-005" })

        // Amira changes one score, with a reason; the history keeps both.
        let original = try #require(try await store.currentScore("p-amira", "BID-003", "local-assets"))
        var sheet = Scoresheet(tender: SampleTender.tender, panelist: "p-amira", scores: [original])
        sheet.scores[0].value = original.value == 5 ? 4 : original.value + 1
        sheet.scores[0].rationale = "On re-reading, the asset map covers all four neighbourhoods."
        let change = try await store.importScores(
            sheet: sheet, actor: "p-amira", reason: "Misread the appendix at first; corrected after the panel briefing")
        #expect(change.events.count == 1)
        let changed = try #require(change.events.first)
        #expect(changed.kind == .scoreChanged)
        #expect(changed.reason == "Misread the appendix at first; corrected after the panel briefing")
        #expect(changed.payload.contains(#""previous":{"rationale":"\#(original.rationale)","value":\#(original.value)}"#))
        let given = try #require(try await store.events(submission: "BID-003", member: "p-amira").first { $0.kind == .scoreGiven && $0.payload.contains("\"local-assets\"") })
        #expect(changed.amends == given.sequence)
        #expect(try await store.currentScore("p-amira", "BID-003", "local-assets")?.value == sheet.scores[0].value)

        // Moderation, then finalisation.
        let consensus = try await store.recordConsensus(
            submission: "BID-003", criterion: "innovation", value: 4,
            rationale: "The panel agreed the peer-led night support is new to the borough and costed.",
            attendees: ["p-amira", "p-tom", "p-grace", "p-dev", "p-ruth"], dissenters: ["p-ruth"], actor: "Dev Patel")
        #expect(consensus.recordedBy == "Dev Patel")
        #expect(try await store.consensus() == [consensus])

        // Finalising is refused until every item has a moderated score: the panel agrees the rest.
        let pending = try await store.view(for: ActingPerson("Dev Patel"), doing: nil).evaluation.pendingItems
        await #expect {
            try await store.finalise(reason: "Too early", actor: "Dev Patel")
        } throws: { ($0 as? StoreError)?.message.contains("\(pending.count) items have no moderated score yet") == true }
        for item in pending {
            try await store.recordConsensus(
                submission: item.item.submission, criterion: item.item.criterion, value: 3,
                rationale: "Agreed at the moderation meeting on the evidence in the answer.",
                attendees: ["p-amira", "p-tom", "p-grace", "p-dev"], actor: "Dev Patel")
        }
        let head = try await store.finalise(reason: "Moderation complete; ranking approved by the panel", actor: "Dev Patel")
        let verification = try await store.verify(expectHead: head)
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(verification.head == head)
        #expect(verification.eventsAfterExpectedHead == 0)
        // tender, panel, 7 bids, 204 scores, 1 change, 1 consensus, the rest agreed, finalisation
        #expect(!pending.isEmpty)
        #expect(verification.eventCount == 1 + 1 + 7 + 204 + 1 + 1 + pending.count + 1)
        #expect(try await store.head().hash == head)
        #expect(try await store.tender().finalisation?.reason == "Moderation complete; ranking approved by the panel")

        let events = try await store.events()
        #expect(events.map(\.sequence) == Array(1...events.count))
        #expect(events.first?.kind == .tenderCreated)
        #expect(events.last?.kind == .tenderFinalised)
        #expect(events.first?.timestamp == "2026-10-10T09:00:00.000Z")
        #expect(zip(events.dropFirst(), events).allSatisfy { $0.previousHash == $1.hash })
        #expect(events.allSatisfy { !$0.actor.isEmpty && !$0.summary.isEmpty })

        // Filters: what concerns one bid, one member.
        let ruth = try await store.events(member: "p-ruth")
        #expect(ruth.contains { $0.kind == .panelImported })
        #expect(!ruth.contains { $0.submissions.contains("BID-005") && $0.kind == .scoreGiven })
        let bid5 = try await store.events(submission: "BID-005")
        #expect(bid5.contains { $0.kind == .submissionReceived })
        #expect(bid5.filter { $0.kind == .scoreGiven }.count == 4 * 6)

        // Nothing changes after finalisation.
        await #expect {
            try await store.recordConsensus(
                submission: "BID-001", criterion: "innovation", value: 3, rationale: "Late", actor: "Dev Patel")
        } throws: { ($0 as? StoreError)?.code == .finalised }
        await #expect(throws: StoreError.self) { try await store.finalise(reason: "again", actor: "Dev Patel") }
        #expect(try await store.verify(expectHead: head).isIntact)
    }

    @Test func theSampleScoresheetFilesImportWithTheirBytesKept() async throws {
        let fixture = try StoreFixture()
        let store = try await fixture.withBids()
        let files = try FileManager.default.contentsOfDirectory(atPath: SampleTender.scoresheets).sorted()
        for name in files {
            let path = URL(fileURLWithPath: SampleTender.scoresheets).appendingPathComponent(name).path
            // Keyed in by the commissioning officer, who is not on the panel.
            let report = try await store.importScores(file: path, actor: "Sam Okoro (commissioning officer)")
            #expect(!report.events.isEmpty)
            // The same sheet again changes nothing and needs no reason.
            let again = try await store.importScores(file: path, actor: "Sam Okoro (commissioning officer)")
            #expect(again.events.isEmpty)
            #expect(again.unchanged == report.events.count)
        }
        #expect(try await store.verify().isIntact)
    }

    @Test func changingAScoreWithoutAReasonIsRefusedAndNothingIsStored() async throws {
        let fixture = try StoreFixture()
        let store = try await fixture.scored()
        let before = try fixture.dump()
        var sheet = try #require(try await Sheets.all(store).first)
        sheet.scores[0].value = sheet.scores[0].value == 5 ? 4 : 5
        await #expect {
            try await store.importScores(sheet: sheet, actor: sheet.panelist)
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .reasonRequired && error.diagnostics.count == 1
                && error.diagnostics[0].message.contains("needs a reason")
        }
        #expect(try fixture.dump() == before)
    }

    @Test func scoresAreCheckedAgainstTheFrameworkPanelAndBids() async throws {
        let fixture = try StoreFixture()
        let store = try await fixture.withBids()
        let before = try fixture.dump()
        let sheet = Scoresheet(
            tender: SampleTender.tender, panelist: "p-ruth",
            scores: [
                Score(panelist: "p-ruth", submission: "BID-001", criterion: "local-assets", value: 3, rationale: "Fine."),
                Score(panelist: "p-ruth", submission: "BID-005", criterion: "local-assets", value: 4, rationale: "Conflicted."),
                Score(panelist: "p-ruth", submission: "BID-002", criterion: "local-assets", value: 9, rationale: "Off scale."),
                Score(panelist: "p-ruth", submission: "BID-404", criterion: "local-assets", value: 2, rationale: "No bid."),
                Score(panelist: "p-ruth", submission: "BID-003", criterion: "price-only", value: 2, rationale: "No criterion."),
                Score(panelist: "p-ruth", submission: "BID-004", criterion: "innovation", value: 2, rationale: "  "),
                Score(panelist: "p-ruth", submission: "BID-001", criterion: "local-assets", value: 4, rationale: "Twice."),
            ])
        await #expect {
            try await store.importScores(sheet: sheet, actor: "p-ruth")
        } throws: { error in
            guard let error = error as? StoreError, error.code == .invalidDocuments else { return false }
            let messages = error.diagnostics.map(\.message).joined(separator: "\n")
            return error.diagnostics.count == 6 && messages.contains("declared a conflict with BID-005")
                && messages.contains("outside the scale 0–5") && messages.contains("no submission BID-404")
                && messages.contains("'price-only' is not a criterion") && messages.contains("no rationale")
                && messages.contains("scored twice")
        }
        #expect(try fixture.dump() == before)
    }

    @Test func aBidIsReceivedOnceUnlessReplacedWithAReason() async throws {
        let fixture = try StoreFixture()
        let store = try await fixture.withBids()
        let before = try fixture.dump()
        await #expect {
            try await store.importSubmissions(files: [SampleTender.bids[0]], actor: "Dev Patel")
        } throws: { error in
            (error as? StoreError)?.diagnostics.first?.message.contains("BID-001 was already received (event 3)") == true
        }
        #expect(try fixture.dump() == before)

        // A declared replacement: the corrected bid, with the reason on record.
        let original = try String(contentsOfFile: SampleTender.bids[0], encoding: .utf8)
        let corrected = try fixture.folder.write(
            "BID-001-corrected.xml", original.replacingOccurrences(of: "1265000.00", with: "1255000.00"))
        #expect(corrected != SampleTender.bids[0])
        let report = try await store.importSubmissions(
            files: [corrected], actor: "Dev Patel", replacementReason: "Arithmetic error in the pricing schedule, corrected by the bidder before the deadline")
        let event = try #require(report.events.first)
        #expect(event.kind == .submissionReplaced)
        #expect(event.amends == 3)
        #expect(try await store.submissions().first { $0.id == "BID-001" }?.price?.amount == Decimal(string: "1255000"))
        #expect(try await store.originalDocument(ofSubmission: "BID-001")?.file == corrected)

        // Once scored, a bid can no longer be replaced.
        let sheet = Scoresheet(
            tender: SampleTender.tender, panelist: "p-tom",
            scores: [Score(panelist: "p-tom", submission: "BID-002", criterion: "innovation", value: 3, rationale: "Some new ideas.")])
        _ = try await store.importScores(sheet: sheet, actor: "p-tom")
        await #expect {
            try await store.importSubmissions(files: [SampleTender.bids[1]], actor: "Dev Patel", replacementReason: "late change")
        } throws: { error in
            (error as? StoreError)?.diagnostics.first?.message.contains("already been scored") == true
        }
        #expect(try await store.verify().isIntact)
    }

    @Test func consensusChangesNeedAReasonAndConflictedMembersStayOut() async throws {
        let fixture = try StoreFixture()
        let store = try await fixture.scored()
        try await store.recordConsensus(
            submission: "BID-005", criterion: "principles", value: 3, rationale: "Agreed after discussion of the safeguarding plan.",
            attendees: ["p-amira", "p-dev", "p-tom"], actor: "Dev Patel")
        await #expect {
            try await store.recordConsensus(
                submission: "BID-005", criterion: "principles", value: 2, rationale: "Changed our minds.",
                attendees: ["p-amira", "p-dev", "p-tom"], actor: "Dev Patel")
        } throws: { ($0 as? StoreError)?.code == .reasonRequired }
        await #expect {
            try await store.recordConsensus(
                submission: "BID-005", criterion: "long-term", value: 2, rationale: "Discussed.", attendees: ["p-ruth"],
                actor: "Dev Patel")
        } throws: { ($0 as? StoreError)?.message.contains("may not take part in its moderation") == true }
        let changed = try await store.recordConsensus(
            submission: "BID-005", criterion: "principles", value: 2, rationale: "The safeguarding plan has no named lead.",
            attendees: ["p-amira", "p-dev", "p-tom"], actor: "Dev Patel", reason: "Second moderation meeting, 14 October")
        #expect(try await store.consensus() == [changed])
        let last = try #require(try await store.events().last)
        #expect(last.kind == .consensusChanged)
        #expect(last.payload.contains(#""previous":{"rationale":"Agreed after discussion of the safeguarding plan.","value":3}"#))
        #expect(try await store.verify().isIntact)
    }

    @Test func blankActorsAndReasonsAreRefused() async throws {
        let fixture = try StoreFixture()
        let store = try await fixture.withBids()
        await #expect { try await store.importPanel(file: SampleTender.panel, actor: "   ") } throws: {
            ($0 as? StoreError)?.code == .invalidInput
        }
        await #expect { try await store.finalise(reason: " ", actor: "Dev Patel") } throws: {
            ($0 as? StoreError)?.code == .reasonRequired
        }
    }
}
