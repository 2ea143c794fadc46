import Foundation
import Testing
@testable import TenderExport

/// Anonymised packs replace bidders' names as whole words, and their declared other names too.
@Suite struct AnonymisationTests {
    /// A bidder named "Care" turned "carers" into "Bidder Frs".
    @Test func replacesWholeWordsOnly() {
        let names = [(name: "Care", label: "Bidder F")]
        #expect(
            AnswerText.replace(in: "Carers and care staff; Care's team. Careful, caretaker!", names)
                == "Carers and Bidder F staff; Bidder F's team. Careful, caretaker!")
        #expect(AnswerText.replace(in: "We work with care.", names) == "We work with Bidder F.")
    }

    /// Longest first, case-insensitively: the full name is replaced before its shorter form, and a
    /// label just put in is never matched again.
    @Test func longestNameFirstCaseInsensitive() {
        let names = [
            (name: "Westfield Voices", label: "Bidder A"), (name: "Westfield Voices Co-operative Ltd", label: "Bidder A"),
            (name: "Bidder", label: "Bidder Z"),
        ]
        #expect(
            AnswerText.replace(in: "WESTFIELD VOICES CO-OPERATIVE LTD, also westfield voices.", names)
                == "Bidder A, also Bidder A.")
    }

    /// "Westfield Voices", "Carewise" and "Beacon" appear in the sample bids; once declared as the
    /// bidders' other names, an anonymised pack shows none of them.
    @Test func declaredOtherNamesAreReplaced() throws {
        var docs = try SampleTender.documents()
        let aliases = ["BID-001": ["Westfield Voices"], "BID-004": ["Carewise"], "BID-005": ["Beacon"]]
        for index in docs.submissions.indices {
            docs.submissions[index].bidder.alsoKnownAs = aliases[docs.submissions[index].id] ?? []
        }
        let pack = try EvaluationPack(
            tender: docs.panel.tender, title: SampleTender.title, criteria: docs.criteria, submissions: docs.submissions,
            panel: docs.panel, panelist: "p-amira", anonymise: true, generatedAt: SampleTender.generatedAt)
        for file in pack.files {
            for alias in ["Westfield Voices", "Carewise", "Beacon"] {
                // As a word: "BeaconConnect", a product name, is one of the distinctive names the
                // commissioners must still read for (EvaluationPack says so).
                let word = try Regex("(?i)\\b\(alias)\\b")
                #expect(!file.contents.contains(word), "\(file.name) still says \(alias)")
            }
        }
        let beacon = try #require(pack.files.first { $0.name == "BID-005.html" })
        #expect(beacon.contents.contains("Bidder E Works"))
    }
}
