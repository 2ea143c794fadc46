import Foundation
import GRDB
@_spi(Testing) import TenderStore
import TenderModel
import TenderXML

/// The repository's real documents, found from this file (through the scratch package's
/// symlinks too).
enum Samples {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let criteria = root.appendingPathComponent("Criteria/coproduction-commissioning.xml").path
    static let otherCriteria = root.appendingPathComponent("Criteria/community-grants.xml").path
    static let panel = root.appendingPathComponent("Samples/panel.xml").path
    static let bidsFolder = root.appendingPathComponent("Samples/bids").path
    static var bids: [String] {
        (1...7).map { root.appendingPathComponent("Samples/bids/BID-00\($0).xml").path }
    }
    static let scoresheets = root.appendingPathComponent("Samples/scoresheets").path
    static let tender = "TND-2026-014"
}

/// A clock that starts at 09:00 UTC on 10 October 2026 and moves one second per reading, so
/// every event has a known, distinct time.
final class StepClock: @unchecked Sendable {
    private let lock = NSLock()
    private var next = Date(timeIntervalSince1970: 1_791_622_800)  // 2026-10-10T09:00:00Z

    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        let value = next
        next = next.addingTimeInterval(1)
        return value
    }

    var function: @Sendable () -> Date { { self.now() } }
}

/// A temporary folder removed when the fixture goes away.
final class TemporaryFolder: @unchecked Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tenderstore-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { URL(fileURLWithPath: path).appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        let target = file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }
}

struct StoreFixture {
    let folder: TemporaryFolder
    let clock = StepClock()
    var storePath: String { folder.file("tender.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
    }

    func create() throws -> TenderRecord {
        try TenderRecord.create(
            at: storePath, tender: Samples.tender, criteriaFile: Samples.criteria,
            title: "Community support for adults with learning disabilities", actor: "Dev Patel", clock: clock.function)
    }

    func open() throws -> TenderRecord {
        try TenderRecord.open(at: storePath, clock: clock.function)
    }

    /// A tender with its panel and all seven sample bids on record.
    func withBids() throws -> TenderRecord {
        let store = try create()
        _ = try store.importPanel(file: Samples.panel, actor: "Dev Patel")
        _ = try store.importSubmissions(files: Samples.bids, actor: "Dev Patel")
        return store
    }

    /// A tender where every panel member has scored every bid they may score.
    func scored() throws -> TenderRecord {
        let store = try withBids()
        for sheet in try Sheets.all(store) {
            _ = try store.importScores(sheet: sheet, actor: sheet.panelist)
        }
        return store
    }

    /// Runs SQL on the store file through a connection of its own, as someone with the file and
    /// an SQLite tool would.
    func tamper(_ sql: String) throws {
        let queue = try DatabaseQueue(path: storePath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    func dump() throws -> String { try Dump.tables(storePath) }
}

enum Dump {
    /// Every table's rows and the schema, in a stable order: equal dumps mean equal content.
    static func tables(_ path: String) throws -> String {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { db in
            var out = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
                .joined(separator: "\n")
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
                out += "\n## \(table)\n"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid") {
                    out += row.description + "\n"
                }
            }
            return out
        }
    }
}

/// Scoresheets built from the model values on record: each member scores every bid they are not
/// conflicted with, on every criterion, with a rationale in words.
enum Sheets {
    static func all(_ store: TenderRecord) throws -> [Scoresheet] {
        let criteria = try store.criteria()
        let submissions = try store.submissions()
        guard let panel = try store.panel() else { return [] }
        return panel.members.enumerated().map { index, member in
            sheet(member: member, offset: index, panel: panel, submissions: submissions, criteria: criteria)
        }
    }

    static func sheet(
        member: PanelMember, offset: Int, panel: Panel, submissions: [Submission], criteria: Criteria
    ) -> Scoresheet {
        var scores: [Score] = []
        let points = criteria.scale.max - criteria.scale.min + 1
        for (bidIndex, submission) in submissions.enumerated()
        where !panel.isConflicted(member: member.id, submission: submission.id) {
            for (criterionIndex, criterion) in criteria.criteria.enumerated() {
                // Scores of 2 to 5 that differ a little between members: realistic, mostly
                // within the moderation divergence.
                let value = criteria.scale.min + 2 + (bidIndex + criterionIndex + offset % 2) % (points - 2)
                let label = criteria.scale.level(value)?.label ?? ""
                scores.append(
                    Score(
                        panelist: member.id, submission: submission.id, criterion: criterion.id, value: value,
                        rationale:
                            "\(label): \(submission.bidder.name)'s answer on \(criterion.title.lowercased()) read by \(member.name)."))
            }
        }
        return Scoresheet(tender: panel.tender, panelist: member.id, scores: scores)
    }
}

extension TenderRecord {
    func currentScore(_ panelist: String, _ submission: String, _ criterion: String) throws -> Score? {
        try scores().first { $0.panelist == panelist && $0.submission == submission && $0.criterion == criterion }
    }
}

func fileBytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
