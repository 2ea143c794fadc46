import Foundation

/// A decimal number written plainly, `[+-]digits[.digits]`, read from its bytes.
///
/// Every bid's price and every criterion's weight is read through ``DecimalText``; with
/// `Character` checks and Foundation's `Decimal(string:)` that was a fortieth of `validate`. A
/// plain number of up to 18 digits is read here exactly; anything else still goes to
/// Foundation, whose result this one equals (`PlainDecimalTextTests`).
struct PlainDecimalText {
    var isNegative = false
    /// Digits before the point, leading zeros not counted.
    var wholeDigits = 0
    /// Digits after the point, trailing zeros counted.
    var fractionDigits = 0
    /// Every digit, leading zeros included.
    var digits = 0
    /// The digits as one integer, when there are at most 18 of them.
    var mantissa: UInt64 = 0

    /// Nil unless `text` is an optional sign, then digits with at most one point among them,
    /// and not empty after the sign. No whitespace is trimmed.
    init?(_ text: String) {
        var utf8 = Substring(text).utf8[...]
        if let first = utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            isNegative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty else { return nil }
        var inFraction = false
        var leadingZeros = true
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if digits <= 18 { mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0")) }
                if inFraction {
                    fractionDigits += 1
                } else if !(leadingZeros && byte == UInt8(ascii: "0")) {
                    leadingZeros = false
                    wholeDigits += 1
                }
            case UInt8(ascii: ".") where !inFraction:
                inFraction = true
            default:
                return nil
            }
        }
    }

    /// The exact value, or nil when it has no digit or more than 18 of them.
    var value: Decimal? {
        guard digits > 0, digits <= 18 else { return nil }
        guard mantissa > 0 else { return Decimal(0) }
        return Decimal(sign: isNegative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(mantissa))
    }
}
