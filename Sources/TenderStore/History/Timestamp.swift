import Foundation

/// Instants as the history writes them: UTC, to the millisecond, `2026-10-02T14:20:00.000Z`.
///
/// The text is hashed, so it is built from whole milliseconds, never from a floating-point
/// formatter that could round differently on another machine.
package enum Timestamp {
    private static let secondsStyle = Date.ISO8601FormatStyle()

    /// The instant cut to whole milliseconds, as stored.
    package static func truncated(_ instant: Date) -> Date {
        date(milliseconds: milliseconds(instant))
    }

    package static func text(_ instant: Date) -> String {
        let total = milliseconds(instant)
        let seconds = total >= 0 ? total / 1000 : (total - 999) / 1000
        let millis = total - seconds * 1000
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(secondsStyle)
        let fraction = String(millis)
        return String(whole.dropLast()) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    package static func date(_ text: String) -> Date? {
        guard text.hasSuffix("Z") else { return nil }
        let body = text.dropLast()
        var millis: Int64 = 0
        var secondsPart = Substring(body)
        if let dot = body.lastIndex(of: ".") {
            let fraction = body[body.index(after: dot)...]
            guard fraction.count == 3, let value = Int64(fraction) else { return nil }
            millis = value
            secondsPart = body[..<dot]
        }
        guard let whole = try? secondsStyle.parse(String(secondsPart) + "Z") else { return nil }
        return date(milliseconds: Int64(whole.timeIntervalSince1970.rounded()) * 1000 + millis)
    }

    private static func milliseconds(_ instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 * 1000).rounded(.down))
    }

    private static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }
}
