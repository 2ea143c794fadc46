import GRDB
import TenderStore

extension StoreError {
    /// Any error met inside the SQLite store, told in the store's words.
    static func wrapping(_ error: any Error, path: String) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as PayloadError:
            return StoreError(.damaged, "\(path) holds an event TenderScore cannot read (\(error)); run verify.")
        case let error as DatabaseError:
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return StoreError(
                    .busy, "\(path) is being changed by another TenderScore command. Nothing was changed; try again in a moment.")
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
                return StoreError(.cannotAccess, "\(path) cannot be written to or opened: \(error.message ?? "permission denied").")
            case .SQLITE_FULL:
                return StoreError(.cannotAccess, "The disk holding \(path) is full. Nothing was changed.")
            case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR:
                return StoreError(
                    .damaged,
                    "\(path) is damaged: SQLite cannot read it (\(error.message ?? "corrupt")). Nothing was read from it; run `tenderscore audit verify` and restore it from a copy.")
            default:
                return StoreError(.database, "SQLite refused the change to \(path): \(error.message ?? "\(error)"). Nothing was changed.")
            }
        default:
            return StoreError(.database, "\(error)")
        }
    }
}
