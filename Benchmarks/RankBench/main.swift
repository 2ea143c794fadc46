// A TenderScoring-only benchmark of goal 4 (Benchmarks/README.md, section 3): the corpus's
// shape (bids × 10 criteria × 9 members, two thresholds, price weight 30, about ten conflicts
// per member, scores that never diverge) built in memory from the corpus generator's own score
// rule, so that no store, no XML and no SQLite is timed, only the arithmetic.
//
// Built and run by Benchmarks/compare-rank.sh (swiftc against the release modules, since
// Package.swift is shared and an extra target would cost every build). Usage:
//
//     rank-bench [--bids N] [--repeat R] [--csv FOLDER] [--only rank|all]
//
// --csv writes the same tender as the corpus's reference/ CSV files and scoresheets/, for
// Benchmarks/rank_reference.py. Prints the top five like the numpy reference, then one timing
// line per step (the best of R runs).
import Foundation
import TenderModel
import TenderScoring

/// SplitMix64, as in the corpus generator: the same seed gives the same tender.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

var bidCount = 2000
var repeats = 3
var csvFolder: String?
var only = "all"
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let flag = arguments.next() {
    let value = arguments.next() ?? ""
    switch flag {
    case "--bids": bidCount = Int(value) ?? bidCount
    case "--repeat": repeats = Int(value) ?? repeats
    case "--csv": csvFolder = value
    case "--only": only = value
    default:
        FileHandle.standardError.write(Data("usage: rank-bench [--bids N] [--repeat R] [--csv FOLDER] [--only rank|all]\n".utf8))
        exit(2)
    }
}

let seed: UInt64 = 20_261_123
let criterionCount = 10
let memberCount = 9
let roles: [PanelRole] = [.commissioner, .expertByExperience, .carer, .practitioner, .finance, .independent]
let bidID = { (index: Int) in String(format: "BID-%05d", index + 1) }
let memberID = { (index: Int) in String(format: "p-%02d", index + 1) }
var weights = Array(repeating: 70 / criterionCount, count: criterionCount)
for index in 0..<(70 % criterionCount) { weights[index] += 1 }
let specs = (0..<criterionCount).map { index in
    (id: "criterion-\(index + 1)", weight: weights[index], threshold: index % 5 == 2 ? 2 : nil as Int?)
}
let scale = Scale(min: 0, max: 5, levels: (0...5).map { ScaleLevel(value: $0, label: "L\($0)", descriptor: "") })
let criteria = Criteria(
    id: "bench-framework", version: "1", currency: "GBP", title: "Benchmark", scale: scale, divergence: 2,
    price: PriceWeighting(weight: 30, formula: .lowestPrice),
    criteria: specs.map {
        Criterion(id: $0.id, weight: Decimal($0.weight), threshold: $0.threshold, title: $0.id, question: "", guidance: "")
    })
let isConflicted = { (member: Int, bid: Int) in bid % 211 == member * 7 }
/// The corpus generator's rule: an item's scores are `base` or `base + 1`, so they never diverge.
func score(member: Int, bid: Int, criterion: Int) -> Int {
    var random = SeededGenerator(state: seed ^ UInt64(bid * 7919 + criterion * 104_729 + 17))
    let base = Int.random(in: 1...3, using: &random)
    return base + Int((UInt64(member + 1) &* 2_654_435_761 &+ UInt64(bid * 31 + criterion)) % 2)
}
var priceRandom = SeededGenerator(state: seed)
let date = Date(timeIntervalSince1970: 1_790_000_000)
var prices: [String] = []
let submissions = (0..<bidCount).map { index -> Submission in
    let price = "\(Int.random(in: 800_000...1_600_000, using: &priceRandom)).\(String(format: "%02d", Int.random(in: 0...99, using: &priceRandom)))"
    prices.append(price)
    return Submission(
        id: bidID(index), tender: "bench", submitted: date, bidder: Bidder(name: "Bidder \(index + 1)", type: .voluntary),
        price: Money(amount: Decimal(string: price) ?? 0, currency: "GBP"), responses: [])
}
var conflicts: [Conflict] = []
var scores: [Score] = []
for member in 0..<memberCount {
    for bid in 0..<bidCount {
        if isConflicted(member, bid) {
            conflicts.append(Conflict(member: memberID(member), submission: bidID(bid), reason: "Former trustee"))
            continue
        }
        for (criterion, spec) in specs.enumerated() {
            scores.append(
                Score(
                    panelist: memberID(member), submission: bidID(bid), criterion: spec.id,
                    value: score(member: member, bid: bid, criterion: criterion), rationale: "Clear and costed."))
        }
    }
}
let panel = Panel(
    tender: "bench",
    members: (0..<memberCount).map { PanelMember(id: memberID($0), name: "Member \($0 + 1)", role: roles[$0 % roles.count]) },
    conflicts: conflicts)

if let csvFolder {
    let manager = FileManager.default
    try manager.createDirectory(atPath: csvFolder + "/reference", withIntermediateDirectories: true)
    try manager.createDirectory(atPath: csvFolder + "/scoresheets", withIntermediateDirectories: true)
    var criteriaCSV = "criterion,weight,threshold\n"
    for spec in specs { criteriaCSV += "\(spec.id),\(spec.weight),\(spec.threshold.map(String.init) ?? "")\n" }
    criteriaCSV += "price,30,\n"
    try criteriaCSV.write(toFile: csvFolder + "/reference/criteria.csv", atomically: true, encoding: .utf8)
    var bidsCSV = "submission,bidder,price\n"
    for (index, price) in prices.enumerated() { bidsCSV += "\(bidID(index)),\"Bidder \(index + 1)\",\(price)\n" }
    try bidsCSV.write(toFile: csvFolder + "/reference/bids.csv", atomically: true, encoding: .utf8)
    var sheets: [String: String] = [:]
    for score in scores {
        sheets[score.panelist, default: "panelist,submission,criterion,score,rationale\n"] +=
            "\(score.panelist),\(score.submission),\(score.criterion),\(score.value),\"\(score.rationale)\"\n"
    }
    for (member, text) in sheets {
        try text.write(toFile: csvFolder + "/scoresheets/\(member).csv", atomically: true, encoding: .utf8)
    }
}

/// The best of `repeats` runs, in milliseconds, and the last result.
@MainActor func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    var best = Double.infinity
    var result: T?
    for _ in 0..<max(1, repeats) {
        let start = DispatchTime.now().uptimeNanoseconds
        result = try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%9.1f ms", best))
    guard let result else { fatalError("no run") }
    return result
}

do {
    print("\(bidCount) bids × \(criterionCount) criteria × \(memberCount) members, \(scores.count) scores")
    let ranking = try time("Evaluation.init + ranking(.final)") {
        try Evaluation(criteria: criteria, submissions: submissions, panel: panel, scores: scores).ranking(.final)
    }
    for entry in ranking.ranked.prefix(5) {
        print(
            "\(String(repeating: " ", count: max(0, 4 - String(entry.rank).count)))\(entry.rank) \(entry.submission) quality \(entry.quality.displayText) "
                + "price \((entry.price?.points ?? 0).displayText) total \(entry.total.displayText)")
    }
    print("\(ranking.ranked.count) ranked, \(ranking.failed.count) failed a threshold")
    if only == "all" {
        let evaluation = try time("Evaluation.init") {
            try Evaluation(criteria: criteria, submissions: submissions, panel: panel, scores: scores)
        }
        _ = try time("ranking(.final)") { try evaluation.ranking(.final) }
        _ = time("items + pendingItems") { (evaluation.items.count, evaluation.pendingItems.count) }
        _ = time("agreement()") { evaluation.agreement() }
        _ = time("coProduction()") { evaluation.coProduction() }
        _ = try time("sensitivity(.final)") { try evaluation.sensitivity(.final) }
    }
} catch {
    print("error: \(error)")
    exit(1)
}
