import Foundation
import TenderTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("users and serve through the CLI")
struct UsersCommandTests {
    @Test("users add, invite and list; refusals say what to do")
    func addInviteList() throws {
        let tender = try CLITender.withBids()
        let added = try tender.expectSuccess(["users", "add", "c-jo", "--role", "commissioner", "--name", "Jo Clarke"])
        #expect(added.stdout.contains("Added c-jo as commissioner. Invite them with: tenderscore users invite c-jo"))
        let again = try tender.run(["users", "add", "c-jo", "--role", "auditor"])
        #expect(again.status == 1 && again.stderr.contains("c-jo is already added."))
        let badID = try tender.run(["users", "add", "jo clarke", "--role", "auditor"])
        #expect(badID.status == 1 && badID.stderr.contains("'jo clarke' cannot be a person's id"))
        let badRole = try tender.run(["users", "add", "a-x", "--role", "panel"])
        #expect(badRole.status == 2)

        let link = try tender.expectSuccess(["users", "invite", "p-amira", "--base-url", "https://tenders.example.gov.uk/"])
        let line = link.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("https://tenders.example.gov.uk/invitations/") && line.count > 60)
        let unknown = try tender.run(["users", "invite", "p-nobody"])
        #expect(unknown.status == 1 && unknown.stderr.contains("p-nobody is neither on the panel nor added"))

        let list = try tender.expectSuccess(["users", "list"])
        #expect(list.stdout.contains("p-amira\tAmira Khan\tpanel member (expert-by-experience)\tno password yet"))
        #expect(list.stdout.contains("c-jo\tJo Clarke\tcommissioner\tno password yet"))
    }

    @Test("serve answers on the port it was given, with the sign-in page")
    func serve() async throws {
        let tender = try CLITender.withBids()
        let port = Int.random(in: 20000...40000)
        let process = Process()
        process.executableURL = try CLI.binary()
        process.arguments = ["serve", "--store", tender.store.path, "--port", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/sign-in"))
        var page: String?
        for _ in 0..<100 where page == nil {
            try await Task.sleep(for: .milliseconds(100))
            if let (data, _) = try? await URLSession.shared.data(from: url) {
                page = String(decoding: data, as: UTF8.self)
            }
        }
        #expect(page?.contains("<h1>Sign in</h1>") == true)
    }

    @Test("demo --serve prints an invitation link for every sample person, and each link opens")
    func demoServe() async throws {
        let folder = try CLI.temporaryDirectory()
        let port = Int.random(in: 40001...60000)
        let process = Process()
        process.executableURL = try CLI.binary()
        process.arguments = ["demo", "--serve", "--port", String(port), "--output", folder.path]
        process.currentDirectoryURL = CLI.packageRoot
        let output = folder.appendingPathComponent("stdout.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        var printed = ""
        for _ in 0..<200 where !printed.contains("Serving at") {
            try await Task.sleep(for: .milliseconds(100))
            printed = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
        }
        let links = printed.split(separator: "\n").compactMap { line in line.range(of: "http://").map { String(line[$0.lowerBound...]) } }
            .filter { $0.contains("/invitations/") }
        #expect(links.count == 6, "\(printed)")
        #expect(printed.contains("Amira Khan (panel member (expert-by-experience)): http://127.0.0.1:\(port)/invitations/"))
        #expect(printed.contains("Dev Patel (panel member (commissioner), commissioner)"))
        #expect(printed.contains("Morgan Ellis (auditor)"))
        let url = try #require(links.first.flatMap(URL.init(string:)))
        var page: String?
        for _ in 0..<100 where page == nil {
            try await Task.sleep(for: .milliseconds(100))
            if let (data, _) = try? await URLSession.shared.data(from: url) { page = String(decoding: data, as: UTF8.self) }
        }
        #expect(page?.contains("Set your password") == true)
    }
}
