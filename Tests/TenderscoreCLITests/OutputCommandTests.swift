import Foundation
import TenderTestSupport
import Testing

@Suite("rank, summaries and packs through the CLI")
struct OutputCommandTests {
    @Test("rank refuses while items lack a moderated score, and --provisional says so plainly")
    func provisional() throws {
        let tender = try CLITender.withScores()
        let refused = try tender.run(["rank"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("7 items have no moderated score yet, so there is no final ranking (use --provisional"))
        #expect(refused.stderr.contains("BID-003 innovation: none yet: scores diverge (3 to 5): needs moderation"))

        let table = try tender.expectSuccess(["rank", "--provisional"])
        #expect(table.stdout.contains("PROVISIONAL"))
        let json = try tender.expectSuccess(["rank", "--provisional", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["provisional"] as? Bool == true)
        #expect(object["final"] as? Bool == false)
        #expect((object["missing"] as? [Any])?.count == 7)

        let ocds = try tender.run(["rank", "--provisional", "--format", "ocds", "--buyer-name", "Westfield Council"])
        #expect(ocds.status == 1)
        let summaries = try tender.run(["summaries", "--output", tender.folder.appendingPathComponent("s").path])
        #expect(summaries.status == 1)
        #expect(summaries.stderr.contains("no final ranking"))
    }

    @Test("the final ranking in every format, after moderation")
    func finalRanking() throws {
        let tender = try CLITender.withScores()
        try tender.agreeSampleModeration()
        let table = try tender.expectSuccess(["rank"])
        #expect(table.stdout.contains("1     BID-001  Westfield Voices Co-operative Ltd"))
        // Criteria by their titles in sentences, not their ids.
        #expect(
            table.stdout.contains(
                "Swift Community Care Ltd: Equality, diversity, accessibility and reciprocity: scored 1, below the minimum of 2 a bid must reach"))
        #expect(!table.stdout.contains("\u{1B}["), "no colour when not on a terminal")

        let json = try tender.expectSuccess(["rank", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["tender"] as? String == "TND-2026-014")
        #expect(object["criteria"] as? String == "coproduction-commissioning")
        let ranking = try #require(object["ranking"] as? [[String: Any]])
        #expect(ranking.map { $0["submission"] as? String } == ["BID-001", "BID-003", "BID-002", "BID-007", "BID-004"])
        // BID-004 is the cheapest bid still ranked (BID-005 and BID-006 failed thresholds), so it
        // takes the full 30 price marks: lowest-price uses the ranked bids' lowest price only.
        #expect(ranking.last?["price"] as? Double == 30)
        let failed = try #require(object["failed"] as? [[String: Any]])
        #expect(Set(failed.compactMap { $0["submission"] as? String }) == ["BID-005", "BID-006"])

        let csvPath = tender.folder.appendingPathComponent("ranking.csv").path
        try tender.expectSuccess(["rank", "--format", "csv", "--output", csvPath])
        let csv = try String(contentsOfFile: csvPath, encoding: .utf8)
        #expect(csv.contains("BID-001"))

        let htmlPath = tender.folder.appendingPathComponent("report.html").path
        try tender.expectSuccess(["rank", "--format", "html", "--output", htmlPath])
        let html = try String(contentsOfFile: htmlPath, encoding: .utf8)
        #expect(html.contains("<html lang=\"en-GB\""))
        #expect(html.contains("Westfield Voices Co-operative Ltd"))

        let noBuyer = try tender.run(["rank", "--format", "ocds"])
        #expect(noBuyer.status == 2)
        #expect(noBuyer.stderr.contains("--format ocds needs --buyer-name"))
        // The award record only once the tender is final.
        try tender.expectSuccess(["finalise", "--reason", "Panel sign-off"])
        let ocds = try tender.expectSuccess(["rank", "--format", "ocds", "--buyer-name", "Westfield Council"])
        let package = try #require(try JSONSerialization.jsonObject(with: Data(ocds.stdout.utf8)) as? [String: Any])
        let release = try #require((package["releases"] as? [[String: Any]])?.first)
        let award = try #require((release["awards"] as? [[String: Any]])?.first)
        let supplier = try #require((award["suppliers"] as? [[String: Any]])?.first)
        #expect(supplier["name"] as? String == "Westfield Voices Co-operative Ltd")
    }

    @Test("summaries: one per bidder, in HTML and Markdown")
    func summaries() throws {
        let tender = try CLITender.withScores()
        try tender.agreeSampleModeration()
        let folder = tender.folder.appendingPathComponent("summaries")
        let outcome = try tender.expectSuccess(["summaries", "--output", folder.path])
        #expect(outcome.stdout.contains("BID-001 Westfield Voices Co-operative Ltd: successful"))
        #expect(outcome.stdout.contains("BID-006 Swift Community Care Ltd: not ranked"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.filter { $0.hasSuffix(".html") }.count == 7)
        #expect(files.filter { $0.hasSuffix(".md") }.count == 7)
    }

    @Test("a member's pack leaves out prices and the bids they are conflicted with")
    func pack() throws {
        let tender = try CLITender.withBids()
        let folder = tender.folder.appendingPathComponent("pack")
        let outcome = try tender.expectSuccess(["pack", "--panelist", "p-ruth", "--output", folder.path])
        #expect(outcome.stdout.contains("Ruth Adeyemi (practitioner)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.contains("index.html"))
        #expect(!files.contains { $0.contains("BID-005") })
        for file in files where file.hasSuffix(".html") {
            let text = try String(contentsOfFile: folder.appendingPathComponent(file).path, encoding: .utf8)
            #expect(!text.contains("£1,"), "\(file) shows a price")
        }
        let stranger = try tender.run(["pack", "--panelist", "p-nobody", "--output", folder.path])
        #expect(stranger.status == 1)
        #expect(stranger.stderr.contains("p-nobody is not on the panel"))
    }

    @Test("a member who has not finished scoring cannot see the ranking")
    func independence() throws {
        let tender = try CLITender.withBids()
        try tender.expectSuccess(["scores", "import", tender.sample("scoresheets/p-amira.xml")])
        let outcome = try tender.run(["rank", "--provisional"], as: "p-tom")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("p-tom has 42 items still to score"))
    }
}
