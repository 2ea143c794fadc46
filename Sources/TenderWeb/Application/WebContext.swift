import Hummingbird

/// Each request's context: who is signed in (found by ``SessionMiddleware``) and the fields of
/// a submitted form (read and checked by ``FormGuardMiddleware``).
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var person: SignedInPerson?
    /// The session token's hash, to end the session on sign-out.
    public var sessionKey: String?
    /// The anti-forgery token forms on this page carry.
    public var formToken: String = ""
    /// The submitted form of a POST, already checked for its anti-forgery token.
    public var form = FormData()
    /// The files of a submitted `multipart/form-data` form, in the order sent.
    public var files: [UploadedFile] = []
    /// Whether the request came over HTTPS (directly or through a proxy).
    public var isSecure = false

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// The most a plain form may send; a form with files may send ``WebSettings/maxUploadBytes``.
    public var maxUploadSize: Int { 1024 * 1024 }
}
