import Foundation

/// A clock that starts at 09:00 UTC on 10 October 2026 and moves one second per reading, so
/// every event has a known, distinct time.
public final class StepClock: @unchecked Sendable {
    private let lock = NSLock()
    private var next = Date(timeIntervalSince1970: 1_791_622_800)  // 2026-10-10T09:00:00Z

    public init() {}

    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        let value = next
        next = next.addingTimeInterval(1)
        return value
    }

    public var function: @Sendable () -> Date { { self.now() } }
}
