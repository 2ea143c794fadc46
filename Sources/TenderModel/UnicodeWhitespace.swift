/// Unicode White_Space recognised on UTF-8 bytes, for the text checks that run over every
/// answer of every bid (word counts, whitespace folding): iterating `unicodeScalars` and asking
/// each scalar's properties cost more than libxml2's whole parse of a bid.
///
/// White_Space is U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
/// U+202F, U+205F and U+3000: ASCII bytes are told directly, and only the lead bytes 0xC2, 0xE1,
/// 0xE2 and 0xE3 need their following bytes looked at.
public enum UnicodeWhitespace {
    /// The length in bytes of the White_Space scalar starting at `index` when it is one of the
    /// multi-byte ones, else 0. `index` should be at the start of a scalar; a continuation byte
    /// is never whitespace. ASCII whitespace is for the caller to tell, in its own loop.
    package static func multiByteWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let remaining = bytes.count - index
        let first = bytes[index]
        if first == 0xC2, remaining >= 2 {
            let second = bytes[index + 1]
            return second == 0x85 || second == 0xA0 ? 2 : 0
        }
        guard remaining >= 3 else { return 0 }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        switch (first, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
        case (0xE2, 0x80): return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// Runs of anything but White_Space in `bytes` (valid UTF-8).
    ///
    /// Eight bytes at a time while they are plain printable ASCII (where the only whitespace
    /// is the space); byte by byte, scalar by scalar, through anything else.
    package static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var inWord = false
        var index = 0
        let end = bytes.count
        while index < end {
            if index + 8 <= end {
                let chunk = load(base, at: index)
                if irregularLanes(chunk) == 0 {
                    let spaces = spaceLanes(chunk)
                    let letters = ~spaces & highBits
                    let afterSpace = (spaces << 8) | (inWord ? 0 : 0x80)
                    // The lanes summed by one multiplication (x86-64 has no popcnt by default).
                    count += Int(truncatingIfNeeded: (((letters & afterSpace) >> 7) &* lowBits) >> 56)
                    inWord = letters >> 63 != 0
                    index += 8
                    continue
                }
            }
            // One scalar (or one byte of one) the slow way, then back to the chunks.
            let byte = base[index]
            var width = 0
            if byte <= 0x20 {
                width = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0
            } else if byte >= 0xC2 && byte <= 0xE3 {
                width = multiByteWidth(bytes, at: index)
            }
            if width > 0 {
                inWord = false
                index += width
            } else {
                if !inWord { count += 1 }
                inWord = true
                index += 1
            }
        }
        return count
    }

    // MARK: Eight bytes at a time (SWAR), little-endian lanes: byte i of the text is lane i.

    // Public and inlinable so that TenderXML's scans inline them for every eight bytes of text:
    // package functions were called out of line from the other module.
    public static var lowBits: UInt64 {
        @inlinable get { 0x0101_0101_0101_0101 }
    }
    public static var highBits: UInt64 {
        @inlinable get { 0x8080_8080_8080_8080 }
    }

    @inlinable
    public static func load(_ base: UnsafePointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of every lane that may hold a byte below 0x20, 0x7F or any byte of 0x80 and
    /// above; never misses one (a borrow or carry can only mark an extra lane above a marked one).
    /// Zero means eight printable ASCII characters.
    @inlinable
    public static func irregularLanes(_ chunk: UInt64) -> UInt64 {
        (chunk | (chunk &- lowBits &* 0x20) | (chunk &+ lowBits)) & highBits
    }

    /// Non-zero when a lane of `chunk` holds a byte below `limit` (at most 0x80): whether there
    /// is one is exact, which lanes it marks is not (a borrow can mark a lane above it).
    @inlinable
    public static func lanesBelow(_ limit: UInt64, _ chunk: UInt64) -> UInt64 {
        (chunk &- lowBits &* limit) & ~chunk & highBits
    }

    /// Non-zero when a lane of `chunk` holds `byte` (which XORs that lane to zero).
    @inlinable
    public static func lanesEqual(to byte: UInt8, _ chunk: UInt64) -> UInt64 {
        lanesBelow(1, chunk ^ (lowBits &* UInt64(byte)))
    }

    /// The high bit of exactly the lanes holding a space (0x20).
    @inlinable
    public static func spaceLanes(_ chunk: UInt64) -> UInt64 {
        let difference = chunk ^ (lowBits &* 0x20)
        let low7 = ~highBits
        return ~(((difference & low7) &+ low7) | difference) & highBits
    }
}
