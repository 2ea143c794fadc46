import Foundation
import Mustache
import Testing
@testable import TenderExport

/// The HTML escaping, the isolate marks and the Markdown escaping work on UTF-8 bytes (thousands
/// of summaries go through them); these compare them with the plain definitions they replaced.
@Suite struct ByteLevelTextTests {
    /// Texts mixing every escaped character with multi-byte letters, marks and emoji.
    static func texts(count: Int) -> [String] {
        let pieces = ["<", ">", "&", "\"", "'", "a", "Zoë", "שלום", "👩🏽‍🦰", " ", "\n", "é", "&amp;", "<p>", "x"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        return (0..<count).map { _ in (0..<(next() % 12)).map { _ in pieces[next() % pieces.count] }.joined() }
    }

    @Test func htmlEscapingMatchesMustachesOwn() throws {
        let template = try MustacheTemplate(string: "{{text}}")
        for text in Self.texts(count: 2_000) {
            #expect(HTMLEscaping().escapeText(text) == template.render(["text": text]), "\(text.debugDescription)")
        }
        // A `<` that a combining mark follows is one grapheme to Mustache, and was let through.
        #expect(HTMLEscaping().escapeText("<\u{0338}script>") == "&lt;\u{0338}script&gt;")
    }

    /// Every template, partials included, opens with the pragma that selects ``HTMLEscaping``: a
    /// partial without it would fall back to Mustache's own escaping.
    @Test func everyTemplateNamesTheEscaping() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/TenderExport/Templates").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(names.count >= 5)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix("{{% CONTENT_TYPE: \(HTMLEscaping.name)}}"), "\(name)")
        }
    }

    @Test func isolateMarksInUpperCaseTagsAndAroundMultiByteText() {
        let name = BidiText.isolate("Zoë\u{202E} 👩🏽‍🦰")
        let page = "<TITLE>\(name)</Title><P>\(name)</P><SVG width=\"1\"><text>\(name)</text></svg>é\(name)"
        #expect(
            BidiText.html(page)
                == "<TITLE>\u{2068}Zoë 👩🏽‍🦰\u{2069}</Title><P><bdi>Zoë 👩🏽‍🦰</bdi></P>"
                + "<SVG width=\"1\"><text>\u{2068}Zoë 👩🏽‍🦰\u{2069}</text></svg>é<bdi>Zoë 👩🏽‍🦰</bdi>")
        #expect(BidiText.html("no marks: Zoë <b>") == "no marks: Zoë <b>")
        #expect(BidiText.plain(name) == "Zoë 👩🏽‍🦰")
    }

    /// The isolates against the byte-by-byte walk they were first written as, on random pages of
    /// tags (any case, SVG inside and out, titles), text and marked bidder text.
    @Test func isolatesMatchTheirByteByByteDefinition() {
        func reference(_ page: String) -> String {
            let bytes = Array(page.utf8)
            var out: [UInt8] = []
            var (inTag, readingName, inTitle, svgDepth) = (false, false, false, 0)
            var tagName: [UInt8] = []
            func isMark(_ index: Int) -> Bool {
                index + 2 < bytes.count && bytes[index] == 0xEE && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0x80 || bytes[index + 2] == 0x81)
            }
            func named(_ name: String) -> Bool { String(decoding: tagName, as: UTF8.self).lowercased() == name }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if isMark(index) {
                    let opens = bytes[index + 2] == 0x80
                    let inline = inTag || inTitle || svgDepth > 0
                    out += Array((inline ? (opens ? "\u{2068}" : "\u{2069}") : (opens ? "<bdi>" : "</bdi>")).utf8)
                    index += 3
                    continue
                }
                if byte == UInt8(ascii: "<") {
                    (inTag, readingName) = (true, true)
                    tagName = []
                } else if byte == UInt8(ascii: ">"), inTag {
                    (inTag, readingName) = (false, false)
                    if svgDepth == 0, named("title") {
                        inTitle = true
                    } else if svgDepth == 0, named("/title") {
                        inTitle = false
                    } else if named("svg") {
                        svgDepth += 1
                    } else if named("/svg") {
                        svgDepth = max(0, svgDepth - 1)
                    }
                } else if readingName {
                    if [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains(byte) {
                        readingName = false
                    } else {
                        tagName.append(byte)
                    }
                }
                out.append(byte)
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        let pieces = [
            "<title>", "</title>", "<TITLE>", "</Title>", "<svg width=\"1\">", "<SVG\n>", "</svg>", "<p>", "</p>",
            "<td class=\"num\">", "<br/>", "text ", "é", "👩🏽‍🦰", " a > b ", "\n", "\u{E000}", "\u{E001}",
            BidiText.isolate("Zoë"), BidiText.isolate("<b>"), "<t\u{E000}itle>", "\u{E000}\u{E001}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let page = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(BidiText.html(page) == reference(page), "\(page.debugDescription)")
        }
    }

    /// The Markdown escaping against its definition, character by character.
    @Test func markdownEscapingMatchesItsDefinition() {
        func reference(_ text: String) -> String {
            var out = ""
            for scalar in BidiText.plain(text).unicodeScalars {
                if "\\`*_[]<>|".unicodeScalars.contains(scalar) { out.unicodeScalars.append("\\") }
                out.unicodeScalars.append(scalar == "\n" || scalar == "\r" ? " " : scalar)
            }
            return out.hasPrefix("#") || out.hasPrefix("-") || out.hasPrefix("+") ? "\\" + out : out
        }
        for text in Self.texts(count: 2_000) + ["# heading", "-1", "+x", "a|b", "[link](x)", "`code`", "a\r\nb", ""] {
            #expect(SummaryContent.markdownEscaped(text) == reference(text), "\(text.debugDescription)")
        }
        #expect(SummaryContent.markdownEscaped("*Zoë* <b>") == "\\*Zoë\\* \\<b\\>")
    }

    /// The marks and directional controls are found on the bytes: against their definitions on
    /// scalars, among characters whose UTF-8 differs from theirs only in its last byte or two.
    @Test func marksAndControlsAreFoundByTheirBytes() {
        let controls: Set<UInt32> = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        let nearMisses = ["\u{2014}", "\u{2029}", "\u{202F}", "\u{2065}", "\u{206A}", "\u{E002}", "\u{E0FF}", "\u{EFFF}", "é", "a"]
        let marks = ["\u{E000}", "\u{E001}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let pieces = nearMisses + marks + controls.map { String(Unicode.Scalar($0).map(Character.init) ?? " ") }
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            let unmarked = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{E000}" && $0 != "\u{E001}" }))
            #expect(BidiText.plain(text) == unmarked, "\(text.debugDescription)")
            let balanced = BidiText.balanced(unmarked)
            if unmarked.unicodeScalars.contains(where: { controls.contains($0.value) }) {
                // A control is kept only inside a pair it belongs to.
                #expect(balanced.unicodeScalars.count <= unmarked.unicodeScalars.count)
            } else {
                #expect(balanced == unmarked, "\(unmarked.debugDescription)")
            }
        }
        for control in controls.sorted() {
            let alone = "Evil" + String(Character(Unicode.Scalar(control) ?? " ")) + " Ltd"
            #expect(BidiText.balanced(alone) == "Evil Ltd", "U+\(String(control, radix: 16))")
        }
    }
}
