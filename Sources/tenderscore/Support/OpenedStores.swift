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

    /// Ends a command that has printed or written everything, without freeing what it built.
    ///
    /// Why: a national framework's report holds 180,000 scores and 2,000 bids in many small
    /// values; handing them back one by one as the command returned was about a tenth of
    /// `rank`'s time, and the system takes the whole heap back at once. The stores are closed
    /// first, as on every other ending. Only for commands whose output is complete: output is
    /// written with `FileHandle` (unbuffered), and `exit` flushes C's buffers too.
    /// - Parameter status: the exit status: 0 for success, 1 when the output reported a refusal
    ///   or an invalid file.
    static func finish(status: Int32 = 0) -> Never {
        closeAll()
        Foundation.exit(status)
    }
}
