import Foundation
import GRDB
import Testing
import TenderStore
import TenderSQLite
import TenderTestSupport
@_spi(Testing) import TenderWorkflow

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at the path matters: only a TenderScore store is ever opened, nothing else is touched.
@Suite struct StoreFileTests {
    @Test func aTextFileIsRefusedAndLeftAsItWas() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("notes.sqlite", "Minutes of the moderation meeting, 14 October 2026\n")
        let before = fileBytes(path)
        #expect { try SQLiteStorage.open(at: path) } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .notAStore && error.message.contains("not an SQLite database")
        }
        #expect(fileBytes(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.sqlite"])
        // Nor may init overwrite it.
        await #expect {
            try await Tender.create(in: try SQLiteStorage.new(at: path), tender: SampleTender.tender, criteria: try DocumentFile.read(SampleTender.criteria, options: .init()), by: try ActingPerson("Dev Patel"))
        } throws: { ($0 as? StoreError)?.code == .alreadyExists }
        #expect(fileBytes(path) == before)
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftAsItWas() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("contacts.sqlite")
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Amira Khan')")
        }
        try queue.close()
        let before = fileBytes(path)
        #expect { try SQLiteStorage.open(at: path) } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .notAStore && error.message.contains("made by another application")
        }
        #expect(fileBytes(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["contacts.sqlite"])
    }

    @Test func anEmptyFileAndAFolderAreRefused() async throws {
        let folder = try TemporaryFolder()
        let empty = try folder.write("empty.sqlite", "")
        #expect { try SQLiteStorage.open(at: empty) } throws: { ($0 as? StoreError)?.code == .notAStore }
        #expect(fileBytes(empty)?.isEmpty == true)
        #expect { try SQLiteStorage.open(at: folder.path) } throws: { ($0 as? StoreError)?.code == .notAStore }
    }

    @Test func openingAMissingStoreNeverCreatesIt() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("tender.sqlite")
        #expect { try SQLiteStorage.open(at: path) } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .storeNotFound && error.message.contains("tenderscore init")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aStoreCannotBeCreatedWhereNothingCanBeWritten() async throws {
        let folder = try TemporaryFolder()
        let missing = folder.file("no-such-folder/tender.sqlite")
        await #expect {
            try await Tender.create(in: try SQLiteStorage.new(at: missing), tender: SampleTender.tender, criteria: try DocumentFile.read(SampleTender.criteria, options: .init()), by: try ActingPerson("Dev Patel"))
        } throws: { ($0 as? StoreError)?.message.contains("does not exist") == true }
        let file = try folder.write("a-file", "x")
        await #expect {
            try await Tender.create(in: try SQLiteStorage.new(at: file + "/tender.sqlite"), tender: SampleTender.tender, criteria: try DocumentFile.read(SampleTender.criteria, options: .init()), by: try ActingPerson("Dev Patel"))
        } throws: { ($0 as? StoreError)?.code == .cannotAccess }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a-file"])

        // A read-only folder (root may write anywhere, so this part needs an ordinary user).
        if getuid() != 0 {
            let locked = folder.file("locked")
            try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
            chmod(locked, 0o555)
            defer { chmod(locked, 0o755) }
            await #expect {
                try await Tender.create(in: try SQLiteStorage.new(at: locked + "/tender.sqlite"), tender: SampleTender.tender, criteria: try DocumentFile.read(SampleTender.criteria, options: .init()), by: try ActingPerson("Dev Patel"))
            } throws: { ($0 as? StoreError)?.message.contains("cannot be written to") == true }
        }
    }

    @Test func aBadCriteriaFrameworkSetsNothingUp() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("tender.sqlite")
        await #expect {
            try await Tender.create(in: try SQLiteStorage.new(at: path), tender: SampleTender.tender, criteria: try DocumentFile.read(SampleTender.panel, options: .init()), by: try ActingPerson("Dev Patel"))
        } throws: { ($0 as? StoreError)?.code == .invalidDocuments }
        await #expect {
            try await Tender.create(in: try SQLiteStorage.new(at: path), tender: "not a tender id", criteria: try DocumentFile.read(SampleTender.criteria, options: .init()), by: try ActingPerson("Dev Patel"))
        } throws: { ($0 as? StoreError)?.code == .invalidInput }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aSecondInitIsRefusedAndTheCriteriaStayFixed() async throws {
        let fixture = try StoreFixture()
        let store = try await fixture.withBids()
        let before = try fixture.dump()
        await #expect {
            try await Tender.create(in: try SQLiteStorage.new(at: fixture.storePath), tender: SampleTender.tender, criteria: try DocumentFile.read(SampleTender.otherCriteria, options: .init()), by: try ActingPerson("Dev Patel"))
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .alreadyExists && error.message.contains("criteria never change")
        }
        #expect(try fixture.dump() == before)
        #expect(try await store.criteria().id == "coproduction-commissioning")
    }

    @Test func aStoreFromANewerVersionIsRefused() async throws {
        let fixture = try StoreFixture()
        try (await fixture.create().storage as? SQLiteStorage)?.close()
        try fixture.tamper("UPDATE tenderscore_meta SET value = '3' WHERE key = 'format_version'")
        await #expect { try await fixture.open() } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .newerFormat && error.message.contains("newer version of TenderScore")
        }
    }

    @Test func theStoreIdentifiesItselfAndRunsInWALMode() async throws {
        let fixture = try StoreFixture()
        try (await fixture.create().storage as? SQLiteStorage)?.close()
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: fixture.storePath, configuration: config)
        defer { try? queue.close() }
        let (applicationID, journalMode, formatVersion) = try await queue.read { db in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id"), try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchOne(db, sql: "SELECT value FROM tenderscore_meta WHERE key = 'format_version'")
            )
        }
        #expect(applicationID == 0x5453_4352)
        #expect(journalMode == "wal")
        #expect(formatVersion == "2")
    }

    @Test func aReadOnlyStoreCanBeReadAndVerifiedButNotChanged() async throws {
        let fixture = try StoreFixture()
        try (await fixture.withBids().storage as? SQLiteStorage)?.close()
        let store = try await fixture.open(readOnly: true)
        #expect(try await store.submissions().count == 7)
        #expect(try await store.verify().isIntact)
        await #expect { try await store.finalise(reason: "done", actor: "Dev Patel") } throws: {
            ($0 as? StoreError)?.message.contains("read-only") == true
        }
    }
}
