import Crypto
import Foundation

/// The Content-Security-Policy for a document TenderScore writes for people to keep (the
/// decision report, an assessment summary), served as it is written.
///
/// Such documents carry their style inside them, so that they read the same when opened from a
/// disk or attached to an email; the web app's own pages allow no inline style. Rather than
/// allow any inline style, the policy names the exact bytes of each `<style>` element by their
/// SHA-256: the document is styled, and nothing injected into it could be.
enum DocumentPolicy {
    static func policy(for html: String) -> String {
        let hashes = styleElements(in: html).map { style in
            "'sha256-" + Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString() + "'"
        }
        let styles = hashes.isEmpty ? "'none'" : hashes.joined(separator: " ")
        return "default-src 'none'; style-src \(styles); img-src 'self' data:; form-action 'none'; "
            + "frame-ancestors 'none'; base-uri 'none'"
    }

    /// The text of each `<style>` element, exactly as the browser hashes it.
    static func styleElements(in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<style>"), let close = rest.range(of: "</style>", range: open.upperBound..<rest.endIndex) {
            found.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return found
    }
}
