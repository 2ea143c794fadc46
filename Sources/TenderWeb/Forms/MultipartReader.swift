import Foundation

/// Reads a `multipart/form-data` body (RFC 7578), strictly and within bounds: Hummingbird 2
/// offers no reader of its own, and an upload is input from outside, so anything not as a
/// browser sends it is refused in words rather than guessed at.
///
/// The body is already collected (``FormGuardMiddleware`` caps its size); here the number of
/// parts and the size of each part's headers are capped too. Text fields become ``FormData``;
/// a file field left empty in the browser (no file chosen) is dropped.
public struct MultipartReader: Sendable {
    public static let maxParts = 200
    public static let maxHeaderBytes = 8 * 1024

    public let boundary: [UInt8]

    /// The boundary of a `multipart/form-data` content type, or nil for any other content type.
    /// Throws when the content type is multipart but its boundary is missing or unusable.
    public static func boundary(ofContentType contentType: String) throws(MultipartError) -> [UInt8]? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let kind = parts.first, kind.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard (1...70).contains(value.utf8.count), value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F || $0 == 0x20 }),
                value.last != " "
            else {
                throw MultipartError("the upload's boundary is not a usable one")
            }
            return Array(value.utf8)
        }
        throw MultipartError("the upload names no boundary between its parts")
    }

    public init(boundary: [UInt8]) {
        self.boundary = boundary
    }

    /// The text fields and the files of the body, in the order sent.
    public func read(_ body: [UInt8]) throws(MultipartError) -> (fields: FormData, files: [UploadedFile]) {
        let dashBoundary = Array("--".utf8) + boundary
        let delimiter = Array("\r\n".utf8) + dashBoundary
        guard body.starts(with: dashBoundary) else {
            throw MultipartError("the upload does not start with its boundary")
        }
        var fields: [(String, String)] = []
        var files: [UploadedFile] = []
        var position = dashBoundary.count
        var parts = 0
        while true {
            // After a boundary: "--" ends the body, CRLF starts a part.
            if body[position...].starts(with: Array("--".utf8)) { break }
            guard body[position...].starts(with: Array("\r\n".utf8)) else {
                throw MultipartError("a boundary in the upload is not followed by a line break")
            }
            position += 2
            parts += 1
            guard parts <= Self.maxParts else {
                throw MultipartError("the upload has more than \(Self.maxParts) parts")
            }
            guard let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: position, limit: Self.maxHeaderBytes) else {
                throw MultipartError("a part of the upload has no end to its headers, or headers longer than \(Self.maxHeaderBytes) bytes")
            }
            let headers = try Self.headers(body[position..<headerEnd])
            let contentStart = headerEnd + 4
            guard let contentEnd = Self.find(delimiter, in: body, from: contentStart, limit: nil) else {
                throw MultipartError("the upload ends before its last boundary: it may have been cut short")
            }
            let content = Array(body[contentStart..<contentEnd])
            if let fileName = headers.fileName {
                let name = Self.baseName(fileName)
                if !(name.isEmpty && content.isEmpty) {
                    guard !name.isEmpty else { throw MultipartError("a file in the upload has no name") }
                    files.append(UploadedFile(field: headers.name, fileName: name, bytes: content))
                }
            } else {
                fields.append((headers.name, String(decoding: content, as: UTF8.self)))
            }
            position = contentEnd + delimiter.count
        }
        return (FormData(fields), files)
    }

    /// The field name and file name of a part's `Content-Disposition`.
    private static func headers(_ bytes: ArraySlice<UInt8>) throws(MultipartError) -> (name: String, fileName: String?) {
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == "content-disposition" else { continue }
            let value = String(pair[1])
            guard value.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("form-data") else {
                throw MultipartError("a part of the upload is not form data")
            }
            guard let name = parameter("name", in: value) else {
                throw MultipartError("a part of the upload has no field name")
            }
            return (name, parameter("filename", in: value))
        }
        throw MultipartError("a part of the upload does not say which field it is")
    }

    /// A parameter of a header value: `name="value"` (a browser escapes `"` as `%22`) or a bare token.
    static func parameter(_ wanted: String, in value: String) -> String? {
        var rest = Substring(value)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " || $0 == "\t" }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var after = rest[rest.index(after: equals)...]
            let found: Substring
            if after.first == "\"" {
                after = after.dropFirst()
                guard let close = after.firstIndex(of: "\"") else { return nil }
                found = after[..<close]
                rest = after[after.index(after: close)...]
            } else {
                let end = after.firstIndex(of: ";") ?? after.endIndex
                found = after[..<end]
                rest = after[end...]
            }
            if key == wanted { return String(found) }
        }
        return nil
    }

    /// The last part of a file name a browser may have sent with its folders (`C:\…\bid.xml`).
    static func baseName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return last.trimmingCharacters(in: .whitespaces)
    }

    /// Where `needle` next starts in `haystack` at or after `start`, looking at most `limit`
    /// bytes on. `memchr` finds each candidate first byte, so a large file is scanned quickly.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, limit: Int?) -> Int? {
        guard let first = needle.first else { return nil }
        let end = min(haystack.count - needle.count, limit.map { start + $0 } ?? Int.max)
        guard start >= 0, start <= end else { return nil }
        return haystack.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var index = start
            while index <= end {
                guard let hit = memchr(base + index, Int32(first), end - index + 1) else { return nil }
                let found = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if memcmp(base + found, needle, needle.count) == 0 { return found }
                index = found + 1
            }
            return nil
        }
    }
}

/// Why an upload could not be read, in words for the page.
public struct MultipartError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
