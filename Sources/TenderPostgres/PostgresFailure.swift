import PostgresNIO
import TenderStore

/// Turns what PostgresNIO throws into a ``StoreError`` a commissioner can act on.
///
/// Every message names the database by its redacted URL (``PostgresURL/redacted``) and never
/// repeats the driver's own text for connection problems, which may carry details the person
/// cannot use. The server's own message is kept for errors inside a statement (a refused
/// permission, a trigger), where it says what was refused.
enum PostgresFailure {
    static func storeError(_ error: any Error, url: PostgresURL) -> StoreError {
        if let error = error as? StoreError { return error }
        let location = url.redacted
        let server = "\(url.host):\(url.port)"
        let lost = StoreError(
            .database,
            "The connection to the PostgreSQL server at \(server) (\(location)) was lost before the command finished. A change is recorded whole or not at all; when the server is back, `tenderscore audit log` shows whether it was recorded.")
        if error is ConnectionLost { return lost }
        if let error = error as? PSQLError {
            switch error.code {
            case .server:
                return serverError(error, url: url)
            case .connectionError:
                return unreachable(url, because: error.underlying.map { "\($0)" })
            case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .poolClosed:
                return lost
            case .sslUnsupported:
                return StoreError(
                    .cannotAccess,
                    "The PostgreSQL server at \(server) does not offer TLS, and \(location) requires it (sslmode=require).")
            case .authMechanismRequiresPassword:
                return StoreError(
                    .cannotAccess,
                    "The PostgreSQL server at \(server) asks for a password for user \(url.user), and \(location) gives none: write postgresql://\(url.user):PASSWORD@\(server)/\(url.database).")
            case .unsupportedAuthMechanism, .saslError:
                return StoreError(
                    .cannotAccess,
                    "The PostgreSQL server at \(server) asks user \(url.user) to sign in in a way TenderScore cannot (use password or SCRAM-SHA-256 authentication in pg_hba.conf).")
            default:
                return StoreError(.database, "PostgreSQL at \(location) failed: \(error.code).")
            }
        }
        let typeName = String(describing: type(of: error))
        if typeName.contains("ConnectionPoolError") {
            return unreachable(url, because: nil)
        }
        if typeName.contains("ChannelError") || typeName.contains("IOError") || typeName.contains("NIOConnectionError") {
            return unreachable(url, because: "\(error)")
        }
        return StoreError(.database, "PostgreSQL at \(location) failed: \(error)")
    }

    static func unreachable(_ url: PostgresURL, because reason: String?) -> StoreError {
        let why = reason.map { " (\($0))" } ?? ""
        return StoreError(
            .cannotAccess,
            "Cannot reach the PostgreSQL server at \(url.host):\(url.port) for \(url.redacted)\(why). Check that the server is running and that the host and port are right.")
    }

    private static func serverError(_ error: PSQLError, url: PostgresURL) -> StoreError {
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = error.serverInfo?[.message] ?? "no message"
        let location = url.redacted
        let server = "\(url.host):\(url.port)"
        switch state {
        case "28P01":
            return StoreError(
                .cannotAccess,
                "The PostgreSQL server at \(server) refused the password for user \(url.user) (\(location)). Check the password in the URL or in $TENDERSCORE_STORE.")
        case "28000":
            return StoreError(
                .cannotAccess,
                "The PostgreSQL server at \(server) does not let user \(url.user) into database \(url.database) (\(location)): \(message).")
        case "3D000":
            return StoreError(
                .storeNotFound,
                "The database \(url.database) does not exist on the PostgreSQL server at \(server) (\(location)). Create it first (see \"Running on a shared PostgreSQL server\" in the README), or check its name in the URL.")
        case "42501":
            return StoreError(
                .forbidden,
                "User \(url.user) may not do this in \(location): \(message). A read-only role can read and verify a tender, and change nothing.")
        case "57P01", "57P02", "57P03":
            return StoreError(
                .database,
                "The PostgreSQL server at \(server) (\(location)) shut down or restarted during the command. A change is recorded whole or not at all; when the server is back, `tenderscore audit log` shows whether it was recorded.")
        case "40001", "40P01", "53300", "55P03":
            return StoreError(
                .busy, "The PostgreSQL server at \(location) is busy (\(message)); nothing was changed. Trying again is safe.")
        case "25006":
            return StoreError(.forbidden, "\(location) was opened read-only; nothing can be changed through it.")
        default:
            return StoreError(.database, "PostgreSQL at \(location) reported: \(message) (SQLSTATE \(state)).")
        }
    }
}
