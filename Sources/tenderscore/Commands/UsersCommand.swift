import ArgumentParser
import Foundation
import TenderStore
import TenderWeb

/// `tenderscore users`: the people who sign in to the web app.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add commissioners and auditors, invite people to the web app, list who can sign in.",
        subcommands: [Add.self, Invite.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a commissioner or an auditor (panel members come from the panel).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The person's id, for example c-jo.") var person: String
        @Option(help: "commissioner or auditor.") var role: Role
        @Option(help: "The person's full name (default: their name on the panel, else the id).") var name: String?

        enum Role: String, ExpressibleByArgument, CaseIterable {
            case commissioner, auditor
            var account: PersonAccount.Role { self == .commissioner ? .commissioner : .auditor }
        }

        func run() async throws {
            let (storage, tender) = try await store.accounts()
            try await PeopleAdministration(tender: tender, accounts: storage).add(person, role: role.account, name: name, by: try store.person())
            Terminal.print("Added \(person) as \(role.rawValue). Invite them with: tenderscore users invite \(person)")
        }
    }

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite",
            abstract: "Print a one-time link with which the person sets their password (valid 7 days).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "A panel member's id, or a person added with `users add`.") var person: String
        @Option(help: "The address people reach the web app at.") var baseURL = "http://127.0.0.1:8080"

        func run() async throws {
            let (storage, tender) = try await store.accounts()
            let link = try await PeopleAdministration(tender: tender, accounts: storage).invite(person, baseURL: baseURL, by: try store.person())
            Terminal.print(link)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List everyone who may sign in, with their roles.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let (storage, tender) = try await store.accounts(readOnly: true)
            for person in try await PeopleAdministration(tender: tender, accounts: storage).list() {
                Terminal.print(
                    "\(person.id)\t\(person.name)\t\(person.roles.joined(separator: ", "))\t\(person.hasPassword ? "password set" : "no password yet")")
            }
        }
    }
}
