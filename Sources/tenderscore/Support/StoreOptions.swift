import ArgumentParser
import Foundation

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
    var actingPerson: String {
        if let actor, !actor.trimmingCharacters(in: .whitespaces).isEmpty { return actor }
        let environment = ProcessInfo.processInfo.environment
        if let fromEnvironment = environment["TENDERSCORE_ACTOR"], !fromEnvironment.isEmpty { return fromEnvironment }
        if let login = environment["USER"] ?? environment["LOGNAME"], !login.isEmpty { return login }
        return NSUserName()
    }
}
