import Foundation
import Hummingbird

/// The style sheet and the one script (the session warning), from the module's bundle. The
/// pages work without the script.
struct AssetsController {
    static let files: [String: String] = ["app.css": "text/css; charset=utf-8", "session.js": "text/javascript; charset=utf-8"]

    func register(on router: Router<WebContext>) {
        router.get("/assets/{file}") { _, context -> Response in
            let name = try context.parameters.require("file")
            guard let type = Self.files[name],
                let url = Bundle.module.url(forResource: "Assets", withExtension: nil)?.appendingPathComponent(name),
                let data = FileManager.default.contents(atPath: url.path)
            else { throw HTTPError(.notFound) }
            return Response(
                status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
