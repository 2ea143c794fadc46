/// The identifier a person probably meant when the one they gave is unknown.
///
/// Ids are matched exactly everywhere (an audit record must name one thing), so this never
/// changes what is accepted: it finds the near miss worth telling them about, for "did you mean
/// 'p-dev'?". A near miss is, in this order:
/// 1. the same id in other capitals or with other separators (`P-Dev`, `bid 001`, `local_assets`);
/// 2. a title or name given in place of the id ("Innovate" for `innovation`, "Dev Patel" for `p-dev`);
/// 3. one slip of the keyboard (one letter added, dropped or changed) in an id of 4 or more letters.
///
/// It suggests nothing when two ids are equally near, so it never guesses between them. Pure and
/// cheap: the workflow layer can use it for member, submission and criterion ids alike.
public struct IdentifierSuggestion: Sendable, Hashable {
    private let ids: [String]
    private let titles: [String: String]

    /// - Parameters:
    ///   - ids: the identifiers that exist.
    ///   - titles: a title or name by id (a criterion's title, a member's name), for people
    ///     who write what they read rather than the id.
    public init(ids: [String], titles: [String: String] = [:]) {
        self.ids = ids
        self.titles = titles
    }

    /// The id `value` probably stands for; nil when `value` is an id itself or nothing is near.
    public func suggestion(for value: String) -> String? {
        if ids.contains(value) { return nil }
        let key = Self.key(value)
        guard !key.isEmpty else { return nil }
        if let match = Self.unique(ids.filter { Self.key($0) == key }) { return match }
        if let match = Self.unique(ids.filter { titles[$0].map(Self.key) == key }) { return match }
        guard key.count >= 4 else { return nil }
        return Self.unique(ids.filter { Self.withinOneEdit(Self.key($0), key) })
    }

    private static func unique(_ candidates: [String]) -> String? {
        candidates.count == 1 ? candidates.first : nil
    }

    /// Lower case, with spaces, hyphens, underscores and full stops left out: `BID-001`,
    /// `bid 001` and `Bid_001` all read `bid001`.
    private static func key(_ text: String) -> [Character] {
        text.lowercased().filter { !($0.isWhitespace || $0 == "-" || $0 == "_" || $0 == ".") }.map { $0 }
    }

    /// True when `a` becomes `b` by adding, dropping or changing one character.
    private static func withinOneEdit(_ a: [Character], _ b: [Character]) -> Bool {
        if a == b { return true }
        if abs(a.count - b.count) > 1 { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        if short.count == long.count { return short[(i + 1)...] == long[(i + 1)...] }
        return short[i...] == long[(i + 1)...]
    }
}
