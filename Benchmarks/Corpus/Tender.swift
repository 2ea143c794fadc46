import Foundation

/// One generated tender: everything follows from the options and the seed.
struct Tender {
    static let id = "TND-BENCH-001"
    static let roles = ["expert-by-experience", "carer", "commissioner", "practitioner", "finance", "independent"]
    static let bidderTypes = ["user-led", "voluntary", "social-enterprise", "sme", "large", "public"]
    static let towns = ["Westfield", "Northfield", "Riverside", "Eastgate", "Millbrook", "Southmoor", "Hillcrest"]
    static let nameParts = ["Voices", "Care", "Connect", "Together", "Community", "Support", "Futures", "Circles"]
    static let legal = ["Ltd", "CIC", "Co-operative Ltd", "Trust", "Charity"]

    let options: Options
    let criteria: [(id: String, weight: Int, threshold: Int?)]
    let members: [(id: String, role: String, name: String)]

    init(options: Options) {
        self.options = options
        // Quality weights add up to 70, the price weight is 30.
        let count = options.criteria
        var weights = Array(repeating: 70 / count, count: count)
        for index in 0..<(70 % count) { weights[index] += 1 }
        criteria = (0..<count).map { index in
            (id: "criterion-\(index + 1)", weight: weights[index], threshold: index % 5 == 2 ? 2 : nil)
        }
        members = (0..<options.members).map { index in
            (id: String(format: "p-%02d", index + 1), role: Tender.roles[index % Tender.roles.count], name: "Panel Member \(index + 1)")
        }
    }

    static func bidID(_ index: Int) -> String { String(format: "BID-%05d", index + 1) }

    /// A member is conflicted with a few bids, as real panels are.
    func isConflicted(member: Int, bid: Int) -> Bool { bid % 211 == member * 7 }

    func write(to folder: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try text(criteriaXML).write(to: folder.appendingPathComponent("criteria.xml"))
        try text(panelXML).write(to: folder.appendingPathComponent("panel.xml"))
        if options.bulkMB > 0 {
            try writeBulk(to: folder.appendingPathComponent("bulk.xml"))
        }
        if options.onlyBulk { return }
        let bids = folder.appendingPathComponent("bids")
        try manager.createDirectory(at: bids, withIntermediateDirectories: true)
        let reference = folder.appendingPathComponent("reference")
        try manager.createDirectory(at: reference, withIntermediateDirectories: true)
        var prices = "submission,bidder,price\n"
        for index in 0..<options.bids {
            let bid = self.bid(index, idOffset: 0)
            try text(bid.xml).write(to: bids.appendingPathComponent(Tender.bidID(index) + ".xml"))
            prices += "\(Tender.bidID(index)),\"\(bid.bidder)\",\(bid.price)\n"
        }
        try text(prices).write(to: reference.appendingPathComponent("bids.csv"))
        var criteriaCSV = "criterion,weight,threshold\n"
        for criterion in criteria { criteriaCSV += "\(criterion.id),\(criterion.weight),\(criterion.threshold.map(String.init) ?? "")\n" }
        criteriaCSV += "price,30,\n"
        try text(criteriaCSV).write(to: reference.appendingPathComponent("criteria.csv"))
        try writeScoresheets(round: 0, to: folder.appendingPathComponent("scoresheets"))
        for round in 0..<options.changeRounds {
            try writeScoresheets(round: round + 1, to: folder.appendingPathComponent("changes/round-\(round + 1)"))
        }
    }

    private func text(_ string: String) -> Data { Data(string.utf8) }

    var criteriaXML: String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <criteria xmlns="urn:tenderscore:criteria:1" id="bench-framework" version="1" currency="GBP">
              <title>Benchmark framework for a national day opportunities framework</title>
              <scale min="0" max="5">

            """
        let labels = ["Unacceptable", "Poor", "Weak", "Satisfactory", "Good", "Excellent"]
        for (value, label) in labels.enumerated() {
            out += "    <level value=\"\(value)\" label=\"\(label)\">\(label) answer.</level>\n"
        }
        out += "  </scale>\n  <moderation divergence=\"2\"/>\n  <price weight=\"30\" formula=\"lowest-price\"/>\n"
        for criterion in criteria {
            let threshold = criterion.threshold.map { " threshold=\"\($0)\"" } ?? ""
            out += """
                  <criterion id="\(criterion.id)" weight="\(criterion.weight)"\(threshold)>
                    <title>Criterion \(criterion.id)</title>
                    <question maxWords="20000">How will you deliver \(criterion.id) with the people who use the service?</question>
                    <guidance>We look for evidence that people who use services shaped the answer.</guidance>
                  </criterion>

                """
        }
        return out + "</criteria>\n"
    }

    var panelXML: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<panel xmlns=\"urn:tenderscore:panel:1\" tender=\"\(Tender.id)\">\n"
        for member in members {
            out += "  <member id=\"\(member.id)\" role=\"\(member.role)\">\(member.name)</member>\n"
        }
        for (memberIndex, member) in members.enumerated() {
            for bid in 0..<options.bids where isConflicted(member: memberIndex, bid: bid) {
                out += "  <conflict member=\"\(member.id)\" submission=\"\(Tender.bidID(bid))\">Former trustee of the bidder</conflict>\n"
            }
        }
        return out + "</panel>\n"
    }

    /// One bid; its size is drawn between --min-kb and --max-kb from its own seed.
    func bid(_ index: Int, idOffset: Int, indent: String = "") -> (xml: String, bidder: String, price: String) {
        var random = SeededGenerator(seed: options.seed &* 1_000_003 &+ UInt64(index + idOffset))
        let target = random.int(in: (options.minKB * 1024)...(options.maxKB * 1024))
        let town = random.pick(Tender.towns)
        let bidder = "\(town) \(random.pick(Tender.nameParts)) \(random.pick(Tender.legal))"
        let price = "\(random.int(in: 800_000...1_600_000)).\(String(format: "%02d", random.int(in: 0...99)))"
        let id = Tender.bidID(index + idOffset)
        let header = """
            \(indent)<submission xmlns="urn:tenderscore:submission:1" id="\(id)" tender="\(Tender.id)" submitted="2026-10-0\(1 + index % 9)T1\(index % 10):42:00Z">
            \(indent)  <bidder>
            \(indent)    <name>\(bidder)</name>
            \(indent)    <type>\(random.pick(Tender.bidderTypes))</type>
            \(indent)    <registration scheme="GB-COH">\(random.int(in: 10_000_000...99_999_999))</registration>
            \(indent)    <locality>\(town)</locality>
            \(indent)  </bidder>
            \(indent)  <price currency="GBP">\(price)</price>

            """
        // Share the remaining bytes between the criteria.
        let budget = max(0, target - header.utf8.count - 40) / criteria.count
        var body = ""
        for criterion in criteria {
            var answer = ""
            var written = 0
            while written < budget - 200 || answer.isEmpty {
                let paragraph = "\(indent)      <p>\(Prose.paragraph(&random))</p>\n"
                written += paragraph.utf8.count
                answer += paragraph
            }
            body += """
                \(indent)  <response criterion="\(criterion.id)">
                \(indent)    <answer>
                \(answer)\(indent)    </answer>
                \(indent)    <evidence href="appendix-\(criterion.id).pdf">Evidence for \(criterion.id)</evidence>
                \(indent)  </response>

                """
        }
        return (header + body + "\(indent)</submission>\n", bidder, price)
    }

    /// Scores of one item never diverge: each member gives `base` or `base + 1`. Later rounds
    /// shift the base within the scale so every score changes.
    func score(member: Int, bid: Int, criterion: Int, round: Int) -> Int {
        var random = SeededGenerator(seed: options.seed ^ UInt64(bid * 7919 + criterion * 104_729 + 17))
        let base = random.int(in: 1...3)
        let shifted = (base - 1 + round) % 3 + 1
        return shifted + Int((UInt64(member + 1) &* 2_654_435_761 &+ UInt64(bid * 31 + criterion + round)) % 2)
    }

    private func writeScoresheets(round: Int, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (memberIndex, member) in members.enumerated() {
            var random = SeededGenerator(seed: options.seed &+ UInt64(memberIndex * 1000 + round))
            var out = "panelist,submission,criterion,score,rationale\n"
            for bid in 0..<options.bids where !isConflicted(member: memberIndex, bid: bid) {
                for (criterionIndex, criterion) in criteria.enumerated() {
                    let value = score(member: memberIndex, bid: bid, criterion: criterionIndex, round: round)
                    let why = round == 0 ? random.pick(Prose.rationales) : "Round \(round): " + random.pick(Prose.rationales)
                    out += "\(member.id),\(Tender.bidID(bid)),\(criterion.id),\(value),\"\(why)\"\n"
                }
            }
            try text(out).write(to: folder.appendingPathComponent("\(member.id).csv"))
        }
    }

    /// Streams bids into one file until it reaches --bulk-mb; ids start after the single bids.
    private func writeBulk(to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: url.path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? handle.close() }
        try handle.write(contentsOf: text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<submissions xmlns=\"urn:tenderscore:submission:1\">\n"))
        let limit = options.bulkMB * 1024 * 1024
        var written = 0
        var index = 0
        while written < limit {
            let bid = self.bid(index, idOffset: 100_000, indent: "  ").xml
            try handle.write(contentsOf: text(bid))
            written += bid.utf8.count
            index += 1
        }
        try handle.write(contentsOf: text("</submissions>\n"))
    }
}
