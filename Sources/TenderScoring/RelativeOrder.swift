/// Where one ranked bid stands against another.
public enum RelativeOrder: String, Sendable, Hashable {
    case above
    case level
    case below

    init(rank: Int, against other: Int) {
        self = rank < other ? .above : rank == other ? .level : .below
    }
}
