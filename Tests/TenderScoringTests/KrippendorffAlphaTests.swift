import Foundation
import TenderScoring
import Testing
import TenderTestSupport

@Suite("Krippendorff's alpha")
struct KrippendorffAlphaTests {
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", §C: 4 observers ×
    /// 12 units with missing values. Unit 12 has one value and is not pairable.
    static let published: [[Int?]] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
        [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
    ]

    /// A panel of three members and four submissions on one criterion; the first member is
    /// conflicted with the fourth submission.
    static let panel: [[Int?]] = [
        [4, 2, 3, nil],
        [5, 2, 3, 1],
        [4, 3, 2, 1],
    ]

    // Expected values: the paper gives nominal 0.743 and interval 0.849. All six figures below
    // are from the PyPI `krippendorff` package 0.9.0, `krippendorff.alpha(reliability_data=…,
    // level_of_measurement=…)`, run on the same matrices (NaN for missing), which agrees with the
    // paper to its three decimals; ordinal 0.815 is the package's (the paper does not give it).
    @Test(
        "matches the published example and the krippendorff package",
        arguments: [
            ("published", AlphaMetric.nominal, 0.743421052631579),
            ("published", .ordinal, 0.8153875037548814),
            ("published", .interval, 0.8491071428571428),
            ("panel", .nominal, 0.36170212765957455),
            ("panel", .ordinal, 0.8246753246753247),
            ("panel", .interval, 0.8314606741573034),
        ])
    func reference(data: String, metric: AlphaMetric, expected: Double) throws {
        let matrix = data == "published" ? Self.published : Self.panel
        let alpha = KrippendorffAlpha(observers: matrix, metric: metric)
        let value = try #require(alpha.value)
        #expect(abs(value - expected) < 1e-12)
    }

    // The paper's own counts: 9 + 2 pairable units … 11 units, n = 40 pairable values.
    @Test("drops units with fewer than two values")
    func pairable() {
        let alpha = KrippendorffAlpha(observers: Self.published, metric: .nominal)
        #expect(alpha.pairableUnits == 11)
        #expect(alpha.pairableValues == 40)
        #expect(alpha.reliability == .tentative)
        #expect(KrippendorffAlpha(observers: Self.published, metric: .interval).reliability == .reliable)
    }

    @Test("undefined cases give a reason, never NaN", arguments: AlphaMetric.allCases)
    func degenerate(metric: AlphaMetric) {
        let lonely = KrippendorffAlpha(units: [[3], [], [4]], metric: metric)
        #expect(lonely.value == nil)
        #expect(lonely.undefined == .noPairableValues)
        let unanimous = KrippendorffAlpha(units: [[3, 3], [3, 3, 3], [2]], metric: metric)
        #expect(unanimous.value == nil)
        #expect(unanimous.undefined == .noVariation)
        #expect(unanimous.reliability == nil)
        // Perfect agreement with variation is 1.
        #expect(KrippendorffAlpha(units: [[1, 1], [4, 4, 4]], metric: metric).value == 1)
    }

    @Test(
        "reliability bands", arguments: [(-0.3, Reliability.unreliable), (0.6669, .unreliable), (0.667, .tentative), (0.7999, .tentative), (0.8, .reliable), (1.0, .reliable)])
    func bands(alpha: Double, expected: Reliability) {
        #expect(Reliability(alpha: alpha) == expected)
    }

    // The coincidence matrix is built from integer pair counts, so the order of units and of the
    // values within them cannot change a single bit of the result.
    @Test("order of units and values does not matter", arguments: AlphaMetric.allCases)
    func orderInvariant(metric: AlphaMetric) {
        var rng = SeededGenerator(seed: 2011)
        let units = (0..<12).map { _ in (0..<Int.random(in: 0...4, using: &rng)).map { _ in Int.random(in: 0...5, using: &rng) } }
        let reference = KrippendorffAlpha(units: units, metric: metric)
        for _ in 0..<20 {
            let shuffled = units.map { $0.shuffled(using: &rng) }.shuffled(using: &rng)
            #expect(KrippendorffAlpha(units: shuffled, metric: metric) == reference)
        }
    }
}
