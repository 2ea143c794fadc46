import ArgumentParser
import Foundation
import TenderWeb
import TenderWorkflow

/// `tenderscore serve`: the panel's web app over the store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the panel's web app over the store (behind the council's HTTPS proxy in use).")

    @OptionGroup var store: StoreOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Mark cookies Secure on every response (set this behind an HTTPS proxy; requests with X-Forwarded-Proto: https get it anyway).")
    var secureCookies = false

    func run() async throws {
        let storage = try await store.accountStorage()
        var served = try await storage.tenderIDs()
        if let named = store.tenderID {
            // Refused in the words every command uses when the store holds no such tender.
            served = [try await Tender.open(in: storage, tender: named).id]
        }
        let what = served.isEmpty ? "no tender yet" : served.joined(separator: ", ")
        Terminal.print("TenderScore is serving \(what) in \(storage.location) at http://\(host):\(port)/ (stop it with Ctrl-C)")
        try await serve(
            WebSettings(storage: storage, tender: store.tenderID, host: host, port: port, secureCookies: secureCookies))
    }
}
