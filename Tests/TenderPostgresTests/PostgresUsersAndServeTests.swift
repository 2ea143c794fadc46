import Foundation
import TenderPostgres
import TenderTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `users add`, `invite`, `list` and `serve` on a PostgreSQL store holding two tenders: the
/// accounts are the database's, shared by its tenders, and `serve` serves the tender named.
@Suite("people and the web app on PostgreSQL", .enabled(if: PostgresTestServer.shouldRun))
struct PostgresUsersAndServeTests {
    let samples = CLI.packageRoot.appendingPathComponent("Samples").path

    func run(_ arguments: [String], store: String, tender: String? = nil) throws -> CLI.Outcome {
        var environment = ["TENDERSCORE_STORE": store, "TENDERSCORE_ACTOR": "Dev Patel"]
        environment["TENDERSCORE_TENDER"] = tender
        return try CLI.run(arguments, environment: environment)
    }

    /// Two tenders in a fresh database, the sample one with its panel.
    func twoTenders() async throws -> (url: PostgresURL, store: String) {
        let url = try await PostgresTestServer.freshDatabase()
        let store = PostgresTestServer.raw(url)
        for (tender, criteria) in [("TND-2026-014", "coproduction-commissioning"), ("TND-2026-015", "community-grants")] {
            let created = try run(["init", "--tender", tender, "--criteria", "Criteria/\(criteria).xml"], store: store)
            #expect(created.status == 0, "\(created.stderr)")
        }
        #expect(try run(["panel", "import", samples + "/panel.xml"], store: store, tender: "TND-2026-014").status == 0)
        return (url, store)
    }

    @Test func usersAreAddedInvitedAndListedInTheDatabase() async throws {
        let (url, store) = try await twoTenders()
        let added = try run(["users", "add", "c-jo", "--role", "commissioner", "--name", "Jo Clarke"], store: store, tender: "TND-2026-014")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Added c-jo as commissioner. Invite them with: tenderscore users invite c-jo"))
        // Accounts are the database's: the other tender knows c-jo too.
        let again = try run(["users", "add", "c-jo", "--role", "auditor"], store: store, tender: "TND-2026-015")
        #expect(again.status == 1 && again.stderr.contains("c-jo is already added."), "\(again.all)")

        let link = try run(["users", "invite", "p-amira", "--base-url", "https://tenders.example.gov.uk/"], store: store, tender: "TND-2026-014")
        #expect(link.status == 0, "\(link.stderr)")
        #expect(link.stdout.hasPrefix("https://tenders.example.gov.uk/invitations/"))
        let notOnThatPanel = try run(["users", "invite", "p-amira"], store: store, tender: "TND-2026-015")
        #expect(notOnThatPanel.status == 1 && notOnThatPanel.stderr.contains("p-amira is neither on the panel nor added"))

        let list = try run(["users", "list"], store: store, tender: "TND-2026-014")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("p-amira\tAmira Khan\tpanel member (expert-by-experience)\tno password yet"))
        #expect(list.stdout.contains("c-jo\tJo Clarke\tcommissioner\tno password yet"))
        let ambiguous = try run(["users", "list"], store: store)
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("\(url.redacted) holds 2 tenders (TND-2026-014, TND-2026-015); name one with --tender."))

        let events = try await PostgresStorage.open(url, readOnly: true).accountEvents()
        #expect(events.map(\.kind) == [.personAdded, .personInvited] && events.allSatisfy { $0.actor == "Dev Patel" })
        if let password = url.password, !password.isEmpty {
            for outcome in [added, again, link, list, ambiguous] { #expect(!outcome.all.contains(password)) }
        }
    }

    @Test func serveServesTheNamedTenderOrEveryOne() async throws {
        let (url, store) = try await twoTenders()
        let port = Int.random(in: 20000...40000)
        let link = try run(["users", "invite", "p-amira", "--base-url", "http://127.0.0.1:\(port)"], store: store, tender: "TND-2026-014")
        let server = try StartedCommand(
            ["serve", "--port", String(port), "--tender", "TND-2026-014"], environment: ["TENDERSCORE_STORE": store])
        var sign: String?
        var invitation: String?
        for _ in 0..<150 where invitation == nil {
            try await Task.sleep(for: .milliseconds(100))
            sign = try? await page("http://127.0.0.1:\(port)/sign-in")
            if sign != nil { invitation = try? await page(link.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        #expect(sign?.contains("<h1>Sign in</h1>") == true)
        #expect(invitation?.contains("Set your password") == true)
        let served = try await stop(server)
        #expect(served.stdout.contains("TenderScore is serving TND-2026-014 in \(url.redacted) at http://127.0.0.1:\(port)/"), "\(served.all)")
        if let password = url.password, !password.isEmpty { #expect(!served.all.contains(password)) }

        // Without --tender, every tender of the store is served.
        let everyTender = try StartedCommand(["serve", "--port", String(port)], environment: ["TENDERSCORE_STORE": store])
        var signIn: String?
        for _ in 0..<150 where signIn == nil {
            try await Task.sleep(for: .milliseconds(100))
            signIn = try? await page("http://127.0.0.1:\(port)/sign-in")
        }
        let both = try await stop(everyTender)
        #expect(both.stdout.contains("TenderScore is serving TND-2026-014, TND-2026-015 in \(url.redacted)"), "\(both.all)")
        let unknown = try run(["serve", "--port", String(port), "--tender", "TND-2026-099"], store: store)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("\(url.redacted) holds no tender TND-2026-099 (it holds TND-2026-014, TND-2026-015)."), "\(unknown.all)")
    }

    func page(_ address: String) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: address)))
        return String(decoding: data, as: UTF8.self)
    }

    /// Ends the server as Ctrl-C would, and returns what it printed.
    func stop(_ server: StartedCommand) async throws -> CLI.Outcome {
        server.interrupt()
        return try await server.finish(timeout: 30)
    }
}
