import Foundation
import Testing

/// What a successful import printed (`Events A to B: …` and the head after it): the events it
/// acknowledged, so that a test can find exactly them in the history afterwards.
public struct ImportAcknowledgement: Sendable {
    public var range: ClosedRange<Int>
    public var head: String

    public init(_ printed: String) throws {
        let numbers = try #require(printed.firstMatch(of: /Events (\d+) to (\d+):/), "no event range in: \(printed)")
        let head = try #require(printed.firstMatch(of: /is now ([0-9a-f]{64})/), "no head in: \(printed)")
        range = try #require(Int(numbers.1))...(try #require(Int(numbers.2)))
        self.head = String(head.1)
    }
}
