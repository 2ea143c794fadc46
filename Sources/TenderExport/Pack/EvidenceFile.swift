import Foundation

/// The bytes of one evidence file a bid names (`<evidence href="…">`), given to
/// ``EvaluationPack`` so that panel members can read it from the pack alone.
///
/// The pack never reads files itself: the caller decides where bids' appendices live and how big
/// one may be, and passes only what it has. A named file the caller does not pass is listed in the
/// pack as not supplied, so a reader knows it exists and whom to ask.
public struct EvidenceFile: Sendable, Hashable {
    /// Exactly the `href` the bid gives for the file.
    public var href: String
    public var contents: Data

    public init(href: String, contents: Data) {
        self.href = href
        self.contents = contents
    }
}
