import Foundation
import GRDB
import TenderStore

/// Commits the writes that arrive while another is being committed together, in one
/// transaction.
///
/// Why: a commit waits for the disk (SQLite syncs the write-ahead log), several milliseconds on
/// the council's virtual machines, and when fifty panel members save at once in the web app one
/// commit per save made them queue behind the disk. Nothing else changes for a write: each runs
/// alone and in arrival order, inside its own savepoint of the shared transaction, and reads the
/// tender as the writes before it left it, so every rule it checks still holds when it commits;
/// a write that fails is rolled back to its savepoint and the others go on. Nobody is told their
/// change is saved until the commit holding it has succeeded; when that commit fails, every
/// write in it fails. A command-line write on its own is a batch of one, exactly as before.
final class WriteBatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [PendingWrite] = []

    /// Queues `write` and asks the connection's writer to commit what is waiting. Several
    /// requests may find the queue already emptied by an earlier batch: they do nothing.
    func submit(_ write: PendingWrite, on queue: DatabaseQueue) {
        lock.withLock { pending.append(write) }
        queue.asyncWriteWithoutTransaction { db in self.commitWaiting(db) }
    }

    private func commitWaiting(_ db: Database) {
        let batch = lock.withLock {
            let batch = pending
            pending = []
            return batch
        }
        guard !batch.isEmpty else { return }
        do {
            try db.inTransaction(.immediate) {
                for write in batch {
                    // A failure SQLite answers by abandoning the whole transaction (a full
                    // disk) must not leave later writes running statement by statement.
                    guard db.isInsideTransaction else {
                        throw StoreError(.database, "the transaction was abandoned by SQLite; nothing in it was saved")
                    }
                    write.run(db)
                }
                return .commit
            }
            for write in batch { write.finish(nil) }
        } catch {
            for write in batch { write.finish(error) }
        }
    }
}

/// One write waiting for its batch: `run` does its work inside the batch's transaction and keeps
/// its own outcome; `finish` is told whether the batch was committed.
struct PendingWrite: Sendable {
    let run: @Sendable (Database) -> Void
    let finish: @Sendable ((any Error)?) -> Void
}

/// The outcome of one write, kept between its run and its batch's commit (both on the
/// connection's writer queue, one after the other).
final class WriteOutcome<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
