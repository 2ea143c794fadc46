import Foundation
import TenderModel
import TenderPostgres
import TenderStore
import TenderTestSupport
@_spi(Testing) import TenderWorkflow

/// The sample tender in a PostgreSQL database, set up as the SQLite fixture sets it up.
struct PostgresFixture {
    let url: PostgresURL

    func create(tender: String = SampleTender.tender) async throws -> Tender {
        try await Tender.create(
            in: try await PostgresStorage.open(url), tender: tender,
            criteria: try DocumentFile.read(SampleTender.criteria, options: .init()),
            title: "Community support for adults with learning disabilities", by: try ActingPerson("Dev Patel"))
    }

    /// Panel, bids and every member's scores on record.
    func scored() async throws -> Tender {
        let tender = try await create()
        _ = try await tender.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        _ = try await tender.importSubmissions(files: SampleTender.bids, actor: "Dev Patel")
        for sheet in try await Sheets.all(tender) {
            _ = try await tender.importScores(sheet: sheet, actor: sheet.panelist)
        }
        return tender
    }
}
