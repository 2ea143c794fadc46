import Foundation
import TenderModel

/// The evidence files of one bid copied into the pack, under names the pack chooses.
///
/// A copy is named `<bid page base>-evidence-<n><extension>`, never after the bidder's `href`:
/// an href is bidder text (it may be unsafe as a file name, collide with a page, or name the
/// bidder in an anonymised pack, such as `beacon-annual-report-2025.pdf`). The page bases are
/// already unique (see ``OutputName/unique(_:reserved:)``) and `n` is only digits, so two copies
/// never share a name, and ``OutputFolder`` checks every name again before writing. The
/// extension is kept only from a short list of document kinds; never `.html` or `.svg`, which a
/// browser would run as a page beside the pack's own.
struct EvidenceCopies {
    /// The name of each copied file in the pack, by the href the bid gives.
    private(set) var names: [String: String] = [:]
    private(set) var files: [EvaluationPack.File] = []

    /// - Parameters:
    ///   - base: the bid page's file name without `.html`.
    ///   - referenced: the bid's evidence in page order; an href named twice is copied once.
    ///   - supplied: the bytes the caller gave for this bid.
    init(base: String, referenced: [Evidence], supplied: [EvidenceFile]) {
        let byHref = Dictionary(supplied.map { ($0.href, $0.contents) }, uniquingKeysWith: { first, _ in first })
        for evidence in referenced {
            guard let href = evidence.href, names[href] == nil, let contents = byHref[href] else { continue }
            let name = "\(base)-evidence-\(files.count + 1)\(Self.fileExtension(of: href))"
            names[href] = name
            files.append(EvaluationPack.File(name: name, data: contents))
        }
    }

    /// Document kinds a reader opens with an ordinary program; anything else gets no extension.
    static let allowedExtensions: Set<String> = [
        "pdf", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "ppt", "pptx", "odp",
        "png", "jpg", "jpeg", "gif", "mp3", "m4a", "wav", "mp4",
    ]

    /// `.pdf` for `appendix-a.pdf` (compared without case, written in lower case); empty otherwise.
    static func fileExtension(of href: String) -> String {
        let path = href.split(whereSeparator: { $0 == "?" || $0 == "#" }).first.map(String.init) ?? ""
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        let candidate = path[path.index(after: dot)...].lowercased()
        return allowedExtensions.contains(candidate) ? "." + candidate : ""
    }
}
