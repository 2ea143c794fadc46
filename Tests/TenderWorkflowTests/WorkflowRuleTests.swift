import Foundation
import TenderModel
import TenderSQLite
import TenderStore
import TenderTestSupport
import TenderWorkflow
import Testing

/// The tender's rules, called as every front end calls them: no binary, no command line.
@Suite struct WorkflowRuleTests {
    /// A scored sample tender with every item that needs it agreed in moderation.
    static func moderated(_ fixture: StoreFixture) async throws -> Tender {
        let tender = try await fixture.scored()
        let pending = try await tender.view(for: ActingPerson("Dev Patel"), doing: nil).evaluation.pendingItems
        for item in pending {
            try await tender.agree(
                submission: item.item.submission, criterion: item.item.criterion, value: 3,
                rationale: "Agreed at the moderation meeting on the evidence in the answer.",
                attendees: ["p-amira", "p-tom", "p-grace", "p-dev"], by: ActingPerson("Sam Okoro"))
        }
        return tender
    }

    @Test("a member sees nobody's scores before scoring everything, however their name is written")
    func independence() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        let amira = try #require(try await Sheets.all(tender).first { $0.panelist == "p-amira" })
        _ = try await tender.importScores(sheet: amira, actor: "p-amira")
        // Tom has scored nothing: by id, by name, with stray white space of any kind.
        for name in ["p-tom", "Tom Okafor", " p-tom", "p-tom\t", "\u{00A0}p-tom", "tom okafor"] {
            await #expect {
                _ = try await tender.view(for: ActingPerson(name), doing: "see the ranking")
            } throws: { error in
                let error = error as? StoreError
                return error?.code == .forbidden
                    && error?.message.hasPrefix("p-tom has 42 items still to score, so cannot see the ranking yet") == true
            }
        }
        // Amira has scored everything she may score; the commissioning officer is not on the panel.
        _ = try await tender.view(for: ActingPerson("p-amira"), doing: "see the ranking")
        _ = try await tender.view(for: ActingPerson("Sam Okoro"), doing: "see the ranking")
    }

    @Test("a member hands in only their own sheet, and the history records the name once normalised")
    func ownSheetOnly() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        let amira = try #require(try await Sheets.all(tender).first { $0.panelist == "p-amira" })
        for name in ["p-tom", " p-tom", "Tom Okafor"] {
            await #expect {
                _ = try await tender.importScores(sheet: amira, actor: name)
            } throws: { error in
                (error as? StoreError)?.message.hasPrefix("p-tom may hand in only their own scoresheet") == true
                    || (error as? StoreError)?.message.hasPrefix("Tom Okafor may hand in only their own scoresheet") == true
            }
        }
        #expect(try await tender.scores().isEmpty)
        let tom = try #require(try await Sheets.all(tender).first { $0.panelist == "p-tom" })
        let report = try await tender.importScores(sheet: tom, actor: "  p-tom\u{00A0}")
        #expect(report.events.allSatisfy { $0.actor == "p-tom" })
    }

    @Test("names and reasons that could forge a line of the history are refused", arguments: [
        ("Dev\nPatel", "a line break (U+000A)"), ("p-tom\u{1B}[2J", "a control character (U+001B)"),
        ("Evil\u{202E}lataP", "a text-direction control (U+202E)"),
    ])
    func forgedNames(name: String, what: String) async throws {
        #expect {
            _ = try ActingPerson(name)
        } throws: { error in
            (error as? StoreError)?.message.contains("contains \(what), which a name cannot carry") == true
        }
    }

    @Test("a reason carrying an escape sequence is refused, and nothing is stored")
    func forgedReason() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        let before = try await tender.head()
        await #expect {
            _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel", reason: "Updated\u{1B}[31m")
        } throws: { error in
            (error as? StoreError)?.message == "The reason contains a control character (U+001B); give it as plain text."
        }
        #expect(try await tender.head() == before)
    }

    @Test("moderation of an item opens only when every member who may score it has")
    func moderationOpensWhenScored() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        let amira = try #require(try await Sheets.all(tender).first { $0.panelist == "p-amira" })
        _ = try await tender.importScores(sheet: amira, actor: "p-amira")
        await #expect {
            try await tender.agree(
                submission: "BID-001", criterion: "local-assets", value: 3, rationale: "Agreed.", by: ActingPerson("Sam Okoro"))
        } throws: { error in
            let error = error as? StoreError
            return error?.code == .notReady
                && error?.message.hasPrefix("moderation of BID-001 local-assets is not open yet: awaiting scores from") == true
        }
        #expect(try await tender.consensus().isEmpty)
    }

    @Test("a member who declared a conflict neither records nor sees that bid's moderation")
    func conflictedMemberCannotModerate() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.scored()
        // Ruth declared a conflict with BID-005 in the panel document.
        await #expect {
            try await tender.agree(
                submission: "BID-005", criterion: "working-together", value: 3, rationale: "Agreed.",
                attendees: ["p-amira", "p-dev"], by: ActingPerson("p-ruth"))
        } throws: { error in
            (error as? StoreError)?.message == "p-ruth declared a conflict with BID-005, so may not record or take part in its moderation."
        }
        let ruths = try await tender.moderationList(for: ActingPerson("p-ruth"))
        let commissioners = try await tender.moderationList(for: ActingPerson("Sam Okoro"))
        #expect(!ruths.needingDiscussion.contains { $0.moderated.item.submission == "BID-005" })
        #expect(commissioners.needingDiscussion.contains { $0.moderated.item.submission == "BID-005" })
        #expect(try await tender.consensus().isEmpty)
    }

    @Test("finalise is refused while any item lacks a moderated score")
    func finaliseNeedsEveryItem() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.scored()
        await #expect {
            _ = try await tender.finalise(reason: "Sign-off", actor: "Sam Okoro")
        } throws: { error in
            let error = error as? StoreError
            return error?.code == .notReady && error?.message.contains("no moderated score yet, so the tender cannot be finalised") == true
        }
        #expect(try await tender.tender().finalisation == nil)
    }

    @Test("a bid imported while finalise runs is either refused or stops the finalisation, never finalised unscored")
    func finaliseRace() async throws {
        for round in 0..<4 {
            let fixture = try StoreFixture()
            let tender = try await Self.moderated(fixture)
            let late = try String(contentsOfFile: SampleTender.bids[0], encoding: .utf8)
                .replacingOccurrences(of: #"id="BID-001""#, with: #"id="BID-008""#)
            let path = try fixture.folder.write("BID-008.xml", late)
            let second = try await fixture.open()
            async let finalised: Result<String, StoreError> = {
                do { return .success(try await tender.finalise(reason: "Sign-off, round \(round)", actor: "Sam Okoro")) }
                catch let error as StoreError { return .failure(error) }
                catch { return .failure(StoreError(.database, "\(error)")) }
            }()
            async let imported: Result<ImportReport, StoreError> = {
                do { return .success(try await second.importSubmissions(files: [path], actor: "Sam Okoro")) }
                catch let error as StoreError { return .failure(error) }
                catch { return .failure(StoreError(.database, "\(error)")) }
            }()
            switch (await finalised, await imported) {
            case (.success, .failure(let refusal)):
                // Finalise went first: the late bid is refused because the tender is final.
                #expect(refusal.code == .finalised)
                #expect(try await tender.submissions().count == 7)
            case (.failure(let refusal), .success):
                // The bid went first: finalise sees its unscored items and is refused.
                #expect(refusal.code == .notReady)
                #expect(refusal.message.contains("BID-008"))
                #expect(try await tender.tender().finalisation == nil)
            case (let finalise, let bid):
                Issue.record("finalise \(finalise) and the late bid \(bid): exactly one of them must succeed")
            }
            #expect(try await tender.verify().isIntact)
        }
    }

    @Test("a bid imported first stops the finalisation: its items have no moderated score")
    func bidFirstStopsFinalise() async throws {
        let fixture = try StoreFixture()
        let tender = try await Self.moderated(fixture)
        let late = try String(contentsOfFile: SampleTender.bids[0], encoding: .utf8)
            .replacingOccurrences(of: #"id="BID-001""#, with: #"id="BID-008""#)
        _ = try await tender.importSubmissions(files: [try fixture.folder.write("BID-008.xml", late)], actor: "Sam Okoro")
        await #expect {
            _ = try await tender.finalise(reason: "Sign-off", actor: "Sam Okoro")
        } throws: { error in
            (error as? StoreError)?.message.hasPrefix("6 items have no moderated score yet, so the tender cannot be finalised:\n  BID-008 ") == true
        }
    }

    @Test("a late conflict: the commissioner withdraws the member's scores with a reason, then the conflict is recorded")
    func lateConflict() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.scored()
        let panel = try String(contentsOfFile: SampleTender.panel, encoding: .utf8)
        let lateConflict = panel.replacingOccurrences(
            of: "</panel>",
            with: #"  <conflict member="p-tom" submission="BID-003">Joined the bidder's advisory group in October 2026</conflict>"# + "\n</panel>")
        let file = try fixture.folder.write("panel-late-conflict.xml", lateConflict)
        await #expect {
            _ = try await tender.importPanel(file: file, actor: "Sam Okoro", reason: "Tom declared a new conflict")
        } throws: { error in
            (error as? StoreError)?.diagnostics.contains {
                $0.message.contains("'p-tom' already scored BID-003") && $0.message.contains("tenderscore scores withdraw")
            } == true
        }
        // Nobody but the commissioner withdraws, and never without a reason.
        await #expect {
            _ = try await tender.withdrawScores(member: "p-tom", submission: "BID-003", reason: "conflict", by: ActingPerson("p-amira"))
        } throws: { ($0 as? StoreError)?.code == .forbidden }
        await #expect {
            _ = try await tender.withdrawScores(member: "p-tom", submission: "BID-003", reason: " ", by: ActingPerson("Sam Okoro"))
        } throws: { ($0 as? StoreError)?.code == .reasonRequired }

        let withdrawn = try await tender.withdrawScores(
            member: "p-tom", submission: "BID-003", reason: "Declared a conflict after scoring", by: ActingPerson("Sam Okoro"))
        #expect(withdrawn.count == 6)
        #expect(withdrawn.allSatisfy { $0.kind == .scoreWithdrawn && $0.reason == "Declared a conflict after scoring" })
        #expect(!(try await tender.scores().contains { $0.panelist == "p-tom" && $0.submission == "BID-003" }))
        _ = try await tender.importPanel(file: file, actor: "Sam Okoro", reason: "Tom declared a new conflict")
        #expect(try await tender.panel()?.isConflicted(member: "p-tom", submission: "BID-003") == true)
        let verification = try await tender.verify()
        #expect(verification.isIntact, "\(verification.problems)")
        let history = try await tender.events(submission: "BID-003", member: "p-tom")
        #expect(history.filter { $0.kind == .scoreWithdrawn }.count == 6)
    }

    @Test("an auditor changes nothing")
    func auditorReadsOnly() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.withBids()
        await #expect {
            _ = try await tender.finalise(reason: "x", by: ActingPerson("Ann Auditor", standing: .auditor))
        } throws: { error in
            (error as? StoreError)?.message == "Ann Auditor is an auditor: auditors read and verify, and change nothing."
        }
    }

    @Test("a moderation decision needs its quorum: two thirds of the item's members, one of them a lived-experience voice")
    func moderationQuorum() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.scored()
        let pending = try #require(
            try await tender.view(for: ActingPerson("Sam Okoro"), doing: nil).evaluation.pendingItems.first {
                $0.item.submission != "BID-005"
            })
        func agree(_ attendees: [String]) async throws {
            try await tender.agree(
                submission: pending.item.submission, criterion: pending.item.criterion, value: 3,
                rationale: "Agreed after discussion.", attendees: attendees, by: ActingPerson("Sam Okoro"))
        }
        func refusal(_ attendees: [String]) async -> String? {
            do {
                try await agree(attendees)
                return nil
            } catch let error as StoreError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        let nobody = await refusal([])
        #expect(nobody?.contains("a consensus records who agreed it: name the members present with --attendees (at least 4 of the 5 who may score") == true)
        // The commissioner alone cannot overturn the panel.
        let alone = await refusal(["p-dev"])
        #expect(alone?.contains("1 of the 5 members who may score \(pending.item.submission) was present; the quorum is 4 (67 percent)") == true)
        // Four members, but no expert by experience or carer among them.
        let panel = try #require(try await tender.panel())
        #expect(panel.members.filter { !$0.role.bringsLivedExperience }.count == 2)
        let noVoice = await refusal(["p-dev", "p-ruth"])
        #expect(noVoice?.contains("no expert by experience or carer was present; at least one must be") == true)
        #expect(try await tender.consensus().isEmpty)
        try await agree(["p-dev", "p-ruth", "p-amira", "p-grace"])
        #expect(try await tender.consensus().count == 1)
    }

    @Test("a framework sets its own quorum; the standard one is two thirds with lived experience")
    func quorumFromTheFramework() throws {
        #expect(ModerationQuorum.standard.required(of: 5) == 4)
        #expect(ModerationQuorum.standard.required(of: 4) == 3)
        #expect(ModerationQuorum(share: 50, livedExperience: false).required(of: 5) == 3)
        #expect(ModerationQuorum(share: 100, livedExperience: true).required(of: 1) == 1)
    }
}
