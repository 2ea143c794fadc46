import Testing
import TenderTestSupport

@testable import TenderModel

/// The two helpers the evaluation and the SQLite store use to order and share out 180,000
/// scores: counting keys into place, and mapping an array a chunk at a time on every core.
@Suite("Counting order and chunked concurrent map")
struct OrderingHelperTests {
    @Test("counting order is the stable sort by key", arguments: Array(UInt64(1)...30))
    func countingOrderIsStableSort(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let bound = Int.random(in: 1...500, using: &rng)
        // Few distinct keys in some seeds, so equal keys meet often and their order matters.
        let keys = (0..<Int.random(in: 0...2_000, using: &rng)).map { _ in Int.random(in: 0..<bound, using: &rng) }
        let counted = try #require(keys.countingOrder(below: bound))
        let sorted = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
        #expect(counted == sorted)
    }

    @Test("a key outside the bound, or a bound far above the count, leaves the sorting to the caller")
    func refusals() {
        #expect([3, 1, 7].countingOrder(below: 7) == nil)
        #expect([3, -1, 2].countingOrder(below: 7) == nil)
        #expect([0, 1].countingOrder(below: -1) == nil)
        // 4 × count or 65,536, whichever is more: beyond it an array of counts costs more than a sort.
        #expect([0, 1].countingOrder(below: 65_536) == [0, 1])
        #expect([0, 1].countingOrder(below: 65_537) == nil)
        let many = Array((0..<20_000).reversed())
        #expect(many.countingOrder(below: 80_000) == Array((0..<20_000).reversed()))
        #expect(many.countingOrder(below: 80_001) == nil)
        #expect([Int]().countingOrder(below: 0) == [])
    }

    @Test("the chunked map gives each element's result in order, chunk by chunk", arguments: [0, 1, 63, 64, 65, 1_000, 4_097])
    func chunkedMap(count: Int) {
        let values = Array(0..<count)
        let chunks = LockedList<Int>()
        let mapped = values.concurrentMap(minimumCount: 64, chunks: { chunk in
            chunks.append(chunk.count)
            // A running total within the chunk: what a per-chunk cache carries from one element on.
            var seen = 0
            return chunk.map { value in
                seen += 1
                return (value * 3, seen)
            }
        })
        #expect(mapped.map(\.0) == values.map { $0 * 3 })
        #expect(chunks.all.reduce(0, +) == count)
        // Below the minimum the whole array is one chunk, on the calling thread; above, up to 64.
        #expect(chunks.all.count == (count < 64 ? 1 : min(count, 64)))
        #expect(values.concurrentMap(minimumCount: 64) { $0 + 1 } == values.map { $0 + 1 })
    }
}
