import Foundation
@_spi(Testing) import TenderWorkflow
import TenderModel
import TenderSQLite
import TenderStore

/// A tender in a temporary SQLite store, set up the way the sample tender is.
public struct StoreFixture: Sendable {
    public let folder: TemporaryFolder
    public let clock = StepClock()
    public var storePath: String { folder.file("tender.sqlite") }

    public init() throws {
        folder = try TemporaryFolder()
    }

    public func create() async throws -> Tender {
        try await Tender.create(
            in: try SQLiteStorage.new(at: storePath), tender: SampleTender.tender,
            criteria: try DocumentFile.read(SampleTender.criteria, options: .init()),
            title: "Community support for adults with learning disabilities", by: try ActingPerson("Dev Patel"),
            clock: clock.function)
    }

    public func open(readOnly: Bool = false) async throws -> Tender {
        try await Tender.open(in: try SQLiteStorage.open(at: storePath, readOnly: readOnly), clock: clock.function)
    }

    /// A tender with its panel and all seven sample bids on record.
    public func withBids() async throws -> Tender {
        let store = try await create()
        _ = try await store.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        _ = try await store.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
        return store
    }

    /// The sample tender set up in any store (a PostgreSQL database, say) as ``withBids()`` and
    /// ``scored()`` set it up in the file.
    public static func sampleTender(
        in storage: any TenderStorage, scored: Bool = false, clock: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> Tender {
        let tender = try await Tender.create(
            in: storage, tender: SampleTender.tender, criteria: try DocumentFile.read(SampleTender.criteria, options: .init()),
            title: "Community support for adults with learning disabilities", by: try ActingPerson("Dev Patel"), clock: clock)
        _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
        if scored {
            for sheet in try await Sheets.all(tender) {
                _ = try await tender.importScores(sheet: sheet, actor: sheet.panelist)
            }
        }
        return tender
    }

    /// A tender where every panel member has scored every bid they may score.
    public func scored() async throws -> Tender {
        let store = try await withBids()
        for sheet in try await Sheets.all(store) {
            _ = try await store.importScores(sheet: sheet, actor: sheet.panelist)
        }
        return store
    }
}

/// Scoresheets built from the model values on record: each member scores every bid they are not
/// conflicted with, on every criterion, with a rationale in words.
public enum Sheets {
    public static func all(_ store: Tender) async throws -> [Scoresheet] {
        let snapshot = try await store.snapshot(.responses)
        guard let panel = snapshot.panel?.panel else { return [] }
        return panel.members.enumerated().map { index, member in
            sheet(
                member: member, offset: index, panel: panel, submissions: snapshot.submissions.map(\.submission),
                criteria: snapshot.criteria)
        }
    }

    public static func sheet(
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
