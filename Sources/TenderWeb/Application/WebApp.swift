import Foundation
import Hummingbird
import TenderModel
import TenderStore
import TenderWorkflow

/// What every page of one tender shares: the tender, the store's accounts, the settings, and
/// the few steps each page takes first (who is signed in, render). ``TenderCatalog`` makes one
/// per tender; ``WebSite/run(_:_:_:)`` hands it to the page.
struct WebApp: Sendable {
    let tender: Tender
    /// The criteria framework, fixed when the tender was set up and never changed after.
    let criteria: Criteria
    let settings: WebSettings
    let people: PeopleDirectory

    var accounts: any AccountStorage { settings.storage }

    /// The signed-in person, or a redirect to the sign-in page.
    func signedIn(_ context: WebContext) throws -> SignedInPerson {
        guard let person = context.person else { throw SignInRequired() }
        return person
    }

    /// The signed-in person on a route of this tender, as what they are to it (found by
    /// ``WebSite/run(_:_:_:)`` before the page runs).
    func person(_ context: WebContext) throws -> SignedInPerson {
        try signedIn(context)
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
