import Benchmark
import Foundation
import TenderModel
import TenderScoring
import TenderStore
import TenderXML

/// The scale benchmarks (see Benchmarks/README.md). They read a corpus written by
/// `tenderscore-corpus` and stores built from it by Benchmarks/make-stores.sh:
/// - TENDERSCORE_CORPUS: the corpus folder (default /tmp/tenderscore-corpus);
/// - TENDERSCORE_RANK_STORE: a store with every bid and every score (default $CORPUS/rank.sqlite).
/// A benchmark whose input is missing says so and measures nothing.
let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    let corpus = environment["TENDERSCORE_CORPUS"] ?? "/tmp/tenderscore-corpus"
    let rankStore = environment["TENDERSCORE_RANK_STORE"] ?? corpus + "/rank.sqlite"
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal], warmupIterations: 1,
        maxDuration: .seconds(30), maxIterations: 10)

    // Goal 4: open the store, read the tender and rank it, as `tenderscore rank` does.
    Benchmark("Ranking from the store (final)") { benchmark in
        guard FileManager.default.fileExists(atPath: rankStore) else {
            print("no store at \(rankStore); run Benchmarks/make-stores.sh first")
            return
        }
        for _ in benchmark.scaledIterations {
            let ranking = try rankFromStore(rankStore)
            blackHole(ranking)
        }
    }

    // Goal 4, the arithmetic alone: the inputs are read once, outside the measurement.
    Benchmark("Ranking: Evaluation and ranking only") { benchmark in
        guard FileManager.default.fileExists(atPath: rankStore) else { return }
        let record = try TenderRecord.open(at: rankStore, readOnly: true)
        let criteria = try record.criteria()
        let submissions = try record.submissions(includingResponses: false)
        let scores = try record.scores()
        let consensus = try record.consensus()
        guard let panel = try record.panel() else { return }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let evaluation = try Evaluation(
                criteria: criteria, submissions: submissions, panel: panel, scores: scores, consensus: consensus)
            blackHole(try evaluation.ranking(.final))
        }
    }

    // Goal 2 in-process: every bid of the corpus validated against the framework and panel.
    Benchmark("Validate the corpus's bids (DocumentSet)", configuration: .init(maxIterations: 5)) { benchmark in
        let bids = corpus + "/bids"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: bids) else {
            print("no corpus at \(corpus); run tenderscore-corpus first")
            return
        }
        let paths = [corpus + "/criteria.xml", corpus + "/panel.xml"] + names.sorted().map { bids + "/" + $0 }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(DocumentSet(paths: paths, loader: DocumentLoader()))
        }
    }
}

/// What `tenderscore rank` does before it formats anything.
func rankFromStore(_ path: String) throws -> Ranking {
    let record = try TenderRecord.open(at: path, readOnly: true)
    guard let panel = try record.panel() else { throw StoreError(.notReady, "no panel in \(path)") }
    let evaluation = try Evaluation(
        criteria: try record.criteria(), submissions: try record.submissions(includingResponses: false), panel: panel,
        scores: try record.scores(), consensus: try record.consensus())
    return try evaluation.ranking(.final)
}
