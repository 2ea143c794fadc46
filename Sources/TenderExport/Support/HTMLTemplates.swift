import Foundation
import Mustache
import TenderModel

/// The Mustache templates under `Templates/`, loaded once from the module's bundle.
///
/// Every page is rendered through them with HTML escaping (``HTMLEscaping``, named by the
/// `{{% CONTENT_TYPE: TENDERSCORE_HTML}}` pragma that opens every template, partials included):
/// bidders' names and answers are text a bidder wrote, so `{{name}}` must never become markup.
/// No template uses triple braces; view models hold only strings, numbers as text, booleans and lists. Bidder
/// text in view models is marked with ``BidiText/isolate(_:)`` (usually through
/// ``Wording/bidder(_:)``), and every rendered page goes through ``BidiText/html(_:)``.
enum HTMLTemplates {
    typealias View = [String: Any]

    private static let library: Result<MustacheLibrary, ExportError> = load()

    static func render(_ view: View, template name: String) throws(ExportError) -> String {
        let library = try library.get()
        guard let output = library.render(view, withTemplate: name) else {
            throw ExportError(.template, "the template \(name).mustache is missing from the TenderExport bundle")
        }
        // Once for every page: bidder text marked by `BidiText.isolate` becomes an isolate.
        return BidiText.html(output)
    }

    /// Renders `view` with the template `name`, then puts each of `fragments` where the template
    /// has its marker, `<!--fragment:NAME-->` (``splice(_:template:fragments:)``).
    static func render(_ view: View, template name: String, fragments: [String: [String]]) throws(ExportError) -> String {
        try splice(try render(view, template: name), template: name, fragments: fragments)
    }

    /// Puts each of `fragments`, its pieces one after another, where `page`, rendered from the
    /// template `name`, has its marker, `<!--fragment:NAME-->`.
    ///
    /// A fragment is part of a page written on its own, here with ``HTML`` on every core (the
    /// 2,000 bids and the spread charts of a decision report), since Mustache renders one page on
    /// one core. A marker can only come from a template: ``HTMLEscaping`` writes every `<` of a
    /// value as `&lt;`, in a template and in ``HTML`` alike.
    /// - Throws: ``ExportError`` when the page has a marker with no fragment given for it.
    static func splice(_ page: String, template name: String, fragments: [String: [String]]) throws(ExportError) -> String {
        var page = page
        var pieces: [(range: Range<Int>, fragment: [String])] = []
        var missing: String?
        page.withUTF8 { bytes in
            var start = 0
            while let marker = find(fragmentOpening, in: bytes, from: start),
                let close = find(fragmentClosing, in: bytes, from: marker + fragmentOpening.count)
            {
                let name = String(decoding: bytes[(marker + fragmentOpening.count)..<close], as: UTF8.self)
                guard let fragment = fragments[name] else {
                    missing = name
                    return
                }
                pieces.append((marker..<(close + fragmentClosing.count), fragment))
                start = close + fragmentClosing.count
            }
        }
        if let missing {
            throw ExportError(.template, "the template \(name).mustache places a fragment \(missing) that was not rendered")
        }
        guard !pieces.isEmpty else { return page }
        // Put together as Strings, not bytes: every piece is valid UTF-8 already and each cut is
        // at an ASCII marker, so nothing needs checking again (decoding the bytes of a 22 MB
        // report checked them all, on one core, at the end of the command).
        var output = ""
        output.reserveCapacity(page.utf8.count + pieces.reduce(0) { $0 + $1.fragment.reduce(0) { $0 + $1.utf8.count } })
        let utf8 = page.utf8
        var start = utf8.startIndex
        for piece in pieces {
            output += page[start..<utf8.index(utf8.startIndex, offsetBy: piece.range.lowerBound)]
            for part in piece.fragment { output += part }
            start = utf8.index(utf8.startIndex, offsetBy: piece.range.upperBound)
        }
        output += page[start...]
        return output
    }

    private static let fragmentOpening = Array("<!--fragment:".utf8)
    private static let fragmentClosing = Array("-->".utf8)

    /// Where `needle` first starts in `bytes` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
            index += 1
        }
        return nil
    }

    private static func load() -> Result<MustacheLibrary, ExportError> {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            return .failure(ExportError(.template, "the Templates folder is missing from the TenderExport bundle"))
        }
        // Before any template is parsed: their `CONTENT_TYPE` pragma names it.
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in names.sorted() where file.hasSuffix(".mustache") {
            let url = folder.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return .failure(ExportError(.template, "the template \(file) cannot be read"))
            }
            do {
                try library.register(String(decoding: data, as: UTF8.self), named: String(file.dropLast(".mustache".count)))
            } catch {
                return .failure(ExportError(.template, "the template \(file) does not parse: \(error)"))
            }
        }
        return .success(library)
    }
}
