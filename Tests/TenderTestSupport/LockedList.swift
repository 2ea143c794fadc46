import Foundation

/// Values appended from several threads at once (a concurrent map's chunks, the scratch folders
/// of tests running in parallel), read back when the work is done.
public final class LockedList<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var elements: [Element] = []

    public init() {}

    public func append(_ element: Element) {
        lock.lock()
        elements.append(element)
        lock.unlock()
    }

    /// Every element so far, in the order appended.
    public var all: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return elements
    }

    /// Every element so far, leaving the list empty.
    public func removeAll() -> [Element] {
        lock.lock()
        defer { lock.unlock() }
        let taken = elements
        elements = []
        return taken
    }
}
