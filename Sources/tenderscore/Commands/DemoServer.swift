import Foundation
import TenderSQLite
import TenderStore
import TenderWeb
import TenderWorkflow
import TenderXML

/// `tenderscore demo --serve`: the sample tender with its panel and bids but no scores yet, an
/// invitation link for every sample person, and the web app, so that a newcomer can be a
/// panel member in one command.
struct DemoServer {
    let samplesFolder: String
    let criteriaFile: String
    let storePath: String
    let port: Int

    func run() async throws {
        let options = DocumentReadOptions()
        let setUpBy = try ActingPerson("demo")
        let storage = try SQLiteStorage.new(at: storePath)
        let tender = try await Tender.create(
            in: storage, tender: "TND-2026-014", criteria: try DocumentFile.read(criteriaFile, options: options),
            title: "Westfield Community Connections", by: setUpBy)
        _ = try await tender.importPanel(try DocumentFile.read(samplesFolder + "/panel.xml", options: options), by: setUpBy)
        let bids = try DocumentFiles.expand([samplesFolder + "/bids"], extensions: ["xml"]).map {
            try DocumentFile.read($0, options: options)
        }
        _ = try await tender.importSubmissions(bids, by: setUpBy)
        let opened = try SQLiteStorage.open(at: storePath)
        let reopened = try await Tender.open(in: opened)
        let people = PeopleAdministration(tender: reopened, accounts: opened)
        // Dev Patel is on the panel and runs the tender; an auditor reads it afterwards.
        try await people.add("p-dev", role: .commissioner, name: nil, by: setUpBy)
        try await people.add("a-morgan", role: .auditor, name: "Morgan Ellis", by: setUpBy)
        let base = "http://127.0.0.1:\(port)"
        Terminal.print("TenderScore demo: tender \(tender.id) with its panel and 7 bids, no scores yet, in \(storePath)")
        Terminal.print("Open a link to set a password and sign in as that person (each works once, for 7 days):")
        for person in try await people.list() {
            let link = try await people.invite(person.id, baseURL: base, by: setUpBy)
            Terminal.print("  \(person.name) (\(person.roles.joined(separator: ", "))): \(link)")
        }
        Terminal.print("Serving at \(base)/ (stop it with Ctrl-C)")
        try await serve(WebSettings(storage: opened, host: "127.0.0.1", port: port))
    }
}
