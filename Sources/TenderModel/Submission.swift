import Foundation

/// A bid, as the bidder sent it.
public struct Submission: Sendable, Hashable, Identifiable {
    public var id: String
    public var tender: String
    public var submitted: Date
    public var bidder: Bidder
    public var price: Money?
    public var responses: [Response]
    public var location: SourceLocation?
    /// The file this submission was read out of, when it came as a response form rather than as
    /// submission XML; nil for a bid sent as XML.
    public var original: OriginalDocument?

    public init(
        id: String, tender: String, submitted: Date, bidder: Bidder, price: Money?, responses: [Response],
        location: SourceLocation? = nil, original: OriginalDocument? = nil
    ) {
        self.id = id
        self.tender = tender
        self.submitted = submitted
        self.bidder = bidder
        self.price = price
        self.responses = responses
        self.location = location
        self.original = original
    }

    public func response(to criterion: String) -> Response? { responses.first { $0.criterion == criterion } }

    /// The bid without the words of its answers: each response keeps its criterion, evidence,
    /// place in the file and word count, which is all that checking it against the tender
    /// reads. `validate` of 2,000 bids kept 63 MB of answers to the end for nothing.
    package func withoutAnswers() -> Submission {
        var stripped = self
        stripped.responses = responses.map {
            Response(criterion: $0.criterion, paragraphs: [], evidence: $0.evidence, location: $0.location, countedWords: $0.wordCount)
        }
        return stripped
    }
}

/// An amount of money held exactly, never as a binary floating-point number.
public struct Money: Sendable, Hashable {
    public var amount: Decimal
    public var currency: String

    public init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency
    }
}

/// One answer to one criterion's question.
public struct Response: Sendable, Hashable {
    public var criterion: String
    /// The answer's paragraphs, whitespace folded; an answer written without `<p>` is one paragraph.
    public var paragraphs: [String] {
        didSet { countedWords = nil }
    }
    public var evidence: [Evidence]
    public var location: SourceLocation?
    /// ``wordCount`` as the reader that made these paragraphs counted it on the way (TenderXML
    /// does, in the same pass that checks the text), so that the word limits of thousands of
    /// bids do not scan every answer again. Forgotten when the paragraphs change; not part of
    /// the value (equality and hashing leave it out).
    private var countedWords: Int?

    public init(criterion: String, paragraphs: [String], evidence: [Evidence] = [], location: SourceLocation? = nil) {
        self.criterion = criterion
        self.paragraphs = paragraphs
        self.evidence = evidence
        self.location = location
    }

    /// For a reader that counted the words of `paragraphs` exactly as ``wordCount`` would.
    package init(
        criterion: String, paragraphs: [String], evidence: [Evidence], location: SourceLocation?, countedWords: Int
    ) {
        self.init(criterion: criterion, paragraphs: paragraphs, evidence: evidence, location: location)
        self.countedWords = countedWords
    }

    public static func == (lhs: Response, rhs: Response) -> Bool {
        lhs.criterion == rhs.criterion && lhs.paragraphs == rhs.paragraphs && lhs.evidence == rhs.evidence
            && lhs.location == rhs.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(criterion)
        hasher.combine(paragraphs)
        hasher.combine(evidence)
        hasher.combine(location)
    }

    /// Words as a reader counts them: runs of non-whitespace across all paragraphs.
    public var wordCount: Int {
        countedWords ?? paragraphs.reduce(0) { $0 + Self.words(in: $1) }
    }

    /// Words are runs of anything but Unicode White_Space, counted on the UTF-8 bytes (iterating
    /// scalars and asking their properties made counting the slowest check of a long bid).
    private static func words(in text: String) -> Int {
        var text = text
        return text.withUTF8 { UnicodeWhitespace.wordCount($0) }
    }
}

/// A document the bidder points to in support of an answer.
public struct Evidence: Sendable, Hashable {
    public var href: String?
    public var title: String

    public init(href: String?, title: String) {
        self.href = href
        self.title = title
    }
}
