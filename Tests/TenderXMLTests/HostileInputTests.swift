import Foundation
import TenderModel
import TenderXML
import Testing
import TenderTestSupport

/// A file built to harm or fool the loader, and what the loader must say when it refuses it.
///
/// Every hostile document carries ``HostileInput/sentinel`` in its content (and the external
/// entity cases point at a file holding ``HostileInput/secret``): neither may appear in any
/// message, so a refusal never echoes what it refused.
struct HostileInput: Sendable, CustomTestStringConvertible {
    static let sentinel = "SENTINEL-4f2a-content"
    static let secret = "SECRET-b7e1-do-not-leak"

    enum Source {
        case bytes([UInt8], file: String)
        case path(String)
    }

    var name: String
    var message: String
    var line: Int?
    var maxDocumentBytes = DocumentReadOptions.defaultMaxDocumentBytes
    /// Builds the input in a fresh folder that also holds `secret.txt`.
    var make: @Sendable (TemporaryFolder) throws -> Source

    var testDescription: String { name }

    static let dtdRefusal = "DTDs are not allowed: remove the <!DOCTYPE …> declaration"

    static let panelRoot = #"<panel xmlns="urn:tenderscore:panel:1" tender="T-1">"#

    /// A panel whose one member's name is `name`, after a DOCTYPE on line 2.
    static func panel(doctype: String, name: String) -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            \(doctype)
            \(panelRoot)<member id="p-a" role="carer">\(name)</member></panel>
            """.utf8)
    }

    static let billionLaughs: [UInt8] = {
        var entities = [#"<!ENTITY lol0 "lol-\#(sentinel)">"#]
        for level in 1...9 {
            entities.append(#"<!ENTITY lol\#(level) "\#(String(repeating: "&lol\(level - 1);", count: 10))">"#)
        }
        return panel(doctype: "<!DOCTYPE panel [\n" + entities.joined(separator: "\n") + "\n]>", name: "&lol9;")
    }()

    static let quadraticBlowUp: [UInt8] = {
        let big = String(repeating: sentinel, count: 5_000)  // ~100 KB
        let references = String(repeating: "&big;", count: 20_000)  // ~2 GB once expanded
        return panel(doctype: #"<!DOCTYPE panel [<!ENTITY big "\#(big)">]>"#, name: references)
    }()

    static let cases: [HostileInput] = [
        HostileInput(name: "entity-expansion bomb (billion laughs)", message: dtdRefusal, line: 2) { _ in
            .bytes(billionLaughs, file: "laughs.xml")
        },
        HostileInput(name: "quadratic blow-up", message: dtdRefusal, line: 2) { _ in
            .bytes(quadraticBlowUp, file: "quadratic.xml")
        },
        HostileInput(name: "external entity naming a local file (absolute URI)", message: dtdRefusal, line: 2) { folder in
            let secret = folder.url.appendingPathComponent("secret.txt").absoluteString
            return .bytes(panel(doctype: #"<!DOCTYPE panel [<!ENTITY xxe SYSTEM "\#(secret)">]>"#, name: "&xxe;"), file: "xxe.xml")
        },
        HostileInput(name: "external entity naming a local file (relative, read from disk)", message: dtdRefusal, line: 2) {
            folder in
            .path(try folder.write(panel(doctype: #"<!DOCTYPE panel [<!ENTITY xxe SYSTEM "secret.txt">]>"#, name: "&xxe;"), to: "xxe.xml"))
        },
        HostileInput(name: "external DTD over the network", message: dtdRefusal, line: 2) { _ in
            .bytes(panel(doctype: #"<!DOCTYPE panel SYSTEM "http://127.0.0.1:9/x.dtd">"#, name: sentinel), file: "net.xml")
        },
        HostileInput(name: "parameter entity", message: dtdRefusal, line: 2) { folder in
            let secret = folder.url.appendingPathComponent("secret.txt").absoluteString
            return .bytes(
                panel(doctype: #"<!DOCTYPE panel [<!ENTITY % file SYSTEM "\#(secret)"> %file;]>"#, name: sentinel), file: "pe.xml")
        },
        HostileInput(name: "a harmless-looking DOCTYPE", message: dtdRefusal, line: 2) { _ in
            .bytes(panel(doctype: "<!DOCTYPE panel>", name: sentinel), file: "doctype.xml")
        },
        HostileInput(name: "XInclude of a local file", message: "include", line: 3) { folder in
            let secret = folder.url.appendingPathComponent("secret.txt").path
            let text = """
                <?xml version="1.0" encoding="UTF-8"?>
                \(panelRoot)<member id="p-a" role="carer">A</member>
                <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="\(secret)" parse="text"/></panel>
                """
            return .bytes(Array(text.utf8), file: "xinclude.xml")
        },
        HostileInput(name: "nesting 100,000 deep", message: "elements are nested too deeply", line: 1) { _ in
            let text = panelRoot + String(repeating: "<a>", count: 100_000) + sentinel
                + String(repeating: "</a>", count: 100_000) + "</panel>"
            return .bytes(Array(text.utf8), file: "deep.xml")
        },
        HostileInput(
            name: "over a small size cap (in memory)", message: "the file is 81 bytes, over the limit of 64 bytes (--max-document-bytes)",
            line: 1, maxDocumentBytes: 64
        ) { _ in
            .bytes(Array((panelRoot + sentinel + "</panel>").utf8), file: "big.xml")
        },
        HostileInput(
            name: "over a small size cap (on disk)", message: "the file is 81 bytes, over the limit of 64 bytes",
            line: 1, maxDocumentBytes: 64
        ) { folder in
            .path(try folder.write(Array((panelRoot + sentinel + "</panel>").utf8), to: "big.xml"))
        },
        HostileInput(
            name: "17 MiB against the default 16 MiB cap (on disk)",
            message: "the file is 17825792 bytes, over the limit of 16777216 bytes", line: 1
        ) { folder in
            .path(try folder.write(seventeenMiB(), to: "huge.xml"))
        },
        HostileInput(
            name: "17 MiB against the default 16 MiB cap (in memory)",
            message: "the file is 17825792 bytes, over the limit of 16777216 bytes", line: 1
        ) { _ in
            .bytes(seventeenMiB(), file: "huge.xml")
        },
        HostileInput(name: "gzip-compressed valid document", message: "the file is gzip-compressed", line: 1) { folder in
            .bytes(try gzip(Array(Template.panel.utf8), in: folder), file: "panel.xml")
        },
        HostileInput(name: "gzip-compressed valid document on disk, named .gz", message: "the file is gzip-compressed", line: 1) {
            folder in
            .path(try folder.write(try gzip(Array(Template.panel.utf8), in: folder), to: "panel.xml.gz"))
        },
        HostileInput(name: "xz-compressed", message: "the file is xz-compressed", line: 1) { _ in
            .bytes([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00] + Array(sentinel.utf8), file: "panel.xml")
        },
        HostileInput(name: "a Word or Excel file", message: "the file is a ZIP archive", line: 1) { _ in
            .bytes([0x50, 0x4B, 0x03, 0x04] + Array(sentinel.utf8), file: "panel.xml")
        },
        HostileInput(name: "a PDF", message: "the file is a PDF, not XML", line: 1) { _ in
            .bytes(Array("%PDF-1.7\n\(sentinel)".utf8), file: "panel.pdf")
        },
        HostileInput(name: "invalid UTF-8", message: "the text is not valid UTF-8", line: 2) { _ in
            .bytes(
                Array("<?xml version=\"1.0\"?>\n\(panelRoot)<member id=\"p-a\" role=\"carer\">".utf8) + [0xC3, 0x28]
                    + Array(" \(sentinel)</member></panel>".utf8),
                file: "bad-utf8.xml")
        },
        HostileInput(name: "an empty file (in memory)", message: "the file is empty", line: 1) { _ in
            .bytes([], file: "empty.xml")
        },
        HostileInput(name: "an empty file (on disk)", message: "the file is empty", line: 1) { folder in
            .path(try folder.write([], to: "empty.xml"))
        },
        HostileInput(name: "only whitespace", message: "no element was found where the document should begin", line: nil) { _ in
            .bytes(Array("  \n\n".utf8), file: "blank.xml")
        },
        HostileInput(name: "plain text", message: "the file is not XML", line: 1) { _ in
            .bytes(Array("Dear panel, \(sentinel)".utf8), file: "letter.xml")
        },
        HostileInput(name: "content after the root", message: "there is content after the end of the root element", line: 7) {
            _ in
            .bytes(Array((Template.panel + "\n<extra>\(sentinel)</extra>").utf8), file: "after.xml")
        },
        HostileInput(name: "a second XML declaration in the middle", message: "XML declaration allowed only at the start", line: 2) {
            _ in
            .bytes(Array("<!-- x -->\n<?xml version=\"1.0\"?>\(panelRoot)</panel>".utf8), file: "decl.xml")
        },
        HostileInput(name: "an XML 1.1 document (libxml2 would read it by 1.0 rules)", message: "the file declares XML version 1.1", line: 1) {
            _ in
            .bytes(Array(Template.panel.replacingOccurrences(of: #"version="1.0""#, with: #"version="1.1""#).utf8), file: "panel.xml")
        },
        HostileInput(name: "a folder instead of a file", message: "this is a folder, not a file", line: 1) { folder in
            let path = folder.url.appendingPathComponent("bids.xml").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            return .path(path)
        },
        HostileInput(name: "a missing file", message: "no such file", line: 1) { folder in
            .path(folder.url.appendingPathComponent("BID-404.xml").path)
        },
    ]

    /// A 17 MiB document (17 × 1,048,576 bytes): a panel padded with a long comment.
    @Sendable static func seventeenMiB() -> [UInt8] {
        let head = Array((panelRoot + "<!--").utf8)
        let tail = Array("-->\(sentinel)</panel>".utf8)
        return head + [UInt8](repeating: UInt8(ascii: "x"), count: 17 * 1_048_576 - head.count - tail.count) + tail
    }

    /// The bytes `/bin/gzip` makes of `bytes`.
    @Sendable static func gzip(_ bytes: [UInt8], in folder: TemporaryFolder) throws -> [UInt8] {
        let input = try folder.write(bytes, to: "to-compress.xml")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", "-c", input]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "gzip failed")
        #expect(compressed.starts(with: [0x1F, 0x8B]))
        return [UInt8](compressed)
    }
}

@Suite("Hostile input is refused, and nothing it holds leaks into a message")
struct HostileInputTests {
    @Test("Each hostile input is refused with a plain message", arguments: HostileInput.cases)
    func refused(_ hostile: HostileInput) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(Array(HostileInput.secret.utf8), to: "secret.txt")
        let loader = DocumentLoader(options: DocumentReadOptions(maxDocumentBytes: hostile.maxDocumentBytes))

        let diagnostics: [Diagnostic]
        let file: String
        switch try hostile.make(folder) {
        case .bytes(let bytes, let name):
            file = name
            diagnostics = refusal(of: bytes, file: name, loader: loader)
        case .path(let path):
            file = path
            diagnostics = refusal(ofPath: path, loader: loader)
        }

        expectDiagnostic(in: diagnostics, containing: hostile.message, file: file, line: hostile.line)
        #expect(diagnostics.allSatisfy { $0.location.file == file && $0.location.line >= 1 && $0.location.column >= 1 })
        let everything = diagnostics.map(\.description).joined(separator: "\n")
        #expect(!everything.contains(HostileInput.sentinel), "the document's content leaked:\n\(everything)")
        #expect(!everything.contains(HostileInput.secret), "the secret file leaked:\n\(everything)")
        #expect(!everything.contains("lol-"), "an entity's value leaked:\n\(everything)")
        #expect(!everything.contains("Bytes: 0x"), "the document's bytes leaked:\n\(everything)")
        #expect(everything.utf8.count < 4_096, "a refusal should be short:\n\(everything.prefix(500))…")
        #expect(diagnostics.allSatisfy { !$0.description.contains("\n") }, "one line per diagnostic:\n\(everything)")
        if hostile.message == HostileInput.dtdRefusal {
            // Refused at the DOCTYPE: nothing after it was looked at, so it is the only message.
            #expect(diagnostics.count == 1, "\(everything)")
        }
    }

    @Test("The size cap counts bytes exactly: a document of exactly the cap is read")
    func exactlyTheCap() throws {
        let bytes = Array(Template.panel.utf8)
        let atCap = DocumentLoader(options: DocumentReadOptions(maxDocumentBytes: bytes.count))
        #expect(try atCap.load(bytes: bytes, file: "panel.xml").document.panel != nil)
        let below = DocumentLoader(options: DocumentReadOptions(maxDocumentBytes: bytes.count - 1))
        expectDiagnostic(
            in: refusal(of: bytes, file: "panel.xml", loader: below), containing: "over the limit of \(bytes.count - 1) bytes")
    }
}
