import Foundation
import TenderStore

/// Where a PostgreSQL store is: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (or
/// `postgres://`), with an optional `?sslmode=disable|prefer|require` (default `prefer`).
///
/// The password never appears in a message: ``redacted`` replaces it with `***`, and every
/// message the store produces names the database by that form only. User, password and
/// database may be percent-encoded (a password holding `@` or `/` is written `%40`, `%2F`).
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode

    public init(user: String, password: String?, host: String, port: Int = 5432, database: String, tls: TLSMode = .prefer) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
    }

    /// Whether `text` names a PostgreSQL store rather than a file path.
    public static func isPostgres(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    /// Reads a store URL; a malformed one is refused with a message that shows it redacted.
    public init(parsing text: String) throws(StoreError) {
        let shown = Self.redact(text)
        func refuse(_ why: String) -> StoreError {
            StoreError(
                .invalidInput,
                "\(shown) is not a PostgreSQL store URL: \(why). Write postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
        }
        guard let schemeEnd = text.range(of: "://"), Self.isPostgres(text) else {
            throw refuse("it does not start with postgresql:// or postgres://")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let at = rest.lastIndex(of: "@") else { throw refuse("it names no user (USER@ before the host)") }
        let credentials = rest[..<at]
        let location = rest[rest.index(after: at)...]
        let userPart: Substring
        var passwordPart: Substring?
        if let colon = credentials.firstIndex(of: ":") {
            userPart = credentials[..<colon]
            passwordPart = credentials[credentials.index(after: colon)...]
        } else {
            userPart = credentials
        }
        guard let user = String(userPart).removingPercentEncoding, !user.isEmpty else {
            throw refuse("the user name is empty or badly encoded")
        }
        var password: String?
        if let passwordPart {
            guard let decoded = String(passwordPart).removingPercentEncoding else { throw refuse("the password is badly encoded") }
            password = decoded
        }
        guard let slash = location.firstIndex(of: "/") else { throw refuse("it names no database (/DATABASE after the host)") }
        let hostPort = location[..<slash]
        guard let database = String(location[location.index(after: slash)...]).removingPercentEncoding, !database.isEmpty,
            !database.contains("/")
        else {
            throw refuse("it names no database (/DATABASE after the host)")
        }
        var host = String(hostPort)
        var port = 5432
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw refuse("the IPv6 host has no closing ]") }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let number = Int(after.dropFirst()) else { throw refuse("the port is not a number") }
                port = number
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            guard let number = Int(hostPort[hostPort.index(after: colon)...]) else { throw refuse("the port is not a number") }
            port = number
        }
        guard !host.isEmpty else { throw refuse("it names no host") }
        guard (1...65535).contains(port) else { throw refuse("the port \(port) is not between 1 and 65535") }
        var tls = TLSMode.prefer
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == "sslmode" else {
                throw refuse("the only option it takes is sslmode=disable|prefer|require, not \(parts[0])")
            }
            guard let mode = TLSMode(rawValue: parts[1]) else {
                throw refuse("sslmode must be disable, prefer or require, not \(parts[1])")
            }
            tls = mode
        }
        self.init(user: user, password: password, host: host, port: port, database: database, tls: tls)
    }

    /// The URL as messages show it: the password, when there is one, replaced by `***`.
    public var redacted: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let portPart = port == 5432 ? "" : ":\(port)"
        let secret = password == nil ? "" : ":***"
        let options = tls == .prefer ? "" : "?sslmode=\(tls.rawValue)"
        return "postgresql://\(Self.encode(user))\(secret)@\(hostPart)\(portPart)/\(Self.encode(database))\(options)"
    }

    public var description: String { redacted }

    /// Any text that may be a store URL, with the password (between `USER:` and the last `@`
    /// before the path) replaced by `***`: safe to print even when the URL does not parse.
    public static func redact(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let authorityEnd = text[schemeEnd.upperBound...].firstIndex(where: { $0 == "/" || $0 == "?" }) ?? text.endIndex
        let authority = text[schemeEnd.upperBound..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return text }
        return String(text[..<authority.index(after: colon)]) + "***" + String(text[at...])
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
