import Foundation
import TenderModel
import TenderXML
import Testing
import TenderTestSupport

/// The ways a panel secretary's editor may save the same file.
enum SavedEncoding: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16 LE with BOM"
    case utf16BigEndian = "UTF-16 BE with BOM"
    case latin1 = "ISO-8859-1, declared"

    var testDescription: String { rawValue }

    /// What the XML declaration says.
    var declared: String {
        switch self {
        case .utf8, .utf8WithBOM: "UTF-8"
        case .utf16LittleEndian, .utf16BigEndian: "UTF-16"
        case .latin1: "ISO-8859-1"
        }
    }

    func bytes(of text: String) -> [UInt8]? {
        switch self {
        case .utf8: Array(text.utf8)
        case .utf8WithBOM: [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LittleEndian: text.data(using: .utf16LittleEndian).map { [0xFF, 0xFE] + [UInt8]($0) }
        case .utf16BigEndian: text.data(using: .utf16BigEndian).map { [0xFE, 0xFF] + [UInt8]($0) }
        case .latin1: text.data(using: .isoLatin1).map { [UInt8]($0) }
        }
    }
}

@Suite("Documents in any declared encoding")
struct EncodingTests {
    static func panel(_ encoding: SavedEncoding, duplicate: Bool = false) -> String {
        """
        <?xml version="1.0" encoding="\(encoding.declared)"?>
        <panel xmlns="urn:tenderscore:panel:1" tender="T-1">
          <member id="p-zoe" role="carer">Zoë Lefèvre</member>
          \(duplicate ? "<member id=\"p-zoe\" role=\"carer\">Zoë</member>" : "")<member id="p-jose" role="commissioner">José Núñez</member>
          <conflict member="p-jose" submission="BID-2">Trésorier de l'association jusqu'en 2025</conflict>
        </panel>
        """
    }

    @Test("The same panel is accepted with the right text whatever the encoding", arguments: SavedEncoding.allCases)
    func samePanel(_ encoding: SavedEncoding) throws {
        let bytes = try #require(encoding.bytes(of: Self.panel(encoding)))
        let loaded = try DocumentLoader().load(bytes: bytes, file: "panel.xml")
        let panel = try #require(loaded.document.panel)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(panel.members.map(\.name) == ["Zoë Lefèvre", "José Núñez"])
        #expect(panel.conflicts.first?.reason == "Trésorier de l'association jusqu'en 2025")
        #expect(panel.member("p-jose")?.location?.line == 4)
        #expect(panel.member("p-jose")?.location?.column == 3)
    }

    @Test("The file on disk reads the same as the bytes in memory", arguments: SavedEncoding.allCases)
    func fromDisk(_ encoding: SavedEncoding) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(try #require(encoding.bytes(of: Self.panel(encoding))), to: "panel.xml")
        let panel = try #require(try DocumentLoader().load(path: path).document.panel)
        #expect(panel.members.map(\.name) == ["Zoë Lefèvre", "José Núñez"])
    }

    @Test("Diagnostics point at the right line and column whatever the encoding", arguments: SavedEncoding.allCases)
    func locatedInEveryEncoding(_ encoding: SavedEncoding) throws {
        let bytes = try #require(encoding.bytes(of: Self.panel(encoding, duplicate: true)))
        let diagnostics = refusal(of: bytes, file: "panel.xml")
        expectDiagnostic(in: diagnostics, containing: "member id 'p-zoe' is used twice (first at line 3)", line: 4, column: 3)
    }

    @Test("A UTF-8 byte order mark with another declared encoding is refused (XML 1.0 §4.3.3)")
    func contradictoryBOM() throws {
        let bytes = try #require(SavedEncoding.utf8WithBOM.bytes(of: Self.panel(.latin1)))
        let diagnostics = refusal(of: bytes, file: "panel.xml")
        expectDiagnostic(
            in: diagnostics,
            containing: #"the file starts with a UTF-8 byte order mark but declares encoding="ISO-8859-1""#, line: 1, column: 1)
    }

    @Test("A UTF-16 byte order mark with an 8-bit declared encoding is refused")
    func contradictoryUTF16BOM() throws {
        let bytes = try #require(SavedEncoding.utf16LittleEndian.bytes(of: Self.panel(.latin1)))
        let diagnostics = refusal(of: bytes, file: "panel.xml")
        expectDiagnostic(in: diagnostics, containing: "UTF-16 byte order mark but declares", line: 1, column: 1)
    }
}
