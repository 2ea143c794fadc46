import TenderModel

/// Why the store refused to do something, told so that a commissioner knows what to do next.
///
/// A refusal never leaves anything half-done: every operation that changes the store runs in one
/// transaction, so when this error is thrown the store is exactly as it was before the call.
/// `code` is stable across versions (scripts and the command line may test it); `message` is
/// for people; `diagnostics` lists every problem found in the documents given, compiler-style.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable name for the kind of refusal. New codes may be added in later versions.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// There is no file at the path given (opening never creates one).
        public static let storeNotFound = Code(rawValue: "store-not-found")
        /// The store holds no tender with the id given.
        public static let tenderNotFound = Code(rawValue: "tender-not-found")
        /// The file exists but is not a TenderScore store; it was left untouched.
        public static let notAStore = Code(rawValue: "not-a-store")
        /// The store was written by a newer version of TenderScore.
        public static let newerFormat = Code(rawValue: "newer-format")
        /// `create` was asked to set up a tender where a file already exists.
        public static let alreadyExists = Code(rawValue: "already-exists")
        /// The store file could not be created or opened (folder missing, no permission...).
        public static let cannotAccess = Code(rawValue: "cannot-access")
        /// One or more documents have errors; `diagnostics` lists them all. Nothing was stored.
        public static let invalidDocuments = Code(rawValue: "invalid-documents")
        /// An argument the caller gave is unusable (a blank actor, an unknown submission...).
        public static let invalidInput = Code(rawValue: "invalid-input")
        /// Changing something already on the record needs a reason, and none was given.
        public static let reasonRequired = Code(rawValue: "reason-required")
        /// A step was asked for before the steps it depends on (scores before the panel...).
        public static let notReady = Code(rawValue: "not-ready")
        /// The acting person may not do this (an auditor changing something, a member handing in
        /// another's sheet, a conflicted member moderating that bid, a member reading others'
        /// scores before scoring independently).
        public static let forbidden = Code(rawValue: "forbidden")
        /// The tender was finalised; nothing more may change.
        public static let finalised = Code(rawValue: "finalised")
        /// Another TenderScore command held the store for too long; trying again is safe.
        public static let busy = Code(rawValue: "busy")
        /// The store's contents could not be read back as TenderScore wrote them.
        public static let damaged = Code(rawValue: "damaged")
        /// SQLite reported an error not covered above.
        public static let database = Code(rawValue: "database")
    }

    public var code: Code
    public var message: String
    public var diagnostics: [Diagnostic]

    public init(_ code: Code, _ message: String, diagnostics: [Diagnostic] = []) {
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    /// The message, then every diagnostic on its own line.
    public var description: String {
        ([message] + diagnostics.map(\.description)).joined(separator: "\n")
    }
}
