import Foundation
import Synchronization

/// A clock the test moves by hand: sessions expire and invitations run out without waiting.
final class ManualClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_790_000_000))

    func now() -> Date { current.withLock { $0 } }

    func advance(_ seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    var function: @Sendable () -> Date { { [self] in now() } }
}
