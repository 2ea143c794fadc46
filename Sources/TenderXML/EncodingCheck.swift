import Foundation
import TenderModel

/// Refusals made on the raw bytes, before libxml2 sees them: things libxml2 would either accept
/// when it should not, or reject with a message nobody could act on.
enum EncodingCheck {
    static func check(_ bytes: [UInt8], file: String) throws(DocumentError) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.isEmpty {
            throw DocumentError(.error(at: start, "the file is empty"))
        }
        if bytes.starts(with: [0x1F, 0x8B]) {
            throw DocumentError(.error(at: start, "the file is gzip-compressed; decompress it and give the XML file itself"))
        }
        if bytes.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) {
            throw DocumentError(.error(at: start, "the file is xz-compressed; decompress it and give the XML file itself"))
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw DocumentError(
                .error(at: start, "the file is a ZIP archive (perhaps a Word or Excel file), not XML"))
        }
        if bytes.starts(with: [0x25, 0x50, 0x44, 0x46]) {
            throw DocumentError(.error(at: start, "the file is a PDF, not XML"))
        }
        try checkByteOrderMark(bytes, start: start)
    }

    /// XML 1.0 §4.3.3: a byte order mark fixes the encoding, and a declaration that names an
    /// incompatible one is a fatal error. libxml2 2.9 lets the BOM win silently; we refuse, since
    /// a file that contradicts itself may not say what its author meant.
    private static func checkByteOrderMark(_ bytes: [UInt8], start: SourceLocation) throws(DocumentError) {
        let bomFamily: String
        let declaration: String?
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bomFamily = "UTF-8"
            declaration = declaredEncoding(in: Array(bytes.dropFirst(3).prefix(200)))
        } else if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            bomFamily = "UTF-16"
            let bigEndian = bytes[0] == 0xFE
            var ascii: [UInt8] = []
            var index = 2
            while index + 1 < min(bytes.count, 402) {
                let pair = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
                ascii.append(pair.0 == 0 ? pair.1 : 0x3F)
                index += 2
            }
            // A UTF-16 BOM followed by 8-bit text (hst-lhs-009) reads as garbage pairs.
            declaration = declaredEncoding(in: ascii) ?? declaredEncoding(in: Array(bytes.dropFirst(2).prefix(200)))
        } else {
            return
        }
        guard let declaration else { return }
        let normalised = declaration.uppercased().replacingOccurrences(of: "_", with: "-")
        let compatible =
            bomFamily == "UTF-8"
            ? normalised == "UTF-8" || normalised == "UTF8"
            : normalised.hasPrefix("UTF-16") || normalised == "UTF16" || normalised.hasPrefix("UCS-2")
        if !compatible {
            throw DocumentError(
                .error(
                    at: start,
                    "the file starts with a \(bomFamily) byte order mark but declares encoding=\"\(declaration)\"; "
                        + "save it again in one encoding"))
        }
    }

    /// The `encoding="…"` of an XML declaration at the start of `bytes`, if there is one.
    static func declaredEncoding(in bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = String(decoding: bytes.prefix { $0 != UInt8(ascii: ">") }, as: UTF8.self)
        guard let key = head.range(of: "encoding") else { return nil }
        let rest = head[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return String(value)
    }
}
