import Foundation
import Hummingbird
import Mustache

/// One server-rendered page: a template under `Templates/`, its title (the `<title>` and the
/// `<h1>`), and what the template shows.
///
/// Every value reaches the HTML through Mustache's escaping: bidders' names, answers and
/// rationales are text other people wrote. No template uses triple braces.
struct Page {
    var template: String
    var title: String
    var view: [String: Any] = [:]
    var status: HTTPResponse.Status = .ok
    /// Set on a form with problems: the `<title>` starts "Error:", as GOV.UK pages do.
    var hasErrors = false

    /// The page as a response, with what every page shows: who is signed in, the sign-out form,
    /// when the session will end.
    func response(_ context: WebContext, timeout: TimeInterval, now: Date) throws -> Response {
        var view = view
        view["title"] = title
        view["hasErrors"] = hasErrors
        view["formToken"] = context.formToken
        if let person = context.person {
            view["person"] = ["name": person.name]
            let ends = now.addingTimeInterval(timeout)
            let format = DateFormatter()
            format.locale = Locale(identifier: "en_GB")
            format.timeZone = TimeZone(identifier: "UTC")
            format.dateFormat = "HH:mm"
            view["sessionEnds"] = [
                "minutes": Int(timeout / 60), "time": format.string(from: ends) + " UTC",
                "seconds": Int(timeout),
            ]
        }
        let html = try PageTemplates.render(view, template: template)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// The templates under `Templates/`, loaded once from the module's bundle.
enum PageTemplates {
    private static let library: Result<MustacheLibrary, WebError> = load()

    static func render(_ view: [String: Any], template name: String) throws -> String {
        let library = try library.get()
        guard let output = library.render(view, withTemplate: name) else {
            throw WebError("the page template \(name).mustache is missing from the TenderWeb bundle")
        }
        return output
    }

    private static func load() -> Result<MustacheLibrary, WebError> {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            return .failure(WebError("the Templates folder is missing from the TenderWeb bundle"))
        }
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in names.sorted() where file.hasSuffix(".mustache") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
                return .failure(WebError("the page template \(file) cannot be read"))
            }
            do {
                try library.register(String(decoding: data, as: UTF8.self), named: String(file.dropLast(".mustache".count)))
            } catch {
                return .failure(WebError("the page template \(file) does not parse: \(error)"))
            }
        }
        return .success(library)
    }
}

/// A fault in the web app itself (a template missing), never a person's mistake.
struct WebError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A value for a Mustache section: the value itself, or `false` so that the section is hidden.
func shown<T>(_ value: T?) -> Any {
    if let value { return value }
    return false
}
