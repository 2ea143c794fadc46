import Testing
import TenderXML

/// TenderXML's parser for other formats' XML: namespaces and mixed content kept in order, and
/// the same refusals as for TenderScore's own documents.
@Suite struct XMLTreeReaderTests {
    @Test func mixedContentKeepsItsOrderAndNamespaces() throws {
        let xml = """
            <?xml version="1.0"?>
            <t:p xmlns:t="urn:example:text" t:style="Answer">Hello <t:span>dear</t:span> world<t:s t:c="2"/>!</t:p>
            """
        let root = try XMLTreeReader.parse(bytes: Array(xml.utf8), file: "content.xml")
        #expect(root.is("p", "urn:example:text"))
        #expect(root.attribute("style", namespace: "urn:example:text") == "Answer")
        #expect(root.attribute("style") == nil)
        #expect(root.content.count == 5)
        #expect(root.content.first == .text("Hello "))
        #expect(root.elements.map(\.name) == ["span", "s"])
        #expect(root.content[2] == .text(" world"))
    }

    @Test func aDoctypeIsRefused() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]>\n<a>&x;</a>"
        let error = try #require(throws: DocumentError.self) { try XMLTreeReader.parse(bytes: Array(xml.utf8), file: "a.xml") }
        #expect(error.description == "a.xml:2:1: error: DTDs are not allowed: remove the <!DOCTYPE …> declaration")
    }

    @Test func bytesOverTheCapAreRefusedBeforeParsing() throws {
        let error = try #require(throws: DocumentError.self) {
            try XMLTreeReader.parse(bytes: Array("<a>0123456789</a>".utf8), file: "a.xml", maxBytes: 10)
        }
        #expect(error.description == "a.xml:1:1: error: the XML is 17 bytes, over the limit of 10 bytes")
    }

    @Test func malformedXMLIsRefusedWithWhere() throws {
        let error = try #require(throws: DocumentError.self) {
            try XMLTreeReader.parse(bytes: Array("<a><b></a>".utf8), file: "a.xml")
        }
        #expect(error.description.hasPrefix("a.xml:1:"))
    }
}
