import Foundation

/// Slows down guessing: after three failed sign-ins for a person, each further attempt must
/// wait twice as long as the last (2 s, 4 s, 8 s… at most 15 minutes). A success clears it.
/// Kept in memory: a restart forgets it, which costs an attacker a restart each time.
actor SignInThrottle {
    private var failures: [String: (count: Int, last: Date)] = [:]
    static let freeAttempts = 3

    /// How long the person must still wait before another attempt is checked, or nil.
    func wait(for person: String, now: Date) -> TimeInterval? {
        guard let entry = failures[person], entry.count >= Self.freeAttempts else { return nil }
        let delay = min(Double(1 << min(entry.count - Self.freeAttempts + 1, 20)), 900)
        let remaining = entry.last.addingTimeInterval(delay).timeIntervalSince(now)
        return remaining > 0 ? remaining : nil
    }

    func failed(_ person: String, now: Date) {
        failures[person] = ((failures[person]?.count ?? 0) + 1, now)
    }

    func succeeded(_ person: String) {
        failures[person] = nil
    }
}
