import Foundation
import TenderTestSupport
import Testing

@Suite("the panel's work through the CLI: templates, scores, independence, moderation, finalise")
struct PanelWorkflowTests {
    @Test("a template names exactly the items a member may score, conflicts left out")
    func template() throws {
        let tender = try CLITender.withBids()
        let csv = try tender.expectSuccess(["scores", "template", "--panelist", "p-ruth"])
        let rows = csv.stdout.split(separator: "\r\n")
        // The bidder's name and the question's title ride along for the member; import ignores them.
        #expect(rows.first == "panelist,submission,criterion,score,rationale,bidder,question")
        // 7 bids × 6 criteria, less BID-005 where Ruth declared a conflict.
        #expect(rows.count == 1 + 36)
        #expect(!csv.stdout.contains("BID-005"))
        #expect(rows.contains("p-ruth,BID-001,local-assets,,,Westfield Voices Co-operative Ltd,Recognise local assets"))
        // Filled in and handed back with the extra columns, it imports.
        let filled = csv.stdout.replacingOccurrences(
            of: "p-ruth,BID-001,local-assets,,,", with: "p-ruth,BID-001,local-assets,4,Names the time bank and two tenant groups.,")
        let sheet = try tender.write("ruth.csv", filled)
        let handedBack = try tender.expectSuccess(["scores", "import", sheet], as: "p-ruth")
        #expect(handedBack.stdout.contains("Recorded 1 event"))

        let xmlPath = tender.folder.appendingPathComponent("amira.xml").path
        try tender.expectSuccess(["scores", "template", "--panelist", "p-amira", "--format", "xml", "--output", xmlPath])
        let xml = try String(contentsOfFile: xmlPath, encoding: .utf8)
        #expect(xml.components(separatedBy: "<score ").count - 1 == 42)
        // A blank template is a valid sheet with nothing scored yet.
        let imported = try tender.expectSuccess(["scores", "import", xmlPath])
        #expect(imported.stdout.contains("Nothing recorded"))

        let stranger = try tender.run(["scores", "template", "--panelist", "p-nobody"])
        #expect(stranger.status == 1)
        #expect(stranger.stderr.contains("'p-nobody' is not a member of the panel"))
    }

    @Test("a sheet may be handed in part-filled and completed later")
    func partialThenComplete() throws {
        let tender = try CLITender.withBids()
        let full = try String(contentsOfFile: tender.sample("scoresheets/p-ruth.csv"), encoding: .utf8)
        let lines = full.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let firstHalf = try tender.write("ruth-1.csv", (lines.prefix(19)).joined(separator: "\r\n") + "\r\n")
        let first = try tender.expectSuccess(["scores", "import", firstHalf])
        #expect(first.stdout.contains("Recorded 18 events"))
        let second = try tender.expectSuccess(["scores", "import", tender.sample("scoresheets/p-ruth.csv")])
        #expect(second.stdout.contains("Recorded 18 events"))
        #expect(second.stdout.contains("18 already recorded exactly so"))
    }

    @Test(
        "every bad score is refused whole, with its line, and nothing is stored",
        arguments: [
            ("p-amira,BID-001,local-assets,7,Far too generous.", "score 7 is outside the scale 0–5"),
            ("p-ruth,BID-005,local-assets,3,I know them well.", "'p-ruth' declared a conflict with BID-005 and may not score it"),
            // Both rows are p-nobody's: one error for the one wrong value, at its first line.
            ("p-nobody,BID-001,local-assets,3,Looks fine.", "'p-nobody' is not a member of the panel (on lines 2–3)"),
            ("p-amira,BID-042,local-assets,3,Looks fine.", "there is no submission BID-042 in this tender"),
            ("p-amira,BID-001,catering,3,Looks fine.", "'catering' is not a criterion of coproduction-commissioning"),
            ("p-amira,BID-001,local-assets,3,", "the score for BID-001 on 'local-assets' has no rationale; every score needs its reason"),
            ("p-amira,BID-001,local-assets,three,Good.", "score \"three\" is not a whole number"),
        ])
    func refusals(row: String, message: String) throws {
        let tender = try CLITender.withBids()
        let before = try tender.head()
        // A good row by the same member first, so the refusal is the bad row's alone.
        let member = row.prefix { $0 != "," }
        let sheet = try tender.write(
            "bad.csv", "panelist,submission,criterion,score,rationale\r\n\(member),BID-002,local-assets,4,Names the time bank.\r\n\(row)\r\n")
        let outcome = try tender.run(["scores", "import", sheet])
        #expect(outcome.status == 1)
        let line = member == "p-nobody" ? 2 : 3
        #expect(outcome.stderr.contains("bad.csv:\(line):1: error: \(message)"), "\(outcome.stderr)")
        #expect(try tender.head() == before)
    }

    @Test("a duplicate item in one sheet is refused with both lines")
    func duplicate() throws {
        let tender = try CLITender.withBids()
        let sheet = try tender.write(
            "dup.csv",
            "panelist,submission,criterion,score,rationale\r\np-amira,BID-002,local-assets,4,Time bank.\r\np-amira,BID-002,local-assets,3,Second thoughts.\r\n")
        let outcome = try tender.run(["scores", "import", sheet])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("dup.csv:3:1: error: BID-002 is scored twice on 'local-assets' (first at line 2)"))
    }

    @Test("changing a score needs a reason; the history keeps old, new and why")
    func amendments() throws {
        let tender = try CLITender.withScores()
        let before = try tender.head()
        let changed = try String(contentsOfFile: tender.sample("scoresheets/p-dev.csv"), encoding: .utf8)
            .replacingOccurrences(of: "p-dev,BID-006,principles,1,", with: "p-dev,BID-006,principles,2,")
        let sheet = try tender.write("p-dev.csv", changed)
        let refused = try tender.run(["scores", "import", sheet])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("changing it needs a reason (--reason)"))
        #expect(try tender.head() == before)

        let accepted = try tender.expectSuccess(["scores", "import", sheet, "--reason", "Re-read the accessibility appendix"])
        #expect(accepted.stdout.contains("Recorded 1 event"))
        let log = try tender.expectSuccess(["audit", "log", "--submission", "BID-006", "--member", "p-dev"])
        #expect(log.stdout.contains("score changed: p-dev changed the score of BID-006 on principles from 1 to 2"))
        #expect(log.stdout.contains("why: Re-read the accessibility appendix"))
    }

    @Test("no member sees others' scores before scoring everything they may score")
    func independence() throws {
        let tender = try CLITender.withBids()
        try tender.expectSuccess(["scores", "import", tender.sample("scoresheets/p-amira.xml")])
        try tender.expectSuccess(["scores", "import", tender.sample("scoresheets/p-dev.csv")])
        for command in [["moderate", "list"], ["agreement"], ["audit", "log"]] {
            let outcome = try tender.run(command, as: "p-ruth")
            #expect(outcome.status == 1, "\(command)")
            #expect(outcome.stderr.contains("p-ruth has 36 items still to score"), "\(outcome.stderr)")
        }
        // Amira has scored everything she may score, so she may see the discussion list.
        #expect(try tender.run(["moderate", "list"], as: "p-amira").status == 0)
    }

    @Test("a member may hand in only their own sheet")
    func ownSheetOnly() throws {
        let tender = try CLITender.withBids()
        let before = try tender.head()
        let outcome = try tender.run(["scores", "import", tender.sample("scoresheets/p-amira.xml")], as: "p-tom")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("p-tom may hand in only their own scoresheet"))
        #expect(try tender.head() == before)
        try tender.expectSuccess(["scores", "import", tender.sample("scoresheets/p-tom.xml")], as: "p-tom")
    }

    @Test("moderation opens only when every member who may score an item has done so")
    func moderationWaits() throws {
        let tender = try CLITender.withBids()
        try tender.expectSuccess(["scores", "import", tender.sample("scoresheets/p-amira.xml")])
        let outcome = try tender.run(["moderate", "agree", "BID-001", "long-term", "2", "--rationale", "Too early."])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("moderation of BID-001 long-term is not open yet: awaiting scores from p-dev, p-grace, p-ruth, p-tom"))
    }

    @Test("the moderation list shows each divergent item with every member's score and rationale")
    func moderationList() throws {
        let tender = try CLITender.withScores()
        let list = try tender.expectSuccess(["moderate", "list"])
        let items = list.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("BID-") }
        #expect(items.count == 7)
        #expect(list.stdout.contains("BID-005 (Beacon National Care Ltd), Work together"))
        #expect(list.stdout.contains("Ruth Adeyemi (practitioner): conflicted, does not score this bid"))
        #expect(list.stdout.contains("  1  Tom Okafor (expert-by-experience): We value service user feedback means nothing on its own."))

        try tender.expectSuccess([
            "moderate", "agree", "BID-005", "working-together", "1", "--rationale", "Warm words, no shared power.",
            "--attendees", "p-amira,p-tom,p-grace,p-dev", "--dissent", "p-dev",
        ])
        let after = try tender.expectSuccess(["moderate", "list"])
        #expect(after.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("BID-") }.count == 6)
        let all = try tender.expectSuccess(["moderate", "list", "--all"])
        #expect(all.stdout.contains("Agreed 1: Warm words, no shared power."))

        let again = try tender.run([
            "moderate", "agree", "BID-005", "working-together", "2", "--rationale", "Second look.",
            "--attendees", "p-amira,p-tom,p-grace,p-dev",
        ])
        #expect(again.status == 1)
        #expect(again.stderr.contains("changing it needs a reason (--reason)"))
    }

    @Test("agreement reads alpha per criterion and overall")
    func agreement() throws {
        let tender = try CLITender.withScores()
        let table = try tender.expectSuccess(["agreement"])
        #expect(table.stdout.contains("working-together"))
        #expect(table.stdout.contains("overall"))
        let json = try tender.expectSuccess(["agreement", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let criteria = try #require(object["criteria"] as? [[String: Any]])
        #expect(criteria.count == 6)
        let overall = try #require((object["overall"] as? [String: Any])?["ordinal"] as? [String: Any])
        let value = try #require(overall["value"] as? Double)
        #expect(value > 0 && value < 1)
        #expect(["reliable", "tentative", "unreliable"].contains(overall["reading"] as? String ?? ""))
    }

    @Test("finalise waits for every moderated score, then freezes the tender")
    func finalise() throws {
        let tender = try CLITender.withScores()
        let early = try tender.run(["finalise", "--reason", "Panel sign-off"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("7 items have no moderated score yet"))
        #expect(early.stderr.contains("BID-005 working-together: none yet: scores diverge (1 to 3): needs moderation"))

        try tender.agreeSampleModeration()
        let done = try tender.expectSuccess(["finalise", "--reason", "Panel sign-off meeting, 20 October 2026"])
        let head = try #require(done.stdout.components(separatedBy: "Head of the history: ").last?.prefix(64))
        #expect(head.count == 64)

        let late = try tender.run(["scores", "import", tender.sample("scoresheets/p-amira.xml"), "--reason", "late change"])
        #expect(late.status == 1)
        #expect(late.stderr.contains("no further changes are accepted"))
        let lateAgree = try tender.run(["moderate", "agree", "BID-001", "long-term", "3", "--rationale", "x", "--reason", "y"])
        #expect(lateAgree.status == 1)
        let verify = try tender.expectSuccess(["audit", "verify", "--expect-head", String(head)])
        #expect(verify.stdout.contains("is its last event"))
    }
}
