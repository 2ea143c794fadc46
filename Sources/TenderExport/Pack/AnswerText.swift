import Foundation

/// A bid's answer laid out for the pack: its paragraphs, with a marker where the word limit
/// falls, and (when anonymising) every bidder's name replaced by its label, since bids sometimes
/// name other bidders as partners.
///
/// Words are counted the way `Response.wordCount` counts them (runs of non-whitespace across
/// all paragraphs), on the answer as the bidder wrote it, so the marker falls after exactly the
/// `limit`-th word the import check counted.
struct AnswerText {
    var views: [HTMLTemplates.View]
    var isOverLimit: Bool

    init(paragraphs: [String], limit: Int?, replacing names: [(name: String, label: String)]) {
        var views: [HTMLTemplates.View] = []
        var counted = 0
        var marked = false
        for paragraph in paragraphs {
            let words = paragraph.split(whereSeparator: \.isWhitespace)
            if let limit, !marked, counted + words.count > limit {
                let within = limit - counted
                // The split falls after the `within`-th word of this paragraph (0: before the first).
                let cut = within == 0 ? paragraph.startIndex : words[within - 1].endIndex
                let before = String(paragraph[..<cut])
                let after = String(paragraph[cut...]).trimmingCharacters(in: .whitespaces)
                views.append([
                    "text": Wording.bidder(Self.replace(in: before, names)),
                    "limitHere": "Word limit (\(limit)) reached here. The words after this were not required to be read.",
                    "after": Wording.bidder(Self.replace(in: after, names)),
                ])
                marked = true
            } else {
                views.append(["text": Wording.bidder(Self.replace(in: paragraph, names))])
            }
            counted += words.count
        }
        self.views = views
        isOverLimit = marked
    }

    /// Replaces each name by its label, case-insensitively, as whole words only (a bidder called
    /// "Care" must not turn "carers" into "Bidder Frs"), longest name first so that a full name is
    /// replaced before a shorter form of it. One pass from left to right: a label just put in is
    /// never matched again.
    static func replace(in text: String, _ names: [(name: String, label: String)]) -> String {
        let names = names.filter { !$0.name.isEmpty }.sorted { $0.name.count > $1.name.count }
        guard !names.isEmpty else { return text }
        var out = ""
        var index = text.startIndex
        var previous: Character?
        while index < text.endIndex {
            if !isWordCharacter(previous), let (name, label) = names.lazy.compactMap({ entry -> (Range<String.Index>, String)? in
                guard let found = text.range(of: entry.name, options: [.caseInsensitive, .anchored], range: index..<text.endIndex),
                    found.upperBound == text.endIndex || !isWordCharacter(text[found.upperBound])
                else { return nil }
                return (found, entry.label)
            }).first {
                out += label
                previous = text[text.index(before: name.upperBound)]
                index = name.upperBound
                continue
            }
            let character = text[index]
            out.append(character)
            previous = character
            index = text.index(after: index)
        }
        return out
    }

    /// Letters and digits make words; an apostrophe or a hyphen ends one ("Care's" holds "Care").
    private static func isWordCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber
    }
}
