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

    private static func unmarked(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == start || $0 == end }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != start && $0 != end }))
    }

    /// A rendered page with each marked span turned into `<bdi>…</bdi>`, or U+2068…U+2069 inside
    /// a tag, the `<title>` or an SVG drawing.
    static func html(_ page: String) -> String {
        guard page.unicodeScalars.contains(start) else { return page }
        var out = String.UnicodeScalarView()
        var inTag = false
        var tagName = ""
        var readingName = false
        var inTitle = false
        var svgDepth = 0
        for scalar in page.unicodeScalars {
            switch scalar {
            case start, end:
                if inTag || inTitle || svgDepth > 0 {
                    out.append(scalar == start ? "\u{2068}" : "\u{2069}")
                } else {
                    out.append(contentsOf: (scalar == start ? "<bdi>" : "</bdi>").unicodeScalars)
                }
                continue
            case "<":
                inTag = true
                readingName = true
                tagName = ""
            case ">" where inTag:
                inTag = false
                readingName = false
                switch tagName.lowercased() {
                case "title" where svgDepth == 0: inTitle = true
                case "/title" where svgDepth == 0: inTitle = false
                case "svg": svgDepth += 1
                case "/svg": svgDepth = max(0, svgDepth - 1)
                default: break
                }
            default:
                if readingName {
                    if scalar == " " || scalar == "\n" || scalar == "\t" { readingName = false } else { tagName.unicodeScalars.append(scalar) }
                }
            }
            out.append(scalar)
        }
        return String(out)
    }
}
