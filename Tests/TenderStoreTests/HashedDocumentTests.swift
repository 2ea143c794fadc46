import Testing
import TenderStore

/// A hashed document names its bytes by their SHA-256, worked out from the bytes it holds.
@Suite struct HashedDocumentTests {
    @Test func aDocumentIsNamedByTheSHA256OfItsBytes() {
        // FIPS 180-2's example: SHA-256("abc").
        let document = HashedDocument(file: "BID-001.xml", bytes: Array("abc".utf8))
        #expect(document.reference.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(document.reference.bytes == 3)
        #expect(document.reference.file == "BID-001.xml")
        #expect(HashedDocument(file: "empty.xml", bytes: []).reference.sha256
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
