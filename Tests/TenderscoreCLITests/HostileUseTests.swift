import Foundation
import TenderSQLite
import TenderTestSupport
@_spi(Testing) import TenderWorkflow
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hostile and careless use of the command line, each case a fault found in review.
@Suite("hostile and careless use")
struct HostileUseTests {
    @Test("a pipe given as the store is refused at once, not waited on")
    func fifoStore() throws {
        let tender = try CLITender()
        let fifo = tender.folder.appendingPathComponent("store.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let started = Date()
        let outcome = try CLI.run(["audit", "verify", "--store", fifo])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("is not a regular file (it is a pipe, a device or a socket)"))
    }

    @Test("a store cut off at its end is reported as damaged by verify, log and rank; nothing crashes")
    func truncatedStore() throws {
        let tender = try CLITender.withScores()
        // Fold the WAL into the file, then cut the last 3,000 bytes off, as a failed copy would.
        try tender.expectSuccess(["audit", "verify"])
        let copy = tender.folder.appendingPathComponent("cut.sqlite").path
        try FileManager.default.copyItem(atPath: tender.store.path, toPath: copy)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: copy)[.size] as? Int)
        #expect(truncate(copy, off_t(size - 3000)) == 0)
        for arguments in [["audit", "verify"], ["audit", "log"], ["rank", "--provisional"], ["moderate", "list"]] {
            let outcome = try CLI.run(arguments + ["--store", copy, "--as", "officer"])
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderr.contains("is damaged"), "\(arguments): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("Fatal error"))
        }
    }

    @Test("a store whose checkpoint was cut short (header ahead of the file, its log beside it) opens and verifies")
    func interruptedCheckpoint() async throws {
        let tender = try CLITender.withScores()
        // The moderation meeting's changes, made through a connection that stays open, so that
        // they are still only in the log beside the file when it is copied. Their notes are
        // long enough to make the file grow past the free room in its 16 KiB pages.
        let storage = try SQLiteStorage.open(at: tender.store.path)
        let meeting = try await Tender.open(in: storage)
        for (submission, criterion, score) in [
            ("BID-001", "long-term", 2), ("BID-002", "innovation", 3), ("BID-002", "long-term", 3),
            ("BID-003", "innovation", 5), ("BID-004", "working-together", 2), ("BID-005", "working-together", 1),
            ("BID-007", "working-together", 3),
        ] {
            _ = try await meeting.agree(
                submission: submission, criterion: criterion, value: score, rationale: String(repeating: "Agreed at the moderation meeting. ", count: 100),
                attendees: ["p-amira", "p-tom", "p-grace", "p-dev"], by: try ActingPerson("Dev Patel"))
        }
        let copy = tender.folder.appendingPathComponent("interrupted.sqlite").path
        try FileManager.default.copyItem(atPath: tender.store.path, toPath: copy)
        try FileManager.default.copyItem(atPath: tender.store.path + "-wal", toPath: copy + "-wal")
        let log = [UInt8](try Data(contentsOf: URL(fileURLWithPath: copy + "-wal")))
        func word(_ bytes: [UInt8], _ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let pageSize = word(log, 8)
        // The length after the last commit in the log: the header a finished checkpoint writes.
        var pages = 0
        var frame = 32
        while frame + 24 + pageSize <= log.count {
            pages = max(pages, word(log, frame + 4))
            frame += 24 + pageSize
        }
        let handle = try #require(FileHandle(forUpdatingAtPath: copy))
        let size = Int(try handle.seekToEnd())
        try #require(pages * pageSize > size, "the meeting's changes should have made the store longer")
        // As when a process ends while SQLite is copying the log into the file: page 1, with the
        // new length, is written first; the later pages are still only in the log.
        try handle.seek(toOffset: 28)
        try handle.write(contentsOf: Data([UInt8(pages >> 24 & 0xff), UInt8(pages >> 16 & 0xff), UInt8(pages >> 8 & 0xff), UInt8(pages & 0xff)]))
        try handle.close()
        try storage.close()
        let expected = try tender.head()
        let outcome = try CLI.run(["audit", "verify", "--store", copy, "--as", "officer"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == expected)
        // Without its log the same file is cut off, and is refused as before.
        try FileManager.default.copyItem(atPath: copy, toPath: copy + ".alone")
        let alone = try CLI.run(["audit", "verify", "--store", copy + ".alone", "--as", "officer"])
        #expect(alone.status == 1 && alone.stderr.contains("is damaged"), "\(alone.stderr)")
    }

    @Test("a store on read-only media is read and verified, and says it was read as a copy")
    func readOnlyMedia() throws {
        let tender = try CLITender.withScores()
        let head = try tender.head()
        let media = tender.folder.appendingPathComponent("evidence")
        try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
        // As root (CI), a read-only mount; otherwise a folder nobody may write.
        let mounted = getuid() == 0 && system("mount -t tmpfs -o size=16m tmpfs '\(media.path)'") == 0
        defer { if mounted { _ = system("umount '\(media.path)'") } else { chmod(media.path, 0o755) } }
        let copy = media.appendingPathComponent("tender.sqlite").path
        try FileManager.default.copyItem(atPath: tender.store.path, toPath: copy)
        if mounted {
            #expect(system("mount -o remount,ro '\(media.path)'") == 0)
        } else {
            chmod(copy, 0o444)
            chmod(media.path, 0o555)
        }
        let outcome = try CLI.run(["audit", "verify", "--store", copy, "--as", "auditor"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("cannot be written here, so it was read as an unchanging copy"))
        #expect(outcome.stdout.contains(head.split(separator: " ").last.map(String.init) ?? "no head"))
        let changed = try CLI.run(["finalise", "--reason", "x", "--store", copy, "--as", "auditor"])
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("cannot be written to"))
    }

    @Test("white space around a member's id does not make them someone else")
    func spoofedActor() throws {
        let tender = try CLITender.withBids()
        for actor in [" p-tom", "p-tom\t", "\u{00A0}p-tom"] {
            let outcome = try tender.run(["scores", "import", tender.sample("scoresheets/p-amira.xml")], as: actor)
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains("p-tom may hand in only their own scoresheet"), "\(outcome.stderr)")
            let peek = try tender.run(["moderate", "list"], as: actor)
            #expect(peek.status == 1)
            #expect(peek.stderr.contains("p-tom has 42 items still to score"))
        }
    }

    @Test("a name or reason with a line break or escape cannot forge a line of the history")
    func forgedHistoryLines() throws {
        let tender = try CLITender.withBids()
        let forged = try tender.run(["panel", "import", tender.sample("panel.xml")], as: "Dev\n#99  2026-10-01  Auditor  tender.finalised")
        #expect(forged.status == 1)
        #expect(forged.stderr.contains("contains a line break (U+000A), which a name cannot carry"))
        let escaped = try tender.run(["finalise", "--reason", "done\u{1B}[2J"])
        #expect(escaped.status == 1)
        #expect(escaped.stderr.contains("The reason contains a control character (U+001B)"))
        let log = try tender.run(["audit", "log"])
        #expect(!log.stdout.contains("#99"))
    }

    @Test("a negative agreed score is refused by the scale, in plain words")
    func negativeScore() throws {
        let tender = try CLITender.withScores()
        let outcome = try tender.run(["moderate", "agree", "BID-005", "working-together", "-1", "--rationale", "No shared power."])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("score -1 is outside the scale 0–5"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("Missing expected argument"))
    }

    @Test("a conflict declared after scoring: withdraw the scores with a reason, then record it")
    func lateConflict() throws {
        let tender = try CLITender.withScores()
        let panel = try String(contentsOfFile: tender.sample("panel.xml"), encoding: .utf8).replacingOccurrences(
            of: "</panel>", with: #"<conflict member="p-tom" submission="BID-003">Joined the bidder's board</conflict></panel>"#)
        let file = try tender.write("panel-late.xml", panel)
        let refused = try tender.run(["panel", "import", file, "--reason", "Tom's new conflict"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("tenderscore scores withdraw --panelist p-tom --submission BID-003"))
        let withdrawn = try tender.expectSuccess([
            "scores", "withdraw", "--panelist", "p-tom", "--submission", "BID-003", "--reason", "Declared a conflict after scoring",
        ])
        #expect(withdrawn.stdout.contains("Withdrew 6 scores of p-tom on BID-003."))
        try tender.expectSuccess(["panel", "import", file, "--reason", "Tom's new conflict"])
        let log = try tender.expectSuccess(["audit", "log", "--member", "p-tom", "--submission", "BID-003"])
        #expect(log.stdout.contains("score withdrawn: withdrew p-tom's score of BID-003"))
        #expect(log.stdout.contains("(why: Declared a conflict after scoring)"))
        try tender.expectSuccess(["audit", "verify"])
    }
}

@Suite("outputs never destroy what they did not create")
struct OutputSafetyTests {
    @Test("an output over the store, its WAL or a path through a link to it is refused; the store still verifies")
    func outputOverStore() throws {
        let tender = try CLITender.withScores()
        let head = try tender.head()
        let indirect = tender.folder.appendingPathComponent("x").path
        try FileManager.default.createDirectory(atPath: indirect, withIntermediateDirectories: true)
        for target in [tender.store.path, tender.store.path + "-wal", indirect + "/../tender.sqlite"] {
            for arguments in [
                ["rank", "--provisional", "--output", target, "--replace"],
                ["scores", "template", "--panelist", "p-amira", "--output", target, "--replace"],
            ] {
                let outcome = try tender.run(arguments)
                #expect(outcome.status == 1, "\(arguments)")
                #expect(!outcome.stderr.isEmpty)
            }
        }
        #expect(try tender.head() == head)
    }

    @Test("an existing file is replaced only when asked")
    func replaceOnlyWhenAsked() throws {
        let tender = try CLITender.withScores()
        let existing = try tender.write("ranking.csv", "someone's notes\n")
        let refused = try tender.run(["rank", "--provisional", "--format", "csv", "--output", existing])
        #expect(refused.status == 1)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "someone's notes\n")
        try tender.expectSuccess(["rank", "--provisional", "--format", "csv", "--output", existing, "--replace"])
        #expect(try String(contentsOfFile: existing, encoding: .utf8).hasPrefix("rank,"))
    }

    @Test("a pack written into an old pack folder is refused, so no stale bid survives")
    func packIntoOldFolder() throws {
        let tender = try CLITender.withBids()
        let folder = tender.folder.appendingPathComponent("pack").path
        try tender.expectSuccess(["pack", "--panelist", "p-amira", "--output", folder])
        let again = try tender.run(["pack", "--panelist", "p-ruth", "--output", folder])
        #expect(again.status == 1)
        #expect(again.stderr.contains("the folder is not empty"), "\(again.stderr)")
    }
}

@Suite("anonymised packs")
struct AnonymisedPackTests {
    @Test("declared other names are replaced, whole words only")
    func otherNames() throws {
        let tender = try CLITender.withBids()
        let folder = tender.folder.appendingPathComponent("pack").path
        try tender.expectSuccess([
            "pack", "--panelist", "p-amira", "--output", folder, "--anonymise", "--other-name", "BID-005=Beacon",
            // Whole words only: a compound such as the bidder's platform name is declared too.
            "--other-name", "BID-005=BeaconConnect", "--other-name", "BID-004=Carewise",
        ])
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".html") }
        let text = try pages.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }.joined()
        #expect(!text.contains("Beacon"))
        #expect(!text.contains("Carewise"))
        #expect(text.contains("carers"))
        let unknown = try tender.run(["pack", "--panelist", "p-amira", "--output", folder + "2", "--anonymise", "--other-name", "BID-099=X"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("--other-name names BID-099, which is not a bid of this tender"))
    }
}
