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
                    "text": Self.replace(in: before, names),
                    "limitHere": "Word limit (\(limit)) reached here. The words after this were not required to be read.",
                    "after": Self.replace(in: after, names),
                ])
                marked = true
            } else {
                views.append(["text": Self.replace(in: paragraph, names)])
            }
            counted += words.count
        }
        self.views = views
        isOverLimit = marked
    }

    /// Replaces each name by its label, case-insensitively, longest name first so that a full
    /// name is replaced before a shorter form of it.
    static func replace(in text: String, _ names: [(name: String, label: String)]) -> String {
        var text = text
        for (name, label) in names.sorted(by: { $0.name.count > $1.name.count }) where !name.isEmpty {
            text = text.replacingOccurrences(of: name, with: label, options: [.caseInsensitive])
        }
        return text
    }
}
