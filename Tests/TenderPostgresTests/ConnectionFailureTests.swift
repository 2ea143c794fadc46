import Foundation
import TenderPostgres
import TenderStore
import TenderTestSupport
import Testing

/// Each way of failing to reach the database is told exactly, without the password.
@Suite("connection failures are told clearly")
struct ConnectionFailureTests {
    @Test func unreachableServer() async throws {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        let url = try PostgresURL(parsing: "postgresql://dev:hunter2@127.0.0.1:1/tenders?sslmode=disable")
        let error = try await refusal { _ = try await PostgresStorage.open(url) }
        #expect(error.code == .cannotAccess)
        #expect(error.message.hasPrefix("Cannot reach the PostgreSQL server at 127.0.0.1:1 for postgresql://dev:***@127.0.0.1:1/tenders?sslmode=disable"), "\(error.message)")
        #expect(error.message.contains("Check that the server is running and that the host and port are right."))
        #expect(!error.message.contains("hunter2"))
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun)) func wrongPassword() async throws {
        var url = try PostgresTestServer.required()
        url.password = "not-the-password"
        let error = try await refusal { _ = try await PostgresStorage.open(url) }
        #expect(error.code == .cannotAccess)
        #expect(
            error.message
                == "The PostgreSQL server at \(url.host):\(url.port) refused the password for user \(url.user) (\(url.redacted)). Check the password in the URL or in $TENDERSCORE_STORE.")
        #expect(!error.message.contains("not-the-password"))
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun)) func missingDatabase() async throws {
        var url = try PostgresTestServer.required()
        url.database = "no_such_tenderscore_db"
        let error = try await refusal { _ = try await PostgresStorage.open(url) }
        #expect(error.code == .storeNotFound)
        #expect(
            error.message.hasPrefix(
                "The database no_such_tenderscore_db does not exist on the PostgreSQL server at \(url.host):\(url.port) (\(url.redacted))."))
        #expect(error.message.contains("Create it first"))
        if let password = url.password { #expect(!error.message.contains(password)) }
    }

    @Test(.enabled(if: PostgresTestServer.shouldRun)) func readOnlyOpenOfAnEmptyDatabase() async throws {
        let url = try await PostgresTestServer.freshDatabase()
        let error = try await refusal { _ = try await PostgresStorage.open(url, readOnly: true) }
        #expect(error.code == .storeNotFound)
        #expect(error.message == "\(url.redacted) holds no TenderScore tenders yet: set one up with `tenderscore init --store ... --tender ID`.")
    }
}

/// The StoreError `body` throws; a failure when it throws none.
func refusal(_ body: () async throws -> Void) async throws -> StoreError {
    do {
        try await body()
    } catch let error as StoreError {
        return error
    }
    Issue.record("nothing was refused")
    return StoreError(.database, "nothing was refused")
}
