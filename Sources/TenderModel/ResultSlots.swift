import Foundation

/// One slot per file, filled from several threads at once (`DispatchQueue.concurrentPerform`),
/// read back in the files' order: how documents are read on every core without their order,
/// and so every message's order, depending on which thread finished first.
package final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    package init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    package func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    package var results: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
