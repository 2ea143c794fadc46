/// The scoring scale of a framework: every integer from `min` to `max`, each with a label and a
/// descriptor that tells a panel member what a response must show to earn it.
public struct Scale: Sendable, Hashable {
    public var min: Int
    public var max: Int
    public var levels: [ScaleLevel]

    public init(min: Int, max: Int, levels: [ScaleLevel]) {
        self.min = min
        self.max = max
        self.levels = levels
    }

    public func contains(_ value: Int) -> Bool { value >= min && value <= max }

    public func level(_ value: Int) -> ScaleLevel? { levels.first { $0.value == value } }

    /// `0–5`, as messages and reports print it.
    public var rangeDescription: String { "\(min)–\(max)" }
}

public struct ScaleLevel: Sendable, Hashable {
    public var value: Int
    public var label: String
    public var descriptor: String
    public var location: SourceLocation?

    public init(value: Int, label: String, descriptor: String, location: SourceLocation? = nil) {
        self.value = value
        self.label = label
        self.descriptor = descriptor
        self.location = location
    }
}
