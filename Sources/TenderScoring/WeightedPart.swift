/// A part of the framework that carries weight: one criterion, or price.
public enum WeightedPart: Sendable, Hashable, CustomStringConvertible {
    case criterion(String)
    case price

    public var description: String {
        switch self {
        case let .criterion(id): id
        case .price: "price"
        }
    }
}
