import Foundation

/// One slot per piece of work (a file, a summary, a chunk of a map), filled from several threads
/// at once (`DispatchQueue.concurrentPerform`), read back in order: how work is done on every
/// core without its results' order, and so every message's order, depending on which thread
/// finished first.
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

extension Array where Element: Sendable {
    /// `map` on every core, in order: for long arrays whose elements each take real work
    /// (a ranking's 2,000 entries as JSON); short arrays are mapped in place.
    package func concurrentMap<T: Sendable>(minimumCount: Int = 256, _ transform: @Sendable (Element) -> T) -> [T] {
        concurrentMap(minimumCount: minimumCount, chunks: { $0.map(transform) })
    }

    /// `concurrentMap` a chunk at a time, for work that keeps something from one element to the
    /// next within a chunk (a ranking's cache of weighted marks): `transform` must return one
    /// result for each element of the chunk it is given, in order.
    package func concurrentMap<T: Sendable>(
        minimumCount: Int = 256, chunks transform: @Sendable (ArraySlice<Element>) -> [T]
    ) -> [T] {
        guard count >= minimumCount else { return transform(self[...]) }
        let chunkCount = Swift.min(count, 64)
        let slots = ResultSlots<[T]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount)
            slots.set(chunk, transform(self[range]))
        }
        return slots.results.flatMap { $0 }
    }
}

/// Work started on other threads now and collected later, so that the calling thread can do
/// something else meanwhile (a store reading its bids' outlines while it reads the scores).
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let slot = ResultSlots<Value>(count: 1)
    private let work: @Sendable () -> Value

    package init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        DispatchQueue.global().async { [self] in
            slot.set(0, work())
            finished.signal()
        }
    }

    /// The work's result, once it has finished.
    package var value: Value {
        finished.wait()
        defer { finished.signal() }
        // The slot is always filled before the signal; should it not be, the work is done here.
        return slot.results.first ?? work()
    }
}
