import Foundation
import Testing

@testable import TenderXML

/// Plain decimal numbers are read from their bytes (``PlainDecimalText``); every value must be
/// the one Foundation's `Decimal(string:)` reads, and the digit limits must say the same.
@Suite struct PlainDecimalTextTests {
    private static let posix = Locale(identifier: "en_US_POSIX")

    private func expectSameAsFoundation(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let foundation = Decimal(string: text, locale: Self.posix)
        let read = DecimalText.parse(text)
        #expect(read == foundation, "\(text)", sourceLocation: sourceLocation)
        #expect(read?.description == foundation?.description, "\(text)", sourceLocation: sourceLocation)
    }

    @Test func pricesAndWeightsAsBidsWriteThem() {
        for text in [
            "1351242.28", "1180000.00", "12.5", "+3", "-0.50", "0", "-0", "-0.00", "000123.4500", "100", "0.000001",
            ".5", "1.", "999999999999999999", "123456789012.345678", "40", "33.333333",
        ] {
            expectSameAsFoundation(text)
        }
        #expect(DecimalText.parse("1351242.28") == Decimal(string: "1351242.28"))
        #expect(DecimalText.parse(" 12.5\n") == Decimal(string: "12.5"))
    }

    /// More than 18 digits, and what is not a plain number, still go to Foundation.
    @Test func whatIsNotPlainGoesToFoundation() {
        for text in ["999999999999999.999999", "1234567890123456789", "1e5", "1.2.3", "--1", "+", ".", "", "١٢", "1 000"] {
            #expect(DecimalText.parse(text) == Self.reference(text), "\(text)")
        }
    }

    @Test func randomNumbersReadAsFoundationReadsThem() {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789")
        for _ in 0..<20_000 {
            let whole = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in digits.randomElement(using: &generator)! })
            let fraction = String((0..<Int.random(in: 0...7, using: &generator)).map { _ in digits.randomElement(using: &generator)! })
            let sign = ["", "+", "-"].randomElement(using: &generator)!
            let text = sign + whole + (fraction.isEmpty && Bool.random(using: &generator) ? "" : "." + fraction)
            guard !(whole + fraction).isEmpty else { continue }
            expectSameAsFoundation(text)
        }
    }

    /// The limits' messages, counted from the bytes as they were from the characters.
    @Test func digitLimits() {
        #expect(DecimalText.limitProblem("1234567890123456") == "'1234567890123456' has too many digits (16 before the decimal point); a number here has at most 15 digits before the decimal point and 6 after it")
        #expect(DecimalText.limitProblem("0001234567890.12") == nil)
        #expect(DecimalText.limitProblem("40.1234567") == "'40.1234567' has too many decimal places (7); a number here has at most 15 digits before the decimal point and 6 after it")
        #expect(DecimalText.limitProblem(" -12.500000 ") == nil)
        #expect(DecimalText.limitProblem("12a") == nil)
        #expect(DecimalText.limitProblem("1.2.3") == nil)
        #expect(DecimalText.limitProblem("+") == nil)
    }

    /// What `DecimalText.parse` gave before plain numbers were read from bytes.
    private static func reference(_ raw: String) -> Decimal? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty,
            text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") })
        else { return nil }
        return Decimal(string: text, locale: posix)
    }
}
