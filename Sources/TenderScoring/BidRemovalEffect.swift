/// What taking one ranked bid away does to the order of the others.
///
/// Price marks are relative to the lowest ranked price, so a cheap bid that comes nowhere can
/// still decide which of two others wins: removing it lifts everyone's price marks, but unevenly.
/// A tender where that happens is open to challenge, so it is reported.
public struct BidRemovalEffect: Sendable, Hashable {
    public var removed: String
    /// Pairs of the remaining bids whose order changes, sorted.
    public var reorderedPairs: [ReorderedPair]
    /// Who ranks first without the removed bid.
    public var leadersWithout: [String]

    public init(removed: String, reorderedPairs: [ReorderedPair], leadersWithout: [String]) {
        self.removed = removed
        self.reorderedPairs = reorderedPairs
        self.leadersWithout = leadersWithout
    }

    public var reordersOthers: Bool { !reorderedPairs.isEmpty }
}
