import Foundation
import Testing
import TenderTestSupport

/// The W3C XML Conformance Test Suite's catalogue (`xmlconf-flattened.xml`), read with plain
/// pattern matching rather than an XML parser: it has a DOCTYPE, which the loader under test
/// refuses, and checking a parser with itself would prove nothing.
struct XMLConformanceCatalogue {
    struct TestCase: Sendable, CustomTestStringConvertible {
        var id: String
        var type: String
        /// The test document, resolved against the `xml:base` of every enclosing `<TESTCASES>`.
        var url: URL
        var sections: String
        /// Editions of XML 1.0 the case applies to ("1 2 3 4", "5"); nil means all of them.
        var edition: String?
        var version: String?
        var recommendation: String?
        var namespace: String?
        var entities: String?
        var description: String

        var testDescription: String { id }

        /// A case marked for editions 1 to 4 only: under the fifth edition of XML 1.0, which
        /// libxml2 implements (broader name characters), it is well-formed.
        var appliesOnlyBeforeFifthEdition: Bool {
            guard let edition else { return false }
            return !edition.split(separator: " ").contains("5")
        }

        /// One line for a report: id, sections, description and the attributes that qualify it.
        var summary: String {
            let qualifiers = [
                edition.map { "EDITION=\"\($0)\"" }, version.map { "VERSION=\"\($0)\"" },
                recommendation.map { "RECOMMENDATION=\"\($0)\"" }, namespace.map { "NAMESPACE=\"\($0)\"" },
            ].compactMap { $0 }.joined(separator: " ")
            return "\(id) [\(sections)] \(qualifiers) — \(description)"
        }
    }

    let folder: URL
    let cases: [TestCase]

    /// `folder` is the `xmlconf` directory; cases' paths are relative to it.
    init(folder: URL) throws {
        self.folder = folder
        let data = try Data(contentsOf: folder.appendingPathComponent("xmlconf-flattened.xml"))
        var text = String(decoding: data, as: UTF8.self)
        // Commented-out cases are not cases.
        text = text.replacingOccurrences(of: #"<!--[\s\S]*?-->"#, with: "", options: .regularExpression)
        cases = try Self.cases(in: text, folder: folder)
    }

    private static func cases(in text: String, folder: URL) throws -> [TestCase] {
        let element = try NSRegularExpression(
            pattern: #"<TESTCASES\b([^>]*)>|</TESTCASES\s*>|<TEST\b([^>]*)>([\s\S]*?)</TEST\s*>"#)
        let ns = text as NSString
        // The base URL in force at each open <TESTCASES>, innermost last.
        var bases: [URL] = [folder.hasDirectoryPath ? folder : folder.appendingPathComponent("", isDirectory: true)]
        var found: [TestCase] = []
        for match in element.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let whole = ns.substring(with: match.range)
            let current = bases.last ?? folder
            if whole.hasPrefix("</") {
                if bases.count > 1 { bases.removeLast() }
            } else if match.range(at: 1).location != NSNotFound {
                let attributes = try Self.attributes(ns.substring(with: match.range(at: 1)))
                // xml:base is itself a URI reference, resolved against the enclosing base.
                let base = attributes["xml:base"].flatMap { URL(string: $0, relativeTo: current)?.absoluteURL } ?? current
                bases.append(base)
            } else {
                let attributes = try Self.attributes(ns.substring(with: match.range(at: 2)))
                guard let uri = attributes["URI"], let url = URL(string: uri, relativeTo: current)?.absoluteURL,
                    let id = attributes["ID"], let type = attributes["TYPE"]
                else { continue }
                let description = ns.substring(with: match.range(at: 3))
                    .replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
                    .split(whereSeparator: \.isWhitespace).joined(separator: " ")
                found.append(
                    TestCase(
                        id: id, type: type, url: url, sections: attributes["SECTIONS"] ?? "",
                        edition: attributes["EDITION"], version: attributes["VERSION"],
                        recommendation: attributes["RECOMMENDATION"], namespace: attributes["NAMESPACE"],
                        entities: attributes["ENTITIES"], description: description))
            }
        }
        return found
    }

    private static func attributes(_ text: String) throws -> [String: String] {
        let pattern = try NSRegularExpression(pattern: #"([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')"#)
        let ns = text as NSString
        var result: [String: String] = [:]
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: match.range(at: 1))
            let valueRange = match.range(at: 2).location != NSNotFound ? match.range(at: 2) : match.range(at: 3)
            result[name] = ns.substring(with: valueRange)
                .replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        return result
    }
}
