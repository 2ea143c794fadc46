import Testing
import TenderWeb

/// The upload reader: what browsers send is read exactly; anything else is refused in words.
@Suite struct MultipartReaderTests {
    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"

    static func body(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    @Test func readsFieldsAndFilesAsABrowserSendsThem() throws {
        let panel = "<?xml version=\"1.0\"?>\r\n<panel tender=\"TND-2026-014\">\r\n--not-the-boundary\r\n</panel>\r\n"
        let b = "--" + Self.boundary
        let body = Array(
            [
                b, "Content-Disposition: form-data; name=\"csrf\"", "", "token-123",
                b, "Content-Disposition: form-data; name=\"panel\"; filename=\"C:\\Users\\jo\\panel.xml\"", "Content-Type: text/xml", "",
            ].joined(separator: "\r\n").utf8) + Array(("\r\n" + panel + "\r\n").utf8)
            + Array(
                [
                    b, "Content-Disposition: form-data; name=\"bids\"; filename=\"\"", "Content-Type: application/octet-stream", "", "",
                    b, "Content-Disposition: form-data; name=\"reason\"", "", "New member, Dr Amira Haddad", b + "--", "",
                ].joined(separator: "\r\n").utf8)
        let boundary = try #require(try MultipartReader.boundary(ofContentType: "multipart/form-data; boundary=\(Self.boundary)"))
        let (fields, files) = try MultipartReader(boundary: boundary).read(body)
        #expect(fields["csrf"] == "token-123")
        #expect(fields["reason"] == "New member, Dr Amira Haddad")
        // The folders a browser may send are dropped; an empty file input is no file at all.
        #expect(files == [UploadedFile(field: "panel", fileName: "panel.xml", bytes: Array(panel.utf8))])
    }

    @Test func otherContentTypesAreNotMultipart() throws {
        #expect(try MultipartReader.boundary(ofContentType: "application/x-www-form-urlencoded") == nil)
        #expect(try MultipartReader.boundary(ofContentType: "multipart/form-data; boundary=\"quoted:value\"") == Array("quoted:value".utf8))
    }

    @Test func refusesWhatNoBrowserSends() {
        #expect(throws: MultipartError("the upload names no boundary between its parts")) {
            try MultipartReader.boundary(ofContentType: "multipart/form-data")
        }
        #expect(throws: MultipartError("the upload's boundary is not a usable one")) {
            try MultipartReader.boundary(ofContentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71))
        }
        let reader = MultipartReader(boundary: Array("b".utf8))
        #expect(throws: MultipartError("the upload does not start with its boundary")) {
            try reader.read(Self.body("preamble\n--b\n"))
        }
        #expect(throws: MultipartError("the upload ends before its last boundary: it may have been cut short")) {
            try reader.read(Self.body("--b\nContent-Disposition: form-data; name=\"a\"\n\nhalf a valu"))
        }
        #expect(throws: MultipartError("a part of the upload does not say which field it is")) {
            try reader.read(Self.body("--b\nContent-Type: text/plain\n\nx\n--b--\n"))
        }
        #expect(throws: MultipartError("a part of the upload has no field name")) {
            try reader.read(Self.body("--b\nContent-Disposition: form-data; filename=\"a.xml\"\n\nx\n--b--\n"))
        }
        #expect(throws: MultipartError("a part of the upload has no end to its headers, or headers longer than 8192 bytes")) {
            try reader.read(Self.body("--b\nContent-Disposition: form-data; name=\"a\"; x=\"" + String(repeating: "y", count: 9000) + "\"\n\nx\n--b--\n"))
        }
        let many = (0...MultipartReader.maxParts).map { _ in "--b\nContent-Disposition: form-data; name=\"a\"\n\nx\n" }.joined()
        #expect(throws: MultipartError("the upload has more than 200 parts")) {
            try reader.read(Self.body(many + "--b--\n"))
        }
    }
}
