import Foundation
import TenderStore

/// What the web app runs over and how: a store and the tenders in it, the timings of sign-in,
/// the largest upload.
public struct WebSettings: Sendable {
    /// The store the tender and the accounts are kept in: a SQLite file, or a PostgreSQL
    /// database that may hold several tenders (and one set of accounts for them all).
    public var storage: any TenderStorage & AccountStorage
    /// The one tender served (`serve --tender`); nil serves every tender in the store.
    public var tender: String?
    public var host: String
    public var port: Int
    /// Over HTTPS (directly or behind the council's proxy), cookies are marked Secure. Also
    /// set for each request that arrives with `X-Forwarded-Proto: https`.
    public var secureCookies: Bool
    /// A session ends after this long without a request; pages say when.
    public var sessionTimeout: TimeInterval
    /// Bcrypt's cost: 12 in use (about a quarter of a second a hash), lower only in tests.
    public var bcryptCost: UInt8
    public var clock: @Sendable () -> Date
    /// The most one upload (every file of one form together) may be: bids come as XML and as
    /// Word or OpenDocument forms, and a form's pictures can be large.
    public var maxUploadBytes: Int

    public init(
        storage: any TenderStorage & AccountStorage, tender: String? = nil, host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
        sessionTimeout: TimeInterval = 30 * 60, bcryptCost: UInt8 = 12, clock: @escaping @Sendable () -> Date = { Date() },
        maxUploadBytes: Int = 50 * 1024 * 1024
    ) {
        self.maxUploadBytes = maxUploadBytes
        self.storage = storage
        self.tender = tender
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.sessionTimeout = sessionTimeout
        self.bcryptCost = bcryptCost
        self.clock = clock
    }
}
