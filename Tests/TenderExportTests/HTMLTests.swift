import Testing

@testable import TenderExport

/// ``HTML``: what a page written in Swift lets through as markup, and what it escapes.
@Suite struct HTMLTests {
    @Test func anInterpolatedStringIsEscapedAndTheLiteralIsNot() {
        let name = #"Smith & <Sons> "Care" 'Ltd'"#
        let html: HTML = "<p class=\"x\">\(name)</p>"
        #expect(html.text == #"<p class="x">Smith &amp; &lt;Sons&gt; &quot;Care&quot; &#39;Ltd&#39;</p>"#)
    }

    @Test func markupGoesInAsItIsOnlyWhenItIsHTML() {
        let cell: HTML = "<td>\("a<b")</td>"
        let row: HTML = "<tr>\(cell)</tr>"
        #expect(row.text == "<tr><td>a&lt;b</td></tr>")
        let asText: HTML = "<tr>\(cell.text)</tr>"
        #expect(asText.text == "<tr>&lt;td&gt;a&amp;lt;b&lt;/td&gt;</tr>")
    }

    @Test func textWithNothingToEscapeIsKeptWhole() {
        let text = "Westfield Voices Co-operative — über 100 % ✓"
        var page = HTML()
        page += "\(text)"
        page.append(each: [1, 2]) { "<li>\(String($0))</li>" }
        #expect(page.text == text + "<li>1</li><li>2</li>")
    }

    /// The same escaping as the templates' content type, so a value reads the same on a page
    /// written either way.
    @Test func escapesAsTheTemplatesDo() {
        let samples = ["", "plain", "&&", "<script>alert('x')</script>", "a\u{301}<b", "\"quoted\" & 'single'"]
        for sample in samples {
            let html: HTML = "\(sample)"
            #expect(html.text == HTMLEscaping().escapeText(sample))
        }
    }

    /// The check for anything to escape reads eight bytes at a time: each escaped character, at
    /// every place in and either side of an eight-byte step, among plain and non-ASCII text.
    @Test func everyEscapedCharacterIsFoundWhereverItFalls() {
        let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for special in entities.keys {
            for offset in 0..<20 {
                for filler in ["abcdefgh ", "été — ü ", "%=;:/"] {
                    let text = String(String(repeating: filler, count: 4).prefix(offset)) + String(special) + "tail"
                    let expected = text.map { entities[$0] ?? String($0) }.joined()
                    #expect(HTMLEscaping().escapeText(text) == expected, "\(text)")
                }
            }
        }
    }
}
