import Testing
import TenderTestSupport

/// The store conformance suite, run against PostgreSQL: the same checks SQLite passes.
@Suite(.enabled(if: PostgresTestServer.shouldRun, "set TENDERSCORE_TEST_POSTGRES to run against PostgreSQL"))
struct PostgresConformanceTests {
    @Test(arguments: ConformanceCheck.all)
    func postgresStorePasses(_ check: ConformanceCheck) async throws {
        try await check.run(PostgresHarness())
    }
}
