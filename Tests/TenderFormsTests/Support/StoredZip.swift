import Foundation

/// Writes a ZIP of stored (uncompressed) entries directly, for packages too large in entry count
/// to build quickly through an archive library (ten thousand entries).
enum StoredZip {
    static func make(_ entries: [(String, Data)]) throws -> Data {
        var out = Data()
        var central = Data()
        func le16(_ value: Int) -> Data { Data([UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)]) }
        func le32(_ value: UInt32) -> Data { Data((0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }) }
        for (name, bytes) in entries {
            let offset = UInt32(out.count)
            let nameBytes = Data(name.utf8)
            let crc = crc32(bytes)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc)
            out += le32(UInt32(bytes.count)) + le32(UInt32(bytes.count)) + le16(nameBytes.count) + le16(0) + nameBytes + bytes
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc)
            central += le32(UInt32(bytes.count)) + le32(UInt32(bytes.count)) + le16(nameBytes.count) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let centralOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
        out += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        return out
    }

    private static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
