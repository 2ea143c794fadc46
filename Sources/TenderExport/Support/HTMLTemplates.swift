import Foundation
import Mustache

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

/// Mustache's HTML escaping (`&`, `<`, `>`, `"`, `'` as entities), on UTF-8 bytes.
///
/// The library's own escaping walks every value by grapheme cluster with a dictionary lookup
/// each; writing 2,000 assessment summaries spent an eighth of its time there. Every escaped
/// character is ASCII, so bytes give the same entities, and also escape a `<` that a combining
/// mark follows, which the grapheme walk let through.
struct HTMLEscaping: MustacheContentType {
    static let name = "TENDERSCORE_HTML"

    func escapeText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { Self.escapes[Int($0)] }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let escapes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "&<>\"'".utf8 { table[Int(byte)] = true }
        return table
    }()
}
