import Foundation
import Testing
import TenderModel
import TenderStore
import TenderSQLite
import TenderTestSupport
@_spi(Testing) import TenderWorkflow

/// Every change is one transaction: a refusal, an error or a crash part-way leaves the store as
/// it was.
@Suite struct AllOrNothingTests {
    private struct SimulatedCrash: Error {}

    @Test func aRefusedImportLeavesEveryTableUnchanged() async throws {
        let fixture = try StoreFixture()
        let store = try await fixture.create()
        _ = try await store.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        _ = try await store.importSubmissions(files: Array(SampleTender.bids.prefix(2)), actor: "Dev Patel")
        let before = try fixture.dump()

        let bid = try String(contentsOfFile: SampleTender.bids[3], encoding: .utf8)
        let otherTender = try fixture.folder.write(
            "BID-004-wrong-tender.xml", bid.replacingOccurrences(of: #"tender="TND-2026-014""#, with: #"tender="TND-2025-001""#))
        let withDTD = try fixture.folder.write(
            "BID-008.xml",
            #"<?xml version="1.0"?><!DOCTYPE submission [<!ENTITY x "y">]><submission xmlns="urn:tenderscore:submission:1"/>"#)
        let files = Array(SampleTender.bids[2...]) + [otherTender, withDTD, SampleTender.bids[0]]
        await #expect {
            try await store.importSubmissions(files: files, actor: "Dev Patel")
        } throws: { error in
            guard let error = error as? StoreError, error.code == .invalidDocuments else { return false }
            let lines = error.diagnostics.filter { $0.severity == .error }.map(\.description)
            // Every problem in every file is listed, each naming its file.
            return lines.contains { $0.hasPrefix(otherTender) && $0.contains("is for tender TND-2025-001, not TND-2026-014") }
                && lines.contains { $0.hasPrefix(withDTD) && $0.contains("DTD") }
                && lines.contains { $0.contains("BID-001 was already received") }
                && lines.contains { $0.contains("BID-004 is also in") }
                && error.message.hasPrefix("Nothing was imported")
        }
        #expect(try fixture.dump() == before)
        #expect(try await store.submissions().map(\.id) == ["BID-001", "BID-002"])
        #expect(try await store.verify().isIntact)
    }

    @Test func aCrashHalfwayThroughAnImportLeavesNothingOfIt() async throws {
        let fixture = try StoreFixture()
        var store = try await fixture.create()
        _ = try await store.importPanel(file: SampleTender.panel, actor: "Dev Patel")
        let before = try fixture.dump()
        let headBefore = try await store.head()

        // The transaction fails after the third bid's event is written, as if the process died.
        store.faultInjector = { point in
            if case .appended(let sequence, .submissionReceived) = point, sequence == headBefore.sequence + 3 {
                throw SimulatedCrash()
            }
        }
        await #expect(throws: StoreError.self) { try await store.importSubmissions(files: [SampleTender.bidsFolder], actor: "Dev Patel") }
        #expect(try fixture.dump() == before)
        #expect(try await store.submissions().isEmpty)
        #expect(try await store.head() == headBefore)
        #expect(try await store.verify(expectHead: headBefore.hash).isIntact)

        // Nothing half-done stands in the way of doing it properly.
        store.faultInjector = nil
        let report = try await store.importSubmissions(files: [SampleTender.bidsFolder], actor: "Dev Patel")
        #expect(report.events.count == 7)
        #expect(try await store.verify().isIntact)
    }

    @Test func aCrashHalfwayThroughAScoresheetLeavesNoScore() async throws {
        let fixture = try StoreFixture()
        var store = try await fixture.withBids()
        let sheet = try #require(try await Sheets.all(store).first)
        let before = try fixture.dump()
        store.faultInjector = { point in
            if case .appended(_, .scoreGiven) = point { throw SimulatedCrash() }
        }
        await #expect(throws: StoreError.self) { try await store.importScores(sheet: sheet, actor: sheet.panelist) }
        #expect(try fixture.dump() == before)
        #expect(try await store.scores().isEmpty)
        #expect(try await store.verify().isIntact)
    }
}
