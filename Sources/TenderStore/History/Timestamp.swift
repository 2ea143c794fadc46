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
        if let direct = storedText(milliseconds: total) { return direct }
        return formattedText(milliseconds: total)
    }

    /// Written digit by digit for 1970 to 9999 (every event of a scores import asks for one);
    /// the formatter for anything else, as before.
    static func storedText(milliseconds total: Int64) -> String? {
        guard total >= 0, total < 253_402_300_800_000 else { return nil }
        let days = total / 86_400_000
        let inDay = total % 86_400_000
        // The civil date of a day count from 1970-01-01 (H. Hinnant's algorithm).
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        var out: [UInt8] = []
        out.reserveCapacity(24)
        func digits(_ value: Int64, _ count: Int) {
            var divisor: Int64 = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(year, 4)
        out.append(UInt8(ascii: "-"))
        digits(month, 2)
        out.append(UInt8(ascii: "-"))
        digits(day, 2)
        out.append(UInt8(ascii: "T"))
        digits(inDay / 3_600_000, 2)
        out.append(UInt8(ascii: ":"))
        digits(inDay / 60_000 % 60, 2)
        out.append(UInt8(ascii: ":"))
        digits(inDay / 1000 % 60, 2)
        out.append(UInt8(ascii: "."))
        digits(inDay % 1000, 3)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    static func formattedText(milliseconds total: Int64) -> String {
        let seconds = total >= 0 ? total / 1000 : (total - 999) / 1000
        let millis = total - seconds * 1000
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(secondsStyle)
        let fraction = String(millis)
        return String(whole.dropLast()) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    package static func date(_ text: String) -> Date? {
        if let millis = storedMilliseconds(text) { return date(milliseconds: millis) }
        return formattedDate(text)
    }

    /// The milliseconds since 1970 of a time written exactly as ``text(_:)`` writes it for years
    /// 1970 to 9999 (`YYYY-MM-DDThh:mm:ss.mmmZ`, a real day, hour < 24, minute and second < 60);
    /// nil for anything else, which the formatter then decides as before. `verify` reads a
    /// million of these, and the formatter's parse was a tenth of its time.
    static func storedMilliseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { bytes -> Int64? in
            guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z")
            else { return nil }
            func number(_ start: Int, _ count: Int) -> Int64? {
                var value: Int64 = 0
                for index in start..<(start + count) {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int64(digit)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                let minute = number(14, 2), let second = number(17, 2), let millis = number(20, 3),
                year >= 1970, (1...12).contains(month), day >= 1, hour < 24, minute < 60, second < 60
            else { return nil }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let monthDays: [Int64] = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard day <= monthDays[Int(month) - 1] else { return nil }
            // Days from 1970-01-01 to the date (the civil-calendar count of H. Hinnant).
            let y = month <= 2 ? year - 1 : year
            let era = y / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            let days = era * 146_097 + dayOfEra - 719_468
            return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis
        }
    }

    private static func formattedDate(_ text: String) -> Date? {
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
