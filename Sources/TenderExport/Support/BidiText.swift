/// Keeps text that bidders wrote from reordering the text around it.
///
/// A bidder name ending in U+202E (right-to-left override) reversed the rest of the sentence it
/// stood in. Two defences, applied to every bidder-supplied string (names, localities, answers,
/// evidence titles):
/// - ``balanced(_:)`` removes the directional controls that are not closed within the string
///   itself (an opener with no closer, a closer with no opener), and keeps balanced pairs, which
///   right-to-left names legitimately use. Plain-text outputs (Markdown, CSV, the terminal
///   table) print the balanced text.
/// - In HTML, ``isolate(_:)`` marks the string, and ``html(_:)``, run once on every rendered page
///   by ``HTMLTemplates``, turns the marks into `<bdi>` elements, or into the isolate characters
///   U+2068/U+2069 where markup cannot go (the `<title>`, inside SVG, inside a tag), so that
///   even a name written right to left cannot pull the following words into its direction.
enum BidiText {
    /// Private-use marks for "bidder text starts/ends here" between the view models and
    /// ``html(_:)``. They are removed from bidder text before marking, so a bidder cannot forge one.
    static let start: Unicode.Scalar = "\u{E000}"
    static let end: Unicode.Scalar = "\u{E001}"

    private static let embeddings: Set<UInt32> = [0x202A, 0x202B, 0x202D, 0x202E]  // LRE RLE LRO RLO
    private static let popEmbedding: UInt32 = 0x202C  // PDF
    private static let isolates: Set<UInt32> = [0x2066, 0x2067, 0x2068]  // LRI RLI FSI
    private static let popIsolate: UInt32 = 0x2069  // PDI

    /// `text` without the directional controls it leaves open or closes without opening (the
    /// pairing rules of the Unicode bidi algorithm, UAX #9: a PDI closes its isolate and any
    /// embedding opened inside it; a PDF closes only an embedding opened in the same isolate).
    static func balanced(_ text: String) -> String {
        var text = text
        guard text.withUTF8(Self.holdsDirectionalControl) else { return text }
        let scalars = Array(text.unicodeScalars)
        var keep = [Bool](repeating: true, count: scalars.count)
        var open: [(index: Int, isIsolate: Bool)] = []
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            if embeddings.contains(value) || isolates.contains(value) {
                open.append((index, isolates.contains(value)))
            } else if value == popEmbedding {
                if let last = open.last, !last.isIsolate { open.removeLast() } else { keep[index] = false }
            } else if value == popIsolate {
                if let isolate = open.lastIndex(where: \.isIsolate) {
                    open.removeSubrange(isolate...)
                } else {
                    keep[index] = false
                }
            }
        }
        for unclosed in open { keep[unclosed.index] = false }
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() where keep[index] { out.append(scalar) }
        return String(out)
    }

    /// Bidder text for an HTML view model or a sentence that goes into one: balanced and marked
    /// for isolation. Markdown and plain text take it through ``plain(_:)``.
    static func isolate(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(start)
        out.append(contentsOf: balanced(unmarked(text)).unicodeScalars)
        out.append(end)
        return String(out)
    }

    /// Text with the isolation marks taken out, for plain-text outputs.
    static func plain(_ text: String) -> String { unmarked(text) }

    /// On the UTF-8 bytes: each mark is the three bytes EE 80 80 or EE 80 81, and 0xEE only ever
    /// starts a scalar, so taking those triples out leaves every other scalar whole.
    private static func unmarked(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // Most text has no 0xEE byte at all.
            guard let first = bytes.firstIndex(of: 0xEE), hasMark(bytes, from: first) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0xEE, isMark(bytes, at: index) {
                    index += 3
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Whether the text holds a directional control (U+202A–U+202E, U+2066–U+2069: E2 80 AA–AE
    /// and E2 81 A6–A9 in UTF-8), without which ``balanced(_:)`` has nothing to take out.
    private static func holdsDirectionalControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xE2 {
                let second = bytes[index + 1], third = bytes[index + 2]
                if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) {
                    return true
                }
            }
            index += 1
        }
        return false
    }

    /// A rendered page with each marked span turned into `<bdi>…</bdi>`, or U+2068…U+2069 inside
    /// a tag, the `<title>` or an SVG drawing.
    ///
    /// It works on the page's UTF-8 bytes (each mark is EE 80 80 or EE 80 81; tags and their names
    /// are ASCII), since every page of every summary passes through it.
    static func html(_ page: String) -> String {
        var page = page
        return page.withUTF8 { bytes -> String in
            guard let first = bytes.firstIndex(of: 0xEE), isMark(bytes, at: first) || hasMark(bytes, from: first) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 16)
            var inTag = false
            var tagName: [UInt8] = []
            var readingName = false
            var inTitle = false
            var svgDepth = 0
            var index = 0
            let significant = Self.significant
            while index < bytes.count {
                // Outside a tag's name only `<`, `>` and a mark's first byte change anything: the
                // run up to the next of them is copied whole (a page is mostly such runs).
                if !readingName {
                    let start = index
                    while index < bytes.count, !significant[Int(bytes[index])] { index += 1 }
                    if index > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                    guard index < bytes.count else { break }
                }
                let byte = bytes[index]
                if byte == 0xEE, isMark(bytes, at: index) {
                    let opens = bytes[index + 2] == 0x80
                    if inTag || inTitle || svgDepth > 0 {
                        out.append(contentsOf: opens ? "\u{2068}".utf8 : "\u{2069}".utf8)
                    } else {
                        out.append(contentsOf: opens ? "<bdi>".utf8 : "</bdi>".utf8)
                    }
                    index += 3
                    continue
                }
                switch byte {
                case UInt8(ascii: "<"):
                    inTag = true
                    readingName = true
                    tagName.removeAll(keepingCapacity: true)
                case UInt8(ascii: ">") where inTag:
                    inTag = false
                    readingName = false
                    if svgDepth == 0, named(tagName, "title") {
                        inTitle = true
                    } else if svgDepth == 0, named(tagName, "/title") {
                        inTitle = false
                    } else if named(tagName, "svg") {
                        svgDepth += 1
                    } else if named(tagName, "/svg") {
                        svgDepth = max(0, svgDepth - 1)
                    }
                default:
                    if readingName {
                        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                            readingName = false
                        } else {
                            tagName.append(byte)
                        }
                    }
                }
                out.append(byte)
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether U+E000 or U+E001 is encoded at `index`.
    private static func isMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xEE && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0x80 || bytes[index + 2] == 0x81)
    }

    /// Whether a tag's name is `name` (lowercase ASCII), in any case.
    private static func named(_ tagName: [UInt8], _ name: StaticString) -> Bool {
        guard tagName.count == name.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for (byte, wanted) in zip(tagName, expected) {
            let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            if lowered != wanted { return false }
        }
        return true
    }

    /// The bytes ``html(_:)`` must look at outside a tag's name: `<`, `>` and 0xEE.
    private static let significant: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in [UInt8(ascii: "<"), UInt8(ascii: ">"), 0xEE] { table[Int(byte)] = true }
        return table
    }()

    private static func hasMark(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Bool {
        var index = index
        while index < bytes.count {
            if isMark(bytes, at: index) { return true }
            index += 1
        }
        return false
    }
}
