/// The file a submission was derived from, when the bidder sent something other than
/// submission XML (a filled-in Word or OpenDocument response form).
///
/// Kept so that an auditor can match what was scored to the exact file the bidder sent: the
/// digest is of the file's bytes as received, before anything was read out of them.
public struct OriginalDocument: Sendable, Hashable {
    /// The file's name as received (no folder), e.g. `BID-008.docx`.
    public var fileName: String
    /// SHA-256 of the file's bytes, lowercase hexadecimal (64 characters).
    public var sha256: String

    public init(fileName: String, sha256: String) {
        self.fileName = fileName
        self.sha256 = sha256
    }
}
