@testable import TenderModel
@testable import TenderXML
import Foundation
import TenderTestSupport
import Testing

/// The byte-level text checks (word counts, whitespace folding, control characters) give what
/// the plain scalar-by-scalar definitions give, eight-byte chunks and their edges included.
@Suite("Text checks on UTF-8 bytes")
struct TextScanTests {
    /// Pieces that straddle every path: printable ASCII, every kind of White_Space (one, two
    /// and three bytes), characters whose bytes look like whitespace lead bytes, control
    /// characters (U+0085 is both), DEL, and text long enough to fill several chunks.
    static let pieces: [String] = [
        "a", "word", "Westfield", "peer support network", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}",
        "\u{A0}", "\u{85}", "\u{1680}", "\u{2003}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}",
        "\u{3000}", "\u{200B}", "\u{2019}", "é", "ŵ", "\u{301}", "中文", "\u{1F600}", "\u{1B}", "\u{7F}", "\u{9B}",
        "\u{0}", "~", "12345678", "abcdefghijklmnop",
    ]

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(next() % 40)).map { _ in pieces[next() % pieces.count] }.joined()
        }
    }

    static func isWhite(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    static func referenceWords(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if isWhite(scalar) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    static func referenceFold(_ text: String) -> String {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWhite(scalar) {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.joined(separator: " ")
    }

    static func referenceControl(_ text: String) -> (UInt32, Int)? {
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value) {
                return (value, offset)
            }
        }
        return nil
    }

    @Test("Word counts match counting runs of non-White_Space scalars")
    func wordCounts() {
        for text in Self.randomTexts(count: 3000, seed: 17) {
            let response = Response(criterion: "c", paragraphs: [text])
            #expect(response.wordCount == Self.referenceWords(text), "\(text.unicodeScalars.map(\.value))")
        }
        #expect(Response(criterion: "c", paragraphs: ["Twelve members walked or wheeled around"]).wordCount == 6)
        #expect(Response(criterion: "c", paragraphs: ["  one\u{A0}two\u{3000}three  ", ""]).wordCount == 3)
    }

    @Test("Folding matches splitting on White_Space and joining with one space")
    func folding() {
        for text in Self.randomTexts(count: 3000, seed: 29) {
            let folded = text.foldingWhitespace()
            #expect(Array(folded.utf8) == Array(Self.referenceFold(text).utf8), "\(text.unicodeScalars.map(\.value))")
            var copy = folded
            #expect(copy.withUTF8 { String.isFolded(utf8: $0) }, "\(folded.unicodeScalars.map(\.value))")
        }
        #expect("  a  b\n\tc ".foldingWhitespace() == "a b c")
        #expect("people told us matters most".foldingWhitespace() == "people told us matters most")
        var twoSpaces = "people told  us matters most"
        #expect(!twoSpaces.withUTF8 { String.isFolded(utf8: $0) })
    }

    @Test("One scan of a text node finds its control character, whether it is folded, and its words")
    func textScan() {
        for text in Self.randomTexts(count: 3000, seed: 53) {
            var copy = text
            let scan = copy.withUTF8 { TextScan(utf8: $0) }
            let scalars = "\(text.unicodeScalars.map(\.value))"
            #expect(scan.words == Self.referenceWords(text), "\(scalars)")
            #expect(scan.isFolded == (Array(Self.referenceFold(text).utf8) == Array(text.utf8)), "\(scalars)")
            #expect(scan.control?.value == Self.referenceControl(text)?.0, "\(scalars)")
        }
    }

    @Test("A bid's word counts, taken while reading it, equal counting its paragraphs again")
    func countedWhileReading() throws {
        let sample = try String(contentsOf: URL(fileURLWithPath: SampleTender.bids[0]), encoding: .utf8)
        let variants = [
            sample,
            sample.replacingOccurrences(of: "<p>Westfield Voices is", with: "<p>Westfield<!-- joined -->Voices is"),
            sample.replacingOccurrences(of: "<p>Westfield Voices is", with: "<p><![CDATA[West field]]> Voices\u{A0} is"),
            sample.replacingOccurrences(of: "<p>Westfield Voices is", with: "<p>\n   Westfield\u{3000}\t Voices  is"),
        ]
        for (index, xml) in variants.enumerated() {
            let loaded = try DocumentLoader().load(bytes: Array(xml.utf8), file: "variant-\(index).xml")
            guard case .submission(let submission) = loaded.document else {
                Issue.record("variant \(index) is not read as a submission")
                continue
            }
            for response in submission.responses {
                let recounted = Response(criterion: response.criterion, paragraphs: response.paragraphs).wordCount
                #expect(response.wordCount == recounted, "variant \(index), \(response.criterion)")
            }
        }
    }

    @Test("The first control character and its scalar offset match a scan of the scalars")
    func controlCharacters() {
        for text in Self.randomTexts(count: 3000, seed: 41) {
            let found = ControlCharacter.first(in: text).map { ($0.scalar.value, $0.offset) }
            let expected = Self.referenceControl(text)
            #expect(found?.0 == expected?.0 && found?.1 == expected?.1, "\(text.unicodeScalars.map(\.value))")
        }
        let late = String(repeating: "plain ascii text ", count: 5) + "é\u{85}"
        #expect(ControlCharacter.first(in: late)?.scalar == "\u{85}")
        #expect(ControlCharacter.first(in: late)?.offset == 86)
    }
}
