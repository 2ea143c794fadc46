import Foundation
import Testing

@testable import TenderStore
import TenderModel

/// ``SubmissionOutline`` reads a stored bid without its answers: it must give the bid exactly as
/// decoding it whole does, each response cut down to its criterion and word count, whatever the
/// answers hold, and refuse a damaged bid in the same words.
@Suite struct SubmissionOutlineTests {
    @Test func aRealisticBidReadsAsItsWholeDecodingCutDown() throws {
        let bid = Self.submission(
            answers: [
                ("co-production", [
                    "People who use our services chair the steering group; carers co-design \"every\" review.",
                    "We pay experts by experience at the London Living Wage — no volunteer-only roles.",
                ]),
                ("working-together", ["Monthly open meetings,\tsubtitled\nand in easy read."]),
                ("value", []),
            ])
        try expectOutlineMatchesWholeDecoding(bid)
        let outline = try outline(of: bid)
        #expect(outline.responses.map(\.criterion) == ["co-production", "working-together", "value"])
        #expect(outline.responses.map(\.wordCount) == [27, 8, 0])
        #expect(outline.responses.allSatisfy { $0.paragraphs.isEmpty && $0.evidence.isEmpty && $0.location == nil })
        #expect(outline.bidder.registration?.identifier == "01234567")
        #expect(outline.bidder.locality == "Leeds")
    }

    /// Answers that imitate the JSON around them, escapes of every kind, and whitespace the
    /// word count must see through its escape: the structure is walked, never searched.
    @Test func answersThatLookLikeJSONAreCountedNotFollowed() throws {
        let tricky = [
            #"","paragraphs":["one two three"],"criterion":"forged"}],"responses":[{"#,
            #"back\slash \"quoted\" \\ ends with \"#,
            "tab\tnew\nline\rcarriage\u{0B}vertical\u{0C}feed",
            "controls\u{1}\u{1F}between\u{7F}words",
            "non-breaking\u{A0}space\u{2028}line separator\u{3000}ideographic",
            "emoji 👩🏽‍🦰 and e\u{301} and ☃︎",
            "", "   ", "\u{85}",
        ]
        try expectOutlineMatchesWholeDecoding(Self.submission(answers: [("plan", tricky), ("risk", [tricky[0]])]))
        let outline = try outline(of: Self.submission(answers: [("plan", tricky)]))
        #expect(outline.responses.map(\.criterion) == ["plan"])
    }

    @Test func randomAnswersCountAsTheWholeBidCountsThem() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["word", " ", "\t", "\n", "\u{A0}", "\u{2003}", "\"", "\\", "\u{1}", "é", "😀", "{", "}", "[", "]", ",", ":", "paragraphs"]
        for _ in 0..<300 {
            let answers = (0..<Int.random(in: 0...4, using: &generator)).map { index in
                ("criterion-\(index)", (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                    (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
                })
            }
            try expectOutlineMatchesWholeDecoding(Self.submission(answers: answers))
        }
    }

    /// Strings are skipped eight bytes at a time up to a quote, a backslash or a control
    /// character: each of them, and a character of several bytes, at every place in and either
    /// side of an eight-byte step, in an answer and in the evidence's title (skipped whole).
    @Test func everyByteThatEndsAPlainRunIsSeenWhereverItFalls() throws {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{7F}", "é", "\u{A0}", "😀", " "] {
            for offset in 0..<18 {
                let text = String(repeating: "ab ", count: 6).prefix(offset) + special + "cd efgh ijkl mnop"
                var bid = Self.submission(answers: [("plan", [String(text), "tail"])])
                bid.responses[0].evidence = [Evidence(href: "https://example.org/\(offset)", title: String(text))]
                try expectOutlineMatchesWholeDecoding(bid)
            }
        }
    }

    /// A bid not shaped as TenderScore writes it is read as decoding it whole reads it (the
    /// outline falls back to that): a damaged one refused in the same words, one the whole
    /// decoding still accepts (written with spaces, or `\/`) given the same.
    @Test(arguments: [
        (#"{"bidder":"#, "cut short"),
        (#"{"id":"BID-1"}"#, "no responses"),
        (#"{"responses":[{"paragraphs":["a b"]}]}"#, "a response without its criterion"),
        ("escaped criterion", "a criterion written with an escape"),
        ("spaced", "JSON written with spaces"),
        ("slash", "an answer with an escaped slash"),
    ])
    func aBidNotWrittenByTenderScoreIsReadAsItsWholeDecodingReadsIt(_ text: String, _ what: String) throws {
        let canonical = try CanonicalJSON.encode(StoredSubmission(Self.submission(answers: [("plan", ["a b", "c"])])))
        let input =
            switch text {
            case "escaped criterion": canonical.replacingOccurrences(of: #""criterion":"plan""#, with: #""criterion":"pl\u0061n""#)
            case "spaced": canonical.replacingOccurrences(of: #"",""#, with: #"", ""#)
            case "slash": canonical.replacingOccurrences(of: #"["a b","c"]"#, with: #"["a\/b","c"]"#)
            default: text
            }
        #expect(input != canonical, "\(what)")
        let whole = Result { try StoredSubmission.model(fromCanonical: input) }
        let outline = Result { try Array(input.utf8).withUnsafeBufferPointer { try SubmissionOutline.submission(fromCanonical: $0) } }
        switch (whole, outline) {
        case (.success(let whole), .success(let outline)):
            #expect(outline == SubmissionOutline.outline(of: whole), "\(what)")
        case (.failure(let expected), .failure(let found)):
            #expect("\(found)" == "\(expected)", "\(what)")
        default:
            Issue.record("\(what): the whole decoding gave \(whole), the outline \(outline)")
        }
    }

    private func outline(of submission: Submission) throws -> Submission {
        let text = try CanonicalJSON.encode(StoredSubmission(submission))
        return try Array(text.utf8).withUnsafeBufferPointer { try SubmissionOutline.submission(fromCanonical: $0) }
    }

    private func expectOutlineMatchesWholeDecoding(_ submission: Submission, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws
    {
        let text = try CanonicalJSON.encode(StoredSubmission(submission))
        let whole = try StoredSubmission.model(fromCanonical: text)
        let outline = try Array(text.utf8).withUnsafeBufferPointer { try SubmissionOutline.submission(fromCanonical: $0) }
        #expect(outline == SubmissionOutline.outline(of: whole), sourceLocation: sourceLocation)
        #expect(outline.responses.map(\.wordCount) == whole.responses.map(\.wordCount), sourceLocation: sourceLocation)
    }

    private static func submission(answers: [(String, [String])]) -> Submission {
        Submission(
            id: "BID-042", tender: "TND-2026-014", submitted: Date(timeIntervalSince1970: 1_780_000_000),
            bidder: Bidder(
                name: "Open Door Enterprises CIC", type: .socialEnterprise,
                registration: Registration(scheme: "GB-COH", identifier: "01234567"), locality: "Leeds"),
            price: Money(amount: Decimal(string: "1028750.50") ?? 0, currency: "GBP"),
            responses: answers.enumerated().map { index, answer in
                Response(
                    criterion: answer.0, paragraphs: answer.1, evidence: [Evidence(href: "https://example.org/\(index)", title: "Report")],
                    location: TenderModel.SourceLocation(file: "BID-042.xml", line: 10 + index, column: 3))
            },
            location: TenderModel.SourceLocation(file: "BID-042.xml", line: 2, column: 1))
    }
}
