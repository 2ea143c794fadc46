import Foundation
import TenderXML
import Testing
import TenderTestSupport

/// Replays every input the fuzzers (Benchmarks/Fuzz/) ever found a problem with: each must be
/// loaded without crashing, answered with a document or a refusal. A `.csv` name goes to the
/// scoresheet CSV reader, anything else to the XML parser, as in the fuzz targets.
@Suite struct FuzzRegressionTests {
    static let folder = Fixture.path("Tests/TenderXMLTests/FuzzRegressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    @Test(arguments: inputs)
    func loadsWithoutCrashing(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + name)))
        let file = name.hasSuffix(".csv") ? "fuzz.csv" : "fuzz.xml"
        do {
            _ = try DocumentLoader().load(bytes: bytes, file: file)
        } catch {
            #expect(!error.diagnostics.isEmpty, "a refusal must say why")
        }
    }
}
