import TenderXML

/// Finds the marked content controls in a WordprocessingML package and reads what each holds.
///
/// Text is taken as Word shows it: inserted text of tracked changes counts, deleted text and
/// field codes do not, and pictures, text boxes and comments are left out. A paragraph with
/// numbering (directly, or through its style) is a list item; numbering.xml says whether it is
/// numbered or bulleted.
struct DocxFields {
    static let transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"

    let w: String
    /// Style id → (numId, ilvl) for paragraph styles that carry numbering.
    private var styleNumbering: [String: (numId: String, level: Int)] = [:]
    /// numId → levels that are numbered rather than bulleted.
    private var orderedLevels: [String: Set<Int>] = [:]

    init(document: XMLTreeElement, styles: XMLTreeElement?, numbering: XMLTreeElement?) {
        w = document.namespace == Self.strict ? Self.strict : Self.transitional
        if let numbering { readNumbering(numbering) }
        if let styles { readStyles(styles) }
    }

    private mutating func readNumbering(_ numbering: XMLTreeElement) {
        var abstractOrdered: [String: Set<Int>] = [:]
        for abstract in numbering.elements where abstract.is("abstractNum", w) {
            guard let id = abstract.attribute("abstractNumId", namespace: w) else { continue }
            var levels: Set<Int> = []
            for level in abstract.elements where level.is("lvl", w) {
                let format = level.child("numFmt", namespace: w)?.attribute("val", namespace: w) ?? "decimal"
                if format != "bullet", format != "none", let index = level.attribute("ilvl", namespace: w).flatMap({ Int($0) }) {
                    levels.insert(index)
                }
            }
            abstractOrdered[id] = levels
        }
        for num in numbering.elements where num.is("num", w) {
            guard let id = num.attribute("numId", namespace: w),
                let abstract = num.child("abstractNumId", namespace: w)?.attribute("val", namespace: w)
            else { continue }
            orderedLevels[id] = abstractOrdered[abstract] ?? []
        }
    }

    private mutating func readStyles(_ styles: XMLTreeElement) {
        var direct: [String: (numId: String, level: Int)] = [:]
        var basedOn: [String: String] = [:]
        for style in styles.elements where style.is("style", w) {
            guard let id = style.attribute("styleId", namespace: w) else { continue }
            if let parent = style.child("basedOn", namespace: w)?.attribute("val", namespace: w) { basedOn[id] = parent }
            if let numPr = style.child("pPr", namespace: w)?.child("numPr", namespace: w),
                let numId = numPr.child("numId", namespace: w)?.attribute("val", namespace: w)
            {
                let level = numPr.child("ilvl", namespace: w)?.attribute("val", namespace: w).flatMap { Int($0) } ?? 0
                direct[id] = (numId, level)
            }
        }
        for id in basedOn.keys where direct[id] == nil {
            var current = basedOn[id]
            var steps = 0
            while let style = current, steps < 16 {
                if let found = direct[style] {
                    direct[id] = found
                    break
                }
                current = basedOn[style]
                steps += 1
            }
        }
        styleNumbering = direct
    }

    /// Every content control whose tag starts with `tenderscore:`, in document order.
    func fields(in document: XMLTreeElement) -> [MarkedField] {
        var found: [MarkedField] = []
        func walk(_ element: XMLTreeElement, inParagraph: Bool) {
            for child in element.elements {
                if child.is("sdt", w) {
                    let properties = child.child("sdtPr", namespace: w)
                    let tag = properties?.child("tag", namespace: w)?.attribute("val", namespace: w) ?? ""
                    if tag.hasPrefix(FormMarker.prefix) {
                        let showingPlaceholder = properties?.child("showingPlcHdr", namespace: w) != nil
                        let content = child.child("sdtContent", namespace: w)
                        let blocks = showingPlaceholder ? [] : content.map(blocks(in:)) ?? []
                        found.append(MarkedField(tag: tag, blocks: blocks, inline: inParagraph))
                    }
                }
                walk(child, inParagraph: inParagraph || child.is("p", w))
            }
        }
        walk(document, inParagraph: false)
        return found
    }

    /// The paragraphs inside a control's content (inside tables too), or its runs as one
    /// paragraph when the control sits inside a paragraph.
    private func blocks(in content: XMLTreeElement) -> [AnswerBlock] {
        var blocks: [AnswerBlock] = []
        var sawParagraph = false
        func walk(_ element: XMLTreeElement) {
            for child in element.elements {
                if child.is("p", w) {
                    sawParagraph = true
                    if let block = block(for: child) { blocks.append(block) }
                } else if !skipped(child) {
                    walk(child)
                }
            }
        }
        walk(content)
        if !sawParagraph {
            let text = self.text(of: content).foldedWhitespace
            if !text.isEmpty { blocks.append(.paragraph(text)) }
        }
        return blocks
    }

    private func block(for paragraph: XMLTreeElement) -> AnswerBlock? {
        let text = self.text(of: paragraph).foldedWhitespace
        guard !text.isEmpty else { return nil }
        let properties = paragraph.child("pPr", namespace: w)
        var numbering: (numId: String, level: Int)?
        if let style = properties?.child("pStyle", namespace: w)?.attribute("val", namespace: w) {
            numbering = styleNumbering[style]
        }
        if let numPr = properties?.child("numPr", namespace: w) {
            let numId = numPr.child("numId", namespace: w)?.attribute("val", namespace: w) ?? numbering?.numId
            let level = numPr.child("ilvl", namespace: w)?.attribute("val", namespace: w).flatMap { Int($0) }
            if let numId { numbering = (numId, level ?? numbering?.level ?? 0) }
        }
        guard let numbering, numbering.numId != "0" else { return .paragraph(text) }
        let ordered = orderedLevels[numbering.numId]?.contains(numbering.level) ?? false
        return .listItem(text, ordered: ordered, level: numbering.level)
    }

    /// Parts of WordprocessingML whose text is not what the reader sees in the paragraph.
    private func skipped(_ element: XMLTreeElement) -> Bool {
        guard element.namespace == w else { return true }  // drawings, VML, markup compatibility
        switch element.name {
        case "pPr", "rPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "delText", "instrText", "delInstrText", "drawing",
            "pict", "object", "footnoteReference", "endnoteReference", "commentReference":
            return true
        default:
            return false
        }
    }

    private func text(of element: XMLTreeElement) -> String {
        var out = ""
        func walk(_ element: XMLTreeElement) {
            for node in element.content {
                guard case .element(let child) = node else { continue }
                if child.namespace == w {
                    switch child.name {
                    case "t":
                        for case .text(let text) in child.content { out += text }
                        continue
                    case "tab", "br", "cr": out += " "
                    case "noBreakHyphen": out += "-"
                    default: break
                    }
                }
                if !skipped(child) { walk(child) }
            }
        }
        walk(element)
        return out
    }
}
