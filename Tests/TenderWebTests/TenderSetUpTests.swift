import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TenderTestSupport
import TenderWeb
import TenderWorkflow

/// Every tender of the store is served: the list of tenders, and a commissioner setting up a
/// new one with the criteria framework uploaded, through the use case `tenderscore init` uses.
/// A store of many tenders is a ``FolderStorage`` here, as a PostgreSQL store is in use.
@Suite struct TenderSetUpTests {
    static func file(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
    static func criteria() throws -> [UInt8] { try file(SampleTender.otherCriteria) }

    @Test func aCommissionerSetsUpASecondTenderAndEachPersonSeesTheirOwn() async throws {
        let fixture = try await WebFixture(manyTenders: true)
        try await fixture.test { client in
            let jo = try await fixture.signedIn("c-jo", client)
            let list = try await jo.get("/tenders/")
            #expect(list.status == .ok && list.body.contains("href=\"/tenders/TND-2026-014/\"") && list.body.contains("Set up a tender"))
            #expect(try await jo.get("/tenders-new").status == .ok)
            let made = try await jo.upload(
                "/tenders-new", [("tender", "TND-2026-020"), ("title", "Day opportunities"), ("budget", "480000.00")],
                files: [("criteria", "community-grants.xml", try Self.criteria())])
            #expect(made.status == .seeOther && made.location == "/tenders/TND-2026-020/?set-up=1", "\(made.body.prefix(600))")
            let home = try await jo.get("/tenders/TND-2026-020/?set-up=1")
            #expect(home.status == .ok && home.body.contains("The tender is set up.") && home.body.contains("No panel is recorded yet"))
            let both = try await jo.get("/tenders/")
            #expect(both.body.contains("/tenders/TND-2026-014/") && both.body.contains("/tenders/TND-2026-020/") && both.body.contains("Day opportunities"))
            // The history of the new tender begins with it, under the commissioner's id.
            let created = try await Tender.open(in: fixture.served, tender: "TND-2026-020")
            let events = try await created.history(for: try ActingPerson("a-morgan", standing: .auditor))
            #expect(events.count == 1 && events.first?.actor == "c-jo" && events.first?.kind.rawValue == "tender.created")

            // A member of the sample panel sees only the tender whose panel they sit on.
            let ruth = try await fixture.signedIn("p-ruth", client)
            let hers = try await ruth.get("/tenders/")
            #expect(hers.body.contains("/tenders/TND-2026-014/") && !hers.body.contains("TND-2026-020") && !hers.body.contains("Set up a tender"))
            let elsewhere = try await ruth.get("/tenders/TND-2026-020/")
            #expect(elsewhere.status == .forbidden && elsewhere.body.contains("You have no part in tender TND-2026-020"))
            #expect(try await ruth.get("/tenders-new").status == .forbidden)
        }
    }

    @Test func aSetUpWithProblemsListsEachAndSetsUpNothing() async throws {
        let fixture = try await WebFixture(manyTenders: true)
        try await fixture.test { client in
            let jo = try await fixture.signedIn("c-jo", client)
            let empty = try await jo.upload("/tenders-new", [("tender", ""), ("budget", "£1,000")], files: [])
            #expect(empty.status == .badRequest && empty.body.contains("<title>Error: "))
            #expect(empty.body.contains("<a href=\"#tender\">Enter the tender’s id, as the bids name it</a>"))
            #expect(empty.body.contains("<a href=\"#budget\">Enter the budget as an amount such as 1250000.00"))
            #expect(empty.body.contains("<a href=\"#criteria\">Choose the criteria framework file</a>"))
            #expect(empty.body.contains("value=\"£1,000\""))
            let taken = try await jo.upload(
                "/tenders-new", [("tender", "TND-2026-014")], files: [("criteria", "community-grants.xml", try Self.criteria())])
            #expect(taken.status == .badRequest && taken.body.contains("There is a tender TND-2026-014 already."))
            // A framework that does not parse: each problem with its file, line and column.
            let broken = Array("<?xml version=\"1.0\"?>\n<criteria>\n  <criterion id=\"a\">\n</criteria>\n".utf8)
            let bad = try await jo.upload("/tenders-new", [("tender", "TND-2026-021")], files: [("criteria", "broken.xml", broken)])
            #expect(bad.status == .badRequest && bad.body.contains("The criteria framework has errors; nothing was set up."))
            #expect(bad.body.range(of: #"broken\.xml:\d+:\d+: error: "#, options: .regularExpression) != nil, "\(bad.body)")
            let panelAsCriteria = try await jo.upload(
                "/tenders-new", [("tender", "TND-2026-021")],
                files: [("criteria", "panel.xml", try Self.file(SampleTender.panel))])
            #expect(panelAsCriteria.body.contains("panel.xml is a "), "\(panelAsCriteria.body.prefix(2000))")
            #expect(try await fixture.served.tenderIDs() == ["TND-2026-014"])
        }
    }

    @Test func aSQLiteStoreHoldsOneTenderAndSaysSo() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let jo = try await fixture.signedIn("c-jo", client)
            // One tender in the store: sign-in leads straight to it.
            #expect(try await jo.get("/").location == "/tenders/TND-2026-014/")
            let refused = try await jo.upload(
                "/tenders-new", [("tender", "TND-2026-020")], files: [("criteria", "community-grants.xml", try Self.criteria())])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("This store holds one tender already, and cannot hold another."))
            #expect(try await fixture.storage.tenderIDs() == ["TND-2026-014"])
        }
    }

    @Test func anUploadTooLargeIsRefusedInWords() async throws {
        let fixture = try await WebFixture(manyTenders: true, maxUploadBytes: 2 * 1024)
        try await fixture.test { client in
            let jo = try await fixture.signedIn("c-jo", client)
            let page = try await jo.upload(
                "/tenders-new", [("tender", "TND-2026-020")], files: [("criteria", "community-grants.xml", try Self.criteria())])
            #expect(page.status == .contentTooLarge)
            #expect(page.body.contains("This service takes at most 2 KB in one go. Send fewer files at a time, or smaller ones. Nothing was stored."))
            let garbled = try await jo.upload("/tenders-new", files: [], contentType: "multipart/form-data")
            #expect(garbled.status == .badRequest && garbled.body.contains("the upload names no boundary between its parts"))
            #expect(try await fixture.served.tenderIDs() == ["TND-2026-014"])
        }
    }
}
