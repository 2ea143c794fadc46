import Foundation
import PostgresNIO
import TenderPostgres
import Testing

/// The PostgreSQL server the tests use: `$TENDERSCORE_TEST_POSTGRES`, a URL whose role may
/// create databases and roles (.ci/run starts a throwaway cluster and sets it).
///
/// Unset, the tests that need a server are skipped, unless `$TENDERSCORE_REQUIRE_CHECKERS` is
/// set (as in CI), when they run and fail for want of it: a CI run can never skip them.
///
/// Shared by the PostgreSQL store's tests and the web app's, which run their flows on both
/// stores.
public enum PostgresTestServer {
    public static let environment = ProcessInfo.processInfo.environment

    public static var url: PostgresURL? {
        environment["TENDERSCORE_TEST_POSTGRES"].flatMap { try? PostgresURL(parsing: $0) }
    }

    /// Whether tests that need the server run: it is configured, or CI requires it.
    public static var shouldRun: Bool {
        url != nil || environment["TENDERSCORE_REQUIRE_CHECKERS"] != nil
    }

    /// The configured server, or a failure that says how to configure one.
    public static func required() throws -> PostgresURL {
        try #require(
            url,
            "TENDERSCORE_TEST_POSTGRES is not set (or not a postgresql:// URL): CI requires these tests; see .ci/run for the throwaway cluster")
    }

    /// A new, empty database on the server, so that each test (and each store of one test) is
    /// on its own and tests run in parallel.
    public static func freshDatabase() async throws -> PostgresURL {
        var url = try required()
        let name = "ts_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await execute(["CREATE DATABASE \(name)"], on: url)
        url.database = name
        return url
    }

    /// The URL as a person writes it in `--store`, password and all (never print it).
    public static func raw(_ url: PostgresURL) -> String {
        "postgresql://\(url.user)\(url.password.map { ":" + $0 } ?? "")@\(url.host):\(url.port)/\(url.database)"
    }

    /// Runs statements directly, as someone with access to the database would.
    public static func execute(_ statements: [String], on url: PostgresURL) async throws {
        var logger = Logger(label: "tenderscore.tests")
        logger.logLevel = .critical
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            for statement in statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Ends every other session on `database`, as a server restart would, from outside this
    /// process (psql), so that it can be called from a synchronous fault injector.
    public static func terminateSessions(on database: String) throws {
        let url = try required()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "psql", "-h", url.host, "-p", String(url.port), "-U", url.user, "-d", url.database, "-qAt", "-c",
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' AND pid <> pg_backend_pid()",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = url.password ?? ""
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "psql could not end the sessions on \(database)")
    }
}
