import Foundation
import TenderTestSupport
import Testing

@Suite("tenderscore validate")
struct ValidateCommandTests {
    @Test("every shipped framework and the whole sample tender validate, with the expected warnings")
    func samplesValidate() throws {
        let result = try CLI.run(["validate", "Criteria/coproduction-commissioning.xml", "Samples"])
        #expect(result.status == 0, "\(result.stderr)")
        // 14 documents, the 5 sheets for the form bids and the 2 bids sent as forms (Samples/forms).
        #expect(result.stdout.contains("21 files checked: 21 valid, 0 invalid"))
        #expect(result.stdout.contains("Samples/panel.xml: valid panel for TND-2026-014: 5 members (3 with lived experience), 1 declared conflict"))
        #expect(result.stdout.contains("Samples/scoresheets/p-ruth.csv: valid scoresheet of p-ruth: 36 scores"))
        // The sample bids carry two deliberate import warnings.
        #expect(result.stderr.contains("Samples/bids/BID-004.xml:2:1: warning: BID-004 gives no response to 'innovation'"))
        #expect(result.stderr.contains("Samples/bids/BID-005.xml:42:3: warning: the answer to 'long-term' has 666 words, over the limit of 500"))
        #expect(!result.stderr.contains("error:"))
    }

    @Test("both criteria frameworks validate on their own")
    func criteriaValidate() throws {
        let result = try CLI.run(["validate", "Criteria"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Criteria/community-grants.xml: valid criteria framework community-grants v1: 5 criteria, no price (quality only)"))
        #expect(result.stdout.contains("Criteria/coproduction-commissioning.xml: valid criteria framework coproduction-commissioning v1: 6 criteria, price 30% by lowest-price"))
    }

    @Test("an out-of-scale score is reported with file, line and column, and exit 1")
    func outOfScale() throws {
        let folder = try CLI.temporaryDirectory()
        let sheet = folder.appendingPathComponent("p-amira.xml")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <scoresheet xmlns="urn:tenderscore:scoresheet:1" tender="TND-2026-014" panelist="p-amira">
              <score submission="BID-001" criterion="local-assets" value="4">Names the time bank.</score>
              <score submission="BID-003" criterion="local-assets" value="7">Far beyond the scale.</score>
            </scoresheet>
            """.write(to: sheet, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "validate", "Criteria/coproduction-commissioning.xml", "Samples/panel.xml", "Samples/bids", sheet.path,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(sheet.path):4:3: error: score 7 is outside the scale 0–5"))
        #expect(result.stdout.contains("1 invalid"))
    }

    @Test("a DOCTYPE is refused in plain words")
    func doctype() throws {
        let folder = try CLI.temporaryDirectory()
        let file = folder.appendingPathComponent("bid.xml")
        try "<?xml version=\"1.0\"?>\n<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<s>&x;</s>\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file.path):2:1: error: DTDs are not allowed"))
        #expect(!result.stderr.contains("root:"))
    }

    @Test("a missing file is an invalid file, exit 1")
    func missingFile() throws {
        let result = try CLI.run(["validate", "no-such-file.xml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no-such-file.xml:1:1: error: no such file"))
    }

    @Test("usage errors exit 2", arguments: [["validate"], ["validate", "--max-document-bytes", "0", "x.xml"], ["no-such-command"]])
    func usageErrors(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("tenderscore --help"))
    }

    @Test("the size cap applies before parsing")
    func sizeCap() throws {
        let result = try CLI.run(["validate", "--max-document-bytes", "1000", "Samples/bids/BID-001.xml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("over the limit of 1000 bytes (--max-document-bytes)"))
    }
}
