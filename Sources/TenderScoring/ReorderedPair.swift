/// Two bids whose order to each other changes when a third bid is taken away.
public struct ReorderedPair: Sendable, Hashable, CustomStringConvertible {
    /// The pair, `first` < `second` by id.
    public var first: String
    public var second: String
    /// Where `first` stands against `second` with every bid in.
    public var with: RelativeOrder
    /// Where `first` stands against `second` without the removed bid.
    public var without: RelativeOrder

    public init(first: String, second: String, with: RelativeOrder, without: RelativeOrder) {
        self.first = first
        self.second = second
        self.with = with
        self.without = without
    }

    public var description: String {
        "\(first) is \(with.rawValue) \(second), but \(without.rawValue) it without the removed bid"
    }
}
