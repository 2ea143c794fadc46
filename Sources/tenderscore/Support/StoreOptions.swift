import ArgumentParser
import Foundation
import TenderSQLite
import TenderStore
import TenderWorkflow
import TenderXML

/// Where the tender's store is and who is acting: every command that reads or changes a store
/// takes these, as SPEC.md fixes them.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store file (default: $TENDERSCORE_STORE, else ./tender.sqlite).")
    var store: String?

    @Option(name: .customLong("as"), help: "Who is acting: a panel member id or a name (default: $TENDERSCORE_ACTOR, else your login name).")
    var actor: String?

    var storePath: String {
        if let store, !store.isEmpty { return store }
        if let fromEnvironment = ProcessInfo.processInfo.environment["TENDERSCORE_STORE"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "tender.sqlite"
    }

    /// The acting person, recorded on every event. Falls back to the login name so that no
    /// change is ever recorded without someone answerable for it.
    func person() throws -> ActingPerson {
        let environment = ProcessInfo.processInfo.environment
        let given = [actor, environment["TENDERSCORE_ACTOR"], environment["USER"], environment["LOGNAME"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? NSUserName()
        return try ActingPerson(given)
    }

    /// The tender in the store, opened for the command.
    func tender(readOnly: Bool = false, documents: DocumentReadOptions = DocumentReadOptions()) async throws -> Tender {
        let storage = try SQLiteStorage.open(at: storePath, readOnly: readOnly)
        return try await Tender.open(in: storage, documentOptions: documents)
    }

    /// The store with its accounts, and its tender.
    func accounts(readOnly: Bool = false) async throws -> (SQLiteStorage, Tender) {
        let storage = try SQLiteStorage.open(at: storePath, readOnly: readOnly)
        return (storage, try await Tender.open(in: storage))
    }
}
