import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import TenderWeb

/// A browser as far as the tests need one: keeps cookies, sends forms with the anti-forgery
/// token from its cookie and an `Origin` of the site, follows nothing by itself.
final class Browser: Sendable {
    struct Page: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var location: String? { headers[.location] }
        var setCookies: [String] { headers[values: .setCookie] }
    }

    let client: any TestClientProtocol
    private let cookies = Mutex<[String: String]>([:])

    init(_ client: any TestClientProtocol) { self.client = client }

    var formToken: String? { cookies.withLock { $0["ts-form"] } }
    var hasSession: Bool { cookies.withLock { $0["ts-session"] != nil } }

    func get(_ path: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(path, method: .get, headers: headers, body: nil)
    }

    /// Posts a form. The anti-forgery token is added unless the form has one (or `csrf` is
    /// false); a page is fetched first when the browser has no token yet.
    func post(
        _ path: String, _ fields: [(String, String)] = [], csrf: Bool = true, origin: String? = "http://localhost",
        headers: HTTPFields = [:]
    ) async throws -> Page {
        if formToken == nil { _ = try await get("/sign-in") }
        var fields = fields
        if csrf, let token = formToken { fields.append(("csrf", token)) }
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let origin { headers[.origin] = origin }
        return try await send(path, method: .post, headers: headers, body: FormData(fields).urlEncoded)
    }

    /// Posts a form with files as a browser does (`multipart/form-data`), the anti-forgery
    /// token among its fields.
    func upload(
        _ path: String, _ fields: [(String, String)] = [], files: [(field: String, name: String, bytes: [UInt8])],
        boundary: String = "----TenderScoreTestBoundary7MA4YWxkTrZu0gW", contentType: String? = nil, csrf: Bool = true,
        origin: String = "http://localhost"
    ) async throws -> Page {
        if formToken == nil { _ = try await get("/sign-in") }
        var fields = fields
        if csrf, let token = formToken { fields.append(("csrf", token)) }
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        let headers: HTTPFields = [.contentType: contentType ?? "multipart/form-data; boundary=\(boundary)", .origin: origin]
        return try await sendBytes(path, method: .post, headers: headers, body: body)
    }

    private func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: String?) async throws -> Page {
        try await sendBytes(path, method: method, headers: headers, body: body.map { Array($0.utf8) })
    }

    private func sendBytes(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: [UInt8]?) async throws -> Page {
        var headers = headers
        let cookieHeader = cookies.withLock { jar in jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !cookieHeader.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
        let page = Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        cookies.withLock { jar in
            for line in page.setCookies {
                let pair = line.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard pair.count == 2 else { continue }
                let name = String(pair[0])
                if pair[1].isEmpty || line.contains("Max-Age=0") { jar[name] = nil } else { jar[name] = String(pair[1]) }
            }
        }
        return page
    }
}
