import Foundation

/// One slot per file, filled from several threads at once (`DispatchQueue.concurrentPerform`),
/// read back in the files' order: how documents are read on every core without their order,
/// and so every message's order, depending on which thread finished first.
public final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    public init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    public func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    public var results: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
