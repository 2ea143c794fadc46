import TenderPostgres
import TenderStore
import Testing

@Suite("store URLs: parsing and never showing the password")
struct PostgresURLTests {
    @Test func parsesEveryPart() throws {
        let url = try PostgresURL(parsing: "postgresql://dev:s3cret@db.council.example:6543/tenders")
        #expect(url.user == "dev")
        #expect(url.password == "s3cret")
        #expect(url.host == "db.council.example")
        #expect(url.port == 6543)
        #expect(url.database == "tenders")
        #expect(url.tls == .prefer)
    }

    @Test func shortSchemeDefaultPortNoPasswordAndOptions() throws {
        let url = try PostgresURL(parsing: "postgres://auditor@127.0.0.1/tenders?sslmode=disable")
        #expect(url.password == nil)
        #expect(url.port == 5432)
        #expect(url.tls == .disable)
        #expect(url.redacted == "postgresql://auditor@127.0.0.1/tenders?sslmode=disable")
    }

    @Test func percentEncodedPasswordAndIPv6() throws {
        let url = try PostgresURL(parsing: "postgresql://dev:p%40ss%2Fword@[::1]:55432/db")
        #expect(url.password == "p@ss/word")
        #expect(url.host == "::1")
        #expect(url.port == 55432)
        #expect(url.redacted == "postgresql://dev:***@[::1]:55432/db")
    }

    @Test func redactionReplacesThePassword() throws {
        let url = try PostgresURL(parsing: "postgresql://dev:hunter2@host/db")
        #expect(url.redacted == "postgresql://dev:***@host/db")
        #expect(!"\(url)".contains("hunter2"))
        #expect(PostgresURL.redact("postgresql://dev:hun@ter2@host:5/db") == "postgresql://dev:***@host:5/db")
        #expect(PostgresURL.redact("postgresql://dev@host/db") == "postgresql://dev@host/db")
    }

    @Test("a malformed URL is refused, and the message never shows its password", arguments: [
        ("postgresql://dev:hunter2@host", "it names no database (/DATABASE after the host)"),
        ("postgresql://host/db", "it names no user (USER@ before the host)"),
        ("postgresql://dev:hunter2@host:port/db", "the port is not a number"),
        ("postgresql://dev:hunter2@host:70000/db", "the port 70000 is not between 1 and 65535"),
        ("postgresql://dev:hunter2@host/db?sslmode=maybe", "sslmode must be disable, prefer or require, not maybe"),
        ("postgresql://dev:hunter2@/db", "it names no host"),
    ])
    func malformedRefused(_ text: String, _ why: String) {
        do {
            _ = try PostgresURL(parsing: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains(why), "\(error.message)")
            #expect(error.message.contains("is not a PostgreSQL store URL"))
            #expect(!error.message.contains("hunter2"))
        }
    }
}
