import Foundation
import TenderSQLite

/// The SQLite stores a command opened, closed before the process ends.
///
/// Why: closing the last connection folds the write-ahead log into the store file and removes
/// it, so that the file alone is the whole store again (an auditor may copy just that file onto
/// read-only media). Left to the end of the process, the connections were sometimes never
/// closed, or closed on another thread while the process was ending.
enum OpenedStores {
    nonisolated(unsafe) private static var stores: [SQLiteStorage] = []
    private static let lock = NSLock()

    static func keep(_ storage: SQLiteStorage) -> SQLiteStorage {
        lock.withLock { stores.append(storage) }
        return storage
    }

    static func closeAll() {
        let all = lock.withLock {
            let all = stores
            stores = []
            return all
        }
        for storage in all { try? storage.close() }
    }
}
