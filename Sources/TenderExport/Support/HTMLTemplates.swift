import Foundation
import Mustache

/// The Mustache templates under `Templates/`, loaded once from the module's bundle.
///
/// Every page is rendered through them with Mustache's default HTML escaping: bidders' names and
/// answers are text a bidder wrote, so `{{name}}` must never become markup. No template uses
/// triple braces; view models hold only strings, numbers as text, booleans and lists. Bidder
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
