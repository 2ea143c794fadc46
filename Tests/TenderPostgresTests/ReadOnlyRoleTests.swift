import Foundation
import TenderModel
import TenderPostgres
import TenderStore
import TenderTestSupport
import TenderWorkflow
import Testing

/// An auditor verifies with a role that may only SELECT.
@Suite("an auditor verifies with a read-only role", .enabled(if: PostgresTestServer.shouldRun))
struct ReadOnlyRoleTests {
    @Test func verifyNeedsOnlySelect() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let tender = try await PostgresFixture(url: url).scored()
        let head = try await tender.snapshot().head

        let role = "auditor_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try await PostgresTestServer.execute(
            [
                "CREATE ROLE \(role) LOGIN PASSWORD 'audit-pw'",
                "GRANT CONNECT ON DATABASE \(url.database) TO \(role)",
                "GRANT USAGE ON SCHEMA public TO \(role)",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(role)",
                // As the README has it: an auditor never reads password or token hashes.
                "REVOKE SELECT ON passwords, sessions, invitations FROM \(role)",
            ], on: url)
        var auditor = url
        auditor.user = role
        auditor.password = "audit-pw"

        let storage = try await PostgresStorage.open(auditor, readOnly: true)
        let verification = try await Tender.open(in: storage).verify(expectHead: head)
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(verification.head == head)

        // Opened for writing, the same role is still refused any change by the server itself.
        let writable = try await PostgresStorage.open(auditor)
        let error = try await refusal {
            _ = try await Tender.create(
                in: writable, tender: "TND-2026-099", criteria: try DocumentFile.read(SampleTender.criteria, options: .init()),
                by: try ActingPerson("Dev Patel"))
        }
        #expect(error.code == .forbidden)
        #expect(error.message.hasPrefix("User \(role) may not do this in \(auditor.redacted): permission denied"), "\(error.message)")
        #expect(try await tender.snapshot().head == head)

        #expect(try await storage.accountEvents().isEmpty)
        let hashes = try await refusal { _ = try await storage.passwordHash(person: "p-amira") }
        #expect(hashes.code == .forbidden)
        #expect(hashes.message.hasPrefix("User \(role) may not do this in \(auditor.redacted): permission denied"), "\(hashes.message)")

        let readOnly = try await Tender.open(in: storage)
        let refused = try await refusal { _ = try await readOnly.importPanel(file: SampleTender.panel, actor: "Dev Patel") }
        #expect(refused.message == "\(auditor.redacted) was opened read-only; nothing can be changed through it.")
    }
}
