import Foundation
import Testing

@testable import TenderStore
import TenderModel
import TenderTestSupport
@_spi(Testing) import TenderWorkflow

/// The one-pass canonical reader, the direct encoder and decoder, and the fast time parser
/// decide exactly as the Foundation paths they replaced (kept as `isCanonicalByFoundation`,
/// `foundationValue(of:)`, and the formatter behind `Timestamp.date`).
@Suite struct CanonicalJSONReaderTests {
    @Test func readerAgreesWithFoundationOnRandomValuesAndDamagedCopies() {
        var random = SeededGenerator(seed: 17)
        var canonical = 0
        var refused = 0
        for round in 0..<4000 {
            let value = random.value(depth: 0)
            var text = value.canonicalText
            #expect(CanonicalJSONReader.value(text) == value)
            // The writer and the reader place each top-level member at the same bytes.
            let written = value.canonicalTextAndMembers
            #expect(written.text == text)
            #expect(CanonicalJSONReader.valueAndMembers(text)?.members == (value.isObject ? written.members : [:]))
            if round % 3 != 0 {
                guard let damaged = random.damage(text) else { continue }
                text = damaged
            }
            let fast = CanonicalJSON.isCanonical(text)
            #expect(fast == CanonicalJSON.isCanonicalByFoundation(text), "\(text.debugDescription)")
            if fast { canonical += 1 } else { refused += 1 }
        }
        // Both outcomes were exercised many times.
        #expect(canonical > 1000)
        #expect(refused > 1000)
    }

    @Test(arguments: [
        (#"{"a":1, "b":2}"#, "whitespace"),
        (#"{"b":1,"a":2}"#, "keys out of order"),
        (#"{"a":1,"a":2}"#, "a repeated key"),
        (#"{"é":1,"é":2}"#, "keys Swift treats as equal"),
        (#"{"a":01}"#, "a leading zero"),
        (#"{"a":-0}"#, "minus zero"),
        (#"{"a":1.0}"#, "a fraction"),
        (#"{"a":1e2}"#, "an exponent"),
        (#"{"a":9223372036854775808}"#, "beyond Int64"),
        (#"{"a":"x\/y"}"#, "an escaped slash"),
        (#"{"a":"\u0041"}"#, "an escaped letter"),
        (#"{"a":"\u001F"}"#, "uppercase hex"),
        (#"{"a":"\u000a"}"#, "a long escape where \n is written"),
        ("{\"a\":\"line\nbreak\"}", "a raw control character"),
        (#"{"a":1}x"#, "text after the value"),
        (#"{"a":tru}"#, "a cut literal"),
        (#""#, "nothing"),
    ])
    func readerRefusesWhatTenderScoreNeverWrites(text: String, what: String) {
        #expect(CanonicalJSONReader.value(text) == nil, "\(what)")
        #expect(!CanonicalJSON.isCanonicalByFoundation(text), "\(what)")
    }

    @Test func readerAcceptsTheEscapesAndExtremesTenderScoreWrites() {
        let text = #"{"a":"q\"b\\c\b\f\n\r\t\u0000\u001f é😀","b":[-9223372036854775808,9223372036854775807,0,true,false,null],"c":{}}"#
        #expect(CanonicalJSON.isCanonicalByFoundation(text))
        let value = CanonicalJSONReader.value(text)
        #expect(value?.canonicalText == text)
    }

    @Test func nestingDeeperThanTheLimitIsRefusedWithoutExhaustingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(CanonicalJSONReader.value(deep) == nil)
        let limit = CanonicalJSONReader.maximumDepth
        let allowed = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(CanonicalJSONReader.value(allowed) != nil)
    }

    @Test func directEncoderWritesWhatTheFoundationRoundTripWrote() throws {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<500 {
            let sample = random.sample()
            let direct = try JSONValueEncoder.value(of: sample)
            #expect(direct == (try CanonicalJSON.foundationValue(of: sample)))
            #expect(try JSONValueDecoder.decode(Sample.self, from: direct) == sample)
        }
        // Floating point is left to Foundation, which writes it as before.
        #expect(throws: (any Error).self) { try JSONValueEncoder.value(of: [1.5]) }
        #expect(throws: (any Error).self) { try CanonicalJSON.encode([1.5]) }
    }

    /// Every payload of the sample tender, scored, written by the direct encoder: Foundation
    /// reads it as canonical, the payload decodes the same both ways, and the projection rows
    /// read from the value are those read from the text.
    @Test func sampleTenderPayloadsReadTheSameBothWays() async throws {
        let fixture = try StoreFixture()
        let tender = try await fixture.scored()
        let records = RecordList()
        try await tender.storage.forEachEvent(tender: SampleTender.tender) { records.append($0) }
        #expect(records.all.count > 100)
        for record in records.all {
            #expect(CanonicalJSON.isCanonicalByFoundation(record.payload))
            let read = try #require(CanonicalJSONReader.valueAndMembers(record.payload))
            let viaValue = try EventInterpretation(record, payload: read.value, members: read.members)
            let viaText = try EventInterpretation(record, payload: nil)
            #expect(viaValue.rows == viaText.rows)
            #expect(viaValue.documents == viaText.documents)
            #expect(viaValue.summary == viaText.summary)
        }
        #expect(try await HistoryVerifier.verify(tender.storage, tender: SampleTender.tender).isIntact)
    }

    /// The hand-written reading of score payloads accepts what `Decodable` accepts and reads it
    /// the same, on payloads with members taken away, retyped, nulled or added.
    @Test func scorePayloadsReadByHandAsDecodableReadsThem() throws {
        let full = try JSONValueEncoder.value(
            of: ScorePayload(
                score: Score(panelist: "p-amira", submission: "BID-001", criterion: "local-assets", value: 4, rationale: "Names it."),
                sheet: DocumentReference(file: "amira.csv", sha256: String(repeating: "a", count: 64), bytes: 812), amends: 12,
                previous: PreviousScore(value: 3, rationale: "Earlier.")))
        guard case .object(let members) = full else { throw CancellationError() }
        let replacements: [JSONValue] = [.null, .string("4"), .integer(4), .bool(true), .array([]), .object([:])]
        var variants: [JSONValue] = [full]
        for key in members.keys {
            var without = members
            without[key] = nil
            variants.append(.object(without))
            for replacement in replacements {
                var changed = members
                changed[key] = replacement
                variants.append(.object(changed))
            }
        }
        var extra = members
        extra["unknown"] = .string("ignored")
        variants.append(.object(extra))
        var read = 0
        for variant in variants {
            let byHand = ScorePayload(canonical: variant)
            let decoded = try? JSONDecoder().decode(ScorePayload.self, from: Data(variant.canonicalText.utf8))
            #expect(byHand == decoded, "\(variant.canonicalText)")
            if byHand != nil { read += 1 }
        }
        #expect(read > 5)
    }

    @Test func storedTimesParseAndWriteAsTheFormatterDid() {
        var random = SeededGenerator(seed: 9)
        for _ in 0..<20_000 {
            // The formatter's own writing of a whole number of milliseconds.
            let millis = Int64(random.next() % 253_402_300_800_000)
            let text = Timestamp.formattedText(milliseconds: millis)
            #expect(Timestamp.storedMilliseconds(text) == millis, "\(text)")
        }
        // Not in the stored form, or not a real time: left to the formatter, which decides as before.
        for text in [
            "2026-02-29T00:00:00.000Z", "2026-04-31T10:00:00.000Z", "2026-01-01T24:00:00.000Z", "2026-01-01T00:00:60.000Z",
            "2026-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2026-1-01T00:00:00.000Z", "2026-01-01T00:00:00.000+00:00",
        ] {
            #expect(Timestamp.storedMilliseconds(text) == nil, "\(text)")
        }
        // Written digit by digit exactly as the formatter wrote it.
        for _ in 0..<20_000 {
            let millis = Int64(random.next() % 253_402_300_800_000)
            #expect(Timestamp.storedText(milliseconds: millis) == Timestamp.formattedText(milliseconds: millis))
        }
        #expect(Timestamp.storedText(milliseconds: -1) == nil)
        #expect(Timestamp.storedMilliseconds("2024-02-29T23:59:59.999Z") == 1_709_251_199_999)
        #expect(Timestamp.date("2024-02-29T23:59:59.999Z") == Date(timeIntervalSince1970: 1_709_251_199.999))
    }
}

extension JSONValue {
    fileprivate var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}

private final class RecordList: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [EventRecord] = []
    func append(_ record: EventRecord) { lock.withLock { records.append(record) } }
    var all: [EventRecord] { lock.withLock { records } }
}

private struct Sample: Codable, Equatable {
    struct Part: Codable, Equatable {
        var name: String
        var count: Int?
        var notes: [String]
        var flag: Bool
    }

    var part: Part
    var parts: [Part]
    var optionalPart: Part?
    var number: Int64
    var byName: [String: Int]
    var byNumber: [Int: String]
}

/// What these tests draw from the seeded generator, so every run tests the same cases.
fileprivate extension SeededGenerator {
    static let pieces = [
        "a", "b", "é", "e\u{301}", "\"", "\\", "/", "\n", "\u{1}", "\u{1f}", "\t", "\u{8}", "\u{c}", "\r", "x y", "😀", "\u{7f}",
        "zz", "", "0", "A",
    ]
    static let damages = [
        " ", ",", "0", "-", ".", "e", "\\", "\"", "\\/", "\\u0041", "\\u001F", "\\u001f", "\\n", "\n", "}", "]", "{", "[", ":",
        "1", "00", "-0", "ê", "\\u0008", "\\u000a",
    ]

    mutating func string() -> String {
        (0..<Int.random(in: 0...4, using: &self)).map { _ in Self.pieces.randomElement(using: &self) ?? "" }.joined()
    }

    mutating func value(depth: Int) -> JSONValue {
        switch Int.random(in: 0...(depth > 3 ? 3 : 5), using: &self) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &self))
        case 2:
            return .integer(
                [0, 1, -1, 10, Int64.max, Int64.min, Int64.random(in: -1000...1000, using: &self)].randomElement(using: &self) ?? 0)
        case 3: return .string(string())
        case 4: return .array((0..<Int.random(in: 0...3, using: &self)).map { _ in value(depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &self) { members[string()] = value(depth: depth + 1) }
            return .object(members)
        }
    }

    /// The text with one insertion, deletion or replacement, when the result is still UTF-8.
    mutating func damage(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        let at = Int.random(in: 0...bytes.count, using: &self)
        let damage = Array((Self.damages.randomElement(using: &self) ?? " ").utf8)
        switch Int.random(in: 0...2, using: &self) {
        case 0: bytes.insert(contentsOf: damage, at: at)
        case 1: if at < bytes.count { bytes.remove(at: at) }
        default: if at < bytes.count { bytes[at] = damage[0] }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    mutating func sample() -> Sample {
        func part() -> Sample.Part {
            Sample.Part(
                name: string(), count: Bool.random(using: &self) ? Int.random(in: -5...5, using: &self) : nil,
                notes: (0..<Int.random(in: 0...3, using: &self)).map { _ in string() }, flag: Bool.random(using: &self))
        }
        return Sample(
            part: part(), parts: (0..<3).map { _ in part() }, optionalPart: Bool.random(using: &self) ? part() : nil,
            number: Int64.random(in: .min ... .max, using: &self),
            byName: Dictionary([(string(), 1), (string(), 2)], uniquingKeysWith: { first, _ in first }),
            byNumber: [3: string(), -4: "q"])
    }
}
