/// Why an export refused to go on, in words a commissioner can act on.
///
/// A struct around a stable ``Code`` (compare codes, never messages), so that new refusals can be
/// added without breaking callers that switch on the old ones.
public struct ExportError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let description: String
        private init(_ description: String) { self.description = description }

        /// An award record or assessment summary was asked for from a provisional ranking.
        public static let provisionalRanking = Code("provisional-ranking")
        /// First place is tied: the commissioners must resolve it before anyone is awarded.
        public static let tiedFirstPlace = Code("tied-first-place")
        /// No bid was ranked, so there is no award to record or explain.
        public static let noRankedBids = Code("no-ranked-bids")
        /// The panel member asked for is not on the panel.
        public static let unknownMember = Code("unknown-member")
        /// A template shipped with the module could not be found or read.
        public static let template = Code("template")
        /// A file or folder could not be written (a full disk, no permission, a missing folder).
        public static let write = Code("write")
        /// The output file exists and the caller did not ask to replace it.
        public static let fileExists = Code("file-exists")
        /// The output path is a symbolic link: writing there could land anywhere.
        public static let symbolicLink = Code("symbolic-link")
        /// The output path is a file the caller protects (the store, its `-wal` and `-shm`).
        public static let protectedFile = Code("protected-file")
        /// A folder of outputs was asked for in a folder that already holds files.
        public static let folderNotEmpty = Code("folder-not-empty")
        /// An output file name is not usable, or two outputs would have the same name.
        public static let invalidName = Code("invalid-name")
    }

    public let code: Code
    /// Plain words for the person at the keyboard.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
