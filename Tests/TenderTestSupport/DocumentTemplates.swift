/// Small valid documents of each kind, which the rule tests break one way at a time.
///
/// Each broken document is the template with one piece replaced; the replacement carries the `▸`
/// that marks the element the diagnostic must point at (see ``MarkedDocument``).
public enum Template {
    /// A framework on a 0–3 scale: two criteria (40 + 30) and price 30.
    public static let criteria = """
        <?xml version="1.0" encoding="UTF-8"?>
        <criteria xmlns="urn:tenderscore:criteria:1" id="test-framework" version="2" currency="GBP">
          <title>Test framework</title>
          <scale min="0" max="3">
            <level value="0" label="None">No answer.</level>
            <level value="1" label="Weak">Little detail.</level>
            <level value="2" label="Good">Clear detail.</level>
            <level value="3" label="Strong">Strong evidence.</level>
          </scale>
          <moderation divergence="2"/>
          <price weight="30" formula="relative-difference"/>
          <criterion id="assets" weight="40" threshold="1">
            <title>Local assets</title>
            <question maxWords="10">Which local assets will you build on?</question>
            <guidance>Names real groups.</guidance>
          </criterion>
          <criterion id="plan" weight="30">
            <title>Plan</title>
            <question>What is the plan?</question>
            <guidance>A realistic plan.</guidance>
          </criterion>
        </criteria>
        """

    /// A bid to tender T-1 answering both criteria of ``criteria``, priced in GBP.
    public static let submission = """
        <?xml version="1.0" encoding="UTF-8"?>
        <submission xmlns="urn:tenderscore:submission:1" id="BID-1" tender="T-1" submitted="2026-10-03T11:42:00Z">
          <bidder>
            <name>Westfield Carers' Cooperative Ltd</name>
            <type>user-led</type>
            <registration scheme="GB-COH">09876543</registration>
          </bidder>
          <price currency="GBP">1180000.50</price>
          <response criterion="assets">
            <answer>The time bank and two tenant groups.</answer>
            <evidence href="appendix-a.pdf">Asset map</evidence>
          </response>
          <response criterion="plan">
            <answer><p>First we listen.</p><p>Then we start.</p></answer>
          </response>
        </submission>
        """

    /// A co-produced panel for tender T-1; p-dev declared a conflict with BID-2.
    public static let panel = """
        <?xml version="1.0" encoding="UTF-8"?>
        <panel xmlns="urn:tenderscore:panel:1" tender="T-1">
          <member id="p-amira" role="expert-by-experience">Amira Khan</member>
          <member id="p-dev" role="commissioner">Dev Patel</member>
          <conflict member="p-dev" submission="BID-2">Trustee of the bidder until 2025</conflict>
        </panel>
        """

    /// p-amira's scores of BID-1 on both criteria of ``criteria``.
    public static let scoresheet = """
        <?xml version="1.0" encoding="UTF-8"?>
        <scoresheet xmlns="urn:tenderscore:scoresheet:1" tender="T-1" panelist="p-amira">
          <score submission="BID-1" criterion="assets" value="3">Names the time bank and two tenant groups.</score>
          <score submission="BID-1" criterion="plan" value="2">A plan with dates, but no budget.</score>
        </scoresheet>
        """

    /// The same scores as ``scoresheet``, as CSV; the rationale of the second row has a comma.
    public static let scoresheetCSV = """
        panelist,submission,criterion,score,rationale
        p-amira,BID-1,assets,3,Names the time bank and two tenant groups.
        p-amira,BID-1,plan,2,"A plan with dates, but no budget."

        """

    /// `template` with each `old` (which must occur exactly once) replaced by its `new`.
    public static func edit(_ template: String, _ replacements: (old: String, new: String)...) -> String {
        var text = template
        for (old, new) in replacements {
            let pieces = text.components(separatedBy: old)
            precondition(pieces.count == 2, "the template must hold \(old) exactly once")
            text = pieces.joined(separator: new)
        }
        return text
    }
}

/// The sample documents as tests edit them.
public enum SampleDocuments {
    /// The seven sample bids, relative to the package root.
    public static let bids = (1...7).map { "Samples/bids/BID-00\($0).xml" }

    /// The opening tag of a small submission, for tests that build one by hand.
    public static let submissionRootTag =
        #"<submission xmlns="urn:tenderscore:submission:1" id="BID-1" tender="T-1" submitted="2026-10-03T11:42:00Z">"#

    /// The sample CSV sheet, with its CRLF line ends (as Excel saves) made LF so its lines can be
    /// edited one by one.
    public static func csvSheet() throws -> String {
        try String(contentsOfFile: Fixture.path("Samples/scoresheets/p-dev.csv"), encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n")
    }

    public static func csvSheetLines() throws -> [String] {
        try csvSheet().components(separatedBy: "\n")
    }
}
