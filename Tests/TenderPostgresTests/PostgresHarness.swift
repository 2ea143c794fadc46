import Foundation
import TenderPostgres
import TenderStore
import TenderTestSupport

/// Fresh PostgreSQL stores for the conformance suite: each in a database of its own.
struct PostgresHarness: StorageHarness {
    func newStorage() async throws -> any TenderStorage {
        try await PostgresStorage.open(try await PostgresTestServer.freshDatabase())
    }

    func reopen(_ storage: any TenderStorage) async throws -> any TenderStorage {
        try await PostgresStorage.open(try Self.url(of: storage))
    }

    func tamper(_ storage: any TenderStorage, _ tampering: Tampering) async throws {
        let statements: [String]
        switch tampering {
        case .editProjectedScore:
            statements = [
                """
                UPDATE scores SET value = 5 - value WHERE (tender_id, panelist, submission_id, criterion_id) =
                (SELECT tender_id, panelist, submission_id, criterion_id FROM scores ORDER BY 1, 2, 3, 4 LIMIT 1)
                """
            ]
        case .editEventPayload:
            statements = [
                "DROP TRIGGER events_no_update ON events",
                "UPDATE events SET payload = replace(payload, '\"value\":3', '\"value\":4') WHERE seq = (SELECT max(seq) FROM events)",
            ]
        case .deleteLastEvent:
            statements = [
                "DROP TRIGGER events_no_delete ON events",
                "DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)",
            ]
        }
        try await PostgresTestServer.execute(statements, on: try Self.url(of: storage))
    }

    static func url(of storage: any TenderStorage) throws -> PostgresURL {
        guard let postgres = storage as? PostgresStorage else {
            throw StoreError(.invalidInput, "\(storage.location) is not a PostgreSQL store")
        }
        return postgres.url
    }
}
