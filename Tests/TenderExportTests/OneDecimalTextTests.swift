import Foundation
import Testing

@testable import TenderExport

/// `oneDecimalText` is a faster `String(format: "%.1f")`: checked against it on the values
/// charts use and on the values where rounding is hardest.
@Suite struct OneDecimalTextTests {
    private func expectSameAsPrintf(_ value: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(value.oneDecimalText == String(format: "%.1f", value), "\(value)", sourceLocation: sourceLocation)
    }

    @Test func chartCoordinatesAreWholeAndHalfUnits() {
        #expect(195.0.oneDecimalText == "195.0")
        #expect(182.5.oneDecimalText == "182.5")
        #expect((-4.5).oneDecimalText == "-4.5")
        for halves in -2_000...100_000 { expectSameAsPrintf(Double(halves) / 2) }
    }

    /// Exact ties (a quarter) go to the even tenth; products that only look like ties (0.15 is
    /// a little under, 0.35 a little over) go the way the exact value says.
    @Test func tiesAndNearTies() {
        #expect(0.25.oneDecimalText == "0.2")
        #expect(0.75.oneDecimalText == "0.8")
        #expect(0.15.oneDecimalText == String(format: "%.1f", 0.15))
        #expect(0.35.oneDecimalText == String(format: "%.1f", 0.35))
        for quarter in -400...40_000 { expectSameAsPrintf(Double(quarter) / 4) }
        for twentieth in -400...40_000 { expectSameAsPrintf(Double(twentieth) / 20) }
        for twentieth in 0...4_000 {
            let value = Double(twentieth) / 20
            expectSameAsPrintf(value.nextUp)
            expectSameAsPrintf(value.nextDown)
        }
    }

    @Test func signsZerosAndTheUnusual() {
        #expect((-0.0).oneDecimalText == "-0.0")
        #expect((-0.04).oneDecimalText == "-0.0")
        #expect(0.04.oneDecimalText == "0.0")
        for value in [0.0, -0.0, 0.05, -0.05, 0.95, 9.95, 99.95, 1e13 + 0.25, 1e15, -1e20, .infinity, -.infinity, .nan] {
            expectSameAsPrintf(value)
        }
    }

    /// Scaled products such as a bar's width (52.5 × 4.4) are not whole tenths at all.
    @Test func randomValuesOfEveryMagnitude() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            let magnitude = Double.random(in: -3...13, using: &generator)
            let value = Double.random(in: -1...1, using: &generator) * pow(10, magnitude)
            expectSameAsPrintf(value)
        }
        for _ in 0..<20_000 {
            expectSameAsPrintf(Double(Int.random(in: 0...2_000, using: &generator)) * 4.4 / 10)
        }
    }
}
