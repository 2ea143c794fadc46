import Foundation
import Testing
import TenderForms
import ZIPFoundation

/// A 5 MB form (10 MB of answer text and a 2.2 MB picture) with 20 appendices of 1 MB, for
/// `/usr/bin/time -v`: `TENDERSCORE_FORMS_MEASURE=DIR` with `--filter writeAFiveMegabyteForm`
/// makes the files, then `--filter readAFiveMegabyteForm` reads them alone (README, "Limits").
@Suite struct MeasurementTests {
    static let folder = ProcessInfo.processInfo.environment["TENDERSCORE_FORMS_MEASURE"].map { URL(fileURLWithPath: $0) }

    @Test(.enabled(if: folder != nil))
    func writeAFiveMegabyteFormWithTwentyAppendices() throws {
        let folder = try #require(Self.folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var random = SystemRandomNumberGenerator()
        let words = ["Westfield", "people", "carers", "library", "time", "bank", "support", "choose", "members", "decide",
            "budget", "travel", "evening", "weekend", "circle", "peer", "leader", "allotment", "larder", "council"]
        var paragraphs: [String] = []
        var size = 0
        while size < 10_000_000 {
            let paragraph = (0..<80).map { _ in words[Int.random(in: 0..<words.count, using: &random)] + String(Int.random(in: 0..<1000, using: &random)) }
                .joined(separator: " ")
            size += paragraph.utf8.count
            paragraphs.append(paragraph)
        }
        let filled = try Fixtures.editing(Fixtures.form(.docx), part: "word/document.xml") { xml in
            var xml = xml
            for (tag, value) in [
                ("tenderscore:bidder:name", "Measure Ltd"), ("tenderscore:bidder:type", "sme"), ("tenderscore:price", "1000000"),
            ] {
                xml = WordFormEditing.fill(xml, tag: tag, paragraphs: [value])
            }
            return WordFormEditing.fill(xml, tag: "tenderscore:criterion:local-assets", paragraphs: paragraphs)
        }
        let archive = try Archive(data: filled, accessMode: .update)
        let picture = Data([0x89, 0x50, 0x4E, 0x47]) + Data((0..<2_200_000).map { _ in UInt8.random(in: 0...255, using: &random) })
        try archive.addEntry(with: "word/media/image1.png", type: .file, uncompressedSize: Int64(picture.count), compressionMethod: .deflate) {
            position, chunk in picture.subdata(in: Int(position)..<Int(position) + chunk)
        }
        _ = try Fixtures.write(try #require(archive.data), named: "big.docx", in: folder)
        var appendices: [URL] = []
        for index in 1...20 {
            let bytes = Data("%PDF-1.4\n".utf8) + Data((0..<1_000_000).map { _ in UInt8.random(in: 0...255, using: &random) })
            appendices.append(try Fixtures.write(bytes, named: "appendix-\(index).pdf", in: folder))
        }
    }

    @Test(.enabled(if: folder != nil))
    func readAFiveMegabyteFormWithTwentyAppendices() throws {
        let folder = try #require(Self.folder)
        let form = folder.appendingPathComponent("big.docx")
        let appendices = (1...20).map { folder.appendingPathComponent("appendix-\($0).pdf") }
        let formBytes = try FileManager.default.attributesOfItem(atPath: form.path)[.size] as? Int ?? 0
        let clock = ContinuousClock()
        let started = clock.now
        let read = try Fixtures.read(form, appendices: appendices)
        let elapsed = clock.now - started
        print("MEASURE form \(formBytes) bytes, \(read.appendices.count) appendices, \(read.wordCount(for: "local-assets")) words: read in \(elapsed)")
    }
}
