import Foundation

/// `tenderscore-corpus`: writes a realistic tender of any size for benchmarks, under /tmp.
///
/// Everything is derived from `--seed`, so the same arguments always write the same bytes:
/// - `criteria.xml`: a framework of `--criteria` criteria (two with thresholds) and a price weight
///   of 30, scale 0–5, divergence 2;
/// - `panel.xml`: `--members` members (a third of them with lived experience), a few conflicts;
/// - `bids/BID-00001.xml`…: `--bids` bids whose answers are prose recombined from sentence
///   fragments about social care delivery, each file between `--min-kb` and `--max-kb`;
/// - `scoresheets/p-….csv`: every eligible member's score of every item, each with a rationale.
///   Scores of one item never diverge, so a final ranking stands without moderation;
/// - `changes/round-K/p-….csv` (with `--change-rounds K`): every score changed again, to build
///   long audit histories through `tenderscore scores import --reason`;
/// - `reference/`: the same tender as plain CSV (criteria, bids with prices, scores) for
///   `Benchmarks/rank_reference.py`;
/// - with `--bulk-mb N`: `bulk.xml`, one `<submissions>` file of about N MB (written as it goes,
///   never held in memory), whose bids are all new ids.
@main
struct CorpusGenerator {
    static func main() throws {
        var options = Options()
        var arguments = CommandLine.arguments.dropFirst()
        while let name = arguments.popFirst() {
            guard let value = arguments.popFirst() else { usage("\(name) needs a value") }
            switch name {
            case "--output": options.output = value
            case "--bids": options.bids = int(value, name)
            case "--min-kb": options.minKB = int(value, name)
            case "--max-kb": options.maxKB = int(value, name)
            case "--criteria": options.criteria = int(value, name)
            case "--members": options.members = int(value, name)
            case "--seed": options.seed = UInt64(int(value, name))
            case "--change-rounds": options.changeRounds = int(value, name)
            case "--bulk-mb": options.bulkMB = int(value, name)
            case "--only-bulk": options.onlyBulk = value == "yes"
            default: usage("unknown option \(name)")
            }
        }
        guard let output = options.output else { usage("--output DIR is required") }
        guard options.minKB >= 2, options.maxKB >= options.minKB, options.criteria >= 2, options.members >= 3 else {
            usage("need --min-kb ≥ 2, --max-kb ≥ --min-kb, --criteria ≥ 2, --members ≥ 3")
        }
        let tender = Tender(options: options)
        try tender.write(to: URL(fileURLWithPath: output))
    }

    static func int(_ text: String, _ name: String) -> Int {
        guard let value = Int(text), value >= 0 else { usage("\(name) needs a whole number, not \(text)") }
        return value
    }

    static func usage(_ problem: String) -> Never {
        FileHandle.standardError.write(
            Data(
                """
                tenderscore-corpus: \(problem)
                usage: tenderscore-corpus --output DIR [--bids 2000] [--min-kb 5] [--max-kb 50] [--criteria 10]
                       [--members 9] [--seed 1] [--change-rounds 0] [--bulk-mb 0] [--only-bulk yes|no]

                """.utf8))
        exit(2)
    }
}

struct Options {
    var output: String?
    var bids = 2000
    var minKB = 5
    var maxKB = 50
    var criteria = 10
    var members = 9
    var seed: UInt64 = 1
    var changeRounds = 0
    var bulkMB = 0
    var onlyBulk = false
}

/// SplitMix64: small, fast and the same on every platform.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
