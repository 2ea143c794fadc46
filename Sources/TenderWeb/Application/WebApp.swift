import Foundation
import Hummingbird
import TenderModel
import TenderStore
import TenderWorkflow

/// What every controller shares: the tender, the store's accounts, the settings, and the few
/// steps each page takes first (who is signed in, which tender, render).
struct WebApp: Sendable {
    let tender: Tender
    /// The criteria framework, fixed when the tender was set up and never changed after.
    let criteria: Criteria
    let settings: WebSettings
    let people: PeopleDirectory
    let throttle = SignInThrottle()

    var accounts: any AccountStorage { settings.storage }

    /// The signed-in person, or a redirect to the sign-in page.
    func signedIn(_ context: WebContext) throws -> SignedInPerson {
        guard let person = context.person else { throw SignInRequired() }
        return person
    }

    /// Refuses any tender id but the one this server runs.
    func requireTender(_ context: WebContext) throws {
        let given = try context.parameters.require("tender")
        guard given == tender.id else {
            throw StoreError(.tenderNotFound, "There is no tender \(given) here.")
        }
    }

    /// The signed-in person on a route of this tender.
    func person(_ context: WebContext) throws -> SignedInPerson {
        let person = try signedIn(context)
        try requireTender(context)
        return person
    }

    func render(_ page: Page, _ context: WebContext) throws -> Response {
        try page.response(context, timeout: settings.sessionTimeout, now: settings.clock())
    }

    /// Where a tender's pages live.
    var base: String { "/tenders/\(tender.id)" }

    static func seeOther(_ location: String) -> Response {
        Response.redirect(to: location, type: .normal)
    }
}

/// Thrown by a page that needs a signed-in person when there is none: becomes a redirect to
/// the sign-in page.
struct SignInRequired: Error {}
