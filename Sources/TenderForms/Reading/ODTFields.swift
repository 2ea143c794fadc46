import TenderXML

/// Finds the marked sections in an OpenDocument text and reads what each holds.
///
/// Text is taken as LibreOffice shows it: `text:s` spaces and tabs count as spaces, tracked
/// deletions, notes, annotations, frames and unfilled placeholders do not. Whether a list is
/// numbered comes from its list style, looked up in content.xml and styles.xml.
struct ODTFields {
    static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let styleNS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

    /// List style name → levels (counted from 1) that are numbered.
    private var numberedLevels: [String: Set<Int>] = [:]

    init(content: XMLTreeElement, styles: XMLTreeElement?) {
        for root in [content, styles].compactMap({ $0 }) {
            for listStyle in root.descendants("list-style", namespace: Self.textNS) {
                guard let name = listStyle.attribute("name", namespace: Self.styleNS) else { continue }
                var levels: Set<Int> = []
                for level in listStyle.elements where level.is("list-level-style-number", Self.textNS) {
                    let format = level.attribute("num-format", namespace: Self.styleNS) ?? "1"
                    if !format.isEmpty, let index = level.attribute("level", namespace: Self.textNS).flatMap({ Int($0) }) {
                        levels.insert(index)
                    }
                }
                numberedLevels[name] = levels
            }
        }
    }

    /// Every section whose name starts with `tenderscore:`, in document order.
    func fields(in content: XMLTreeElement) -> [MarkedField] {
        var found: [MarkedField] = []
        func walk(_ element: XMLTreeElement) {
            for child in element.elements {
                if child.is("section", Self.textNS),
                    let name = child.attribute("name", namespace: Self.textNS), name.hasPrefix(FormMarker.prefix)
                {
                    found.append(MarkedField(tag: name, blocks: blocks(in: child)))
                }
                if child.is("tracked-changes", Self.textNS) { continue }
                walk(child)
            }
        }
        walk(content)
        return found
    }

    private func blocks(in section: XMLTreeElement) -> [AnswerBlock] {
        var blocks: [AnswerBlock] = []
        func walk(_ element: XMLTreeElement, list: (style: String?, level: Int)?) {
            for child in element.elements where child.namespace == Self.textNS {
                switch child.name {
                case "p", "h":
                    let text = self.text(of: child).foldedWhitespace
                    guard !text.isEmpty else { continue }
                    if let list {
                        let ordered = list.style.flatMap { numberedLevels[$0] }?.contains(list.level + 1) ?? false
                        blocks.append(.listItem(text, ordered: ordered, level: list.level))
                    } else {
                        blocks.append(.paragraph(text))
                    }
                case "list":
                    let style = child.attribute("style-name", namespace: Self.textNS) ?? list?.style
                    let level = list.map { $0.level + 1 } ?? 0
                    for item in child.elements where item.is("list-item", Self.textNS) || item.is("list-header", Self.textNS) {
                        walk(item, list: (style, level))
                    }
                case "section", "table", "table-row", "table-cell", "table-rows", "table-header-rows":
                    walk(child, list: list)
                case "tracked-changes":
                    continue
                default:
                    continue
                }
            }
        }
        walk(section, list: nil)
        return blocks
    }

    private func text(of paragraph: XMLTreeElement) -> String {
        var out = ""
        func walk(_ element: XMLTreeElement) {
            for node in element.content {
                switch node {
                case .text(let text):
                    out += text
                case .element(let child):
                    guard child.namespace == Self.textNS else { continue }  // frames, annotations
                    switch child.name {
                    case "s":
                        let count = child.attribute("c", namespace: Self.textNS).flatMap { Int($0) } ?? 1
                        out += String(repeating: " ", count: min(max(count, 1), 1_000))
                    case "tab", "line-break":
                        out += " "
                    case "note", "placeholder", "tracked-changes", "change", "change-start", "change-end", "bookmark",
                        "bookmark-start", "bookmark-end", "reference-mark", "soft-page-break":
                        continue
                    default:
                        walk(child)
                    }
                }
            }
        }
        walk(paragraph)
        return out
    }
}
