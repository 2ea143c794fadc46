import Foundation

/// Brings a document's bytes to UTF-8 for column finding and CSV reading, whatever encoding the
/// file uses. libxml2 does its own decoding for parsing; this is only for locating things.
enum TextDecoding {
    static func utf8Bytes(of bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        let encoding: String.Encoding?
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            encoding = .utf16
        } else if bytes.starts(with: [0x00, 0x3C]) {
            encoding = .utf16BigEndian
        } else if bytes.starts(with: [0x3C, 0x00]) {
            encoding = .utf16LittleEndian
        } else {
            encoding = nil
        }
        if let encoding, let text = String(data: Data(bytes), encoding: encoding) {
            return Array(text.utf8)
        }
        return bytes
    }
}
