import Foundation
import TenderModel

/// `pack --panelist ID --output DIR [--anonymise]`: what one panel member reads to score the bids.
///
/// One HTML page per bid they may score (bids they declared a conflict with are left out, and the
/// index says so), an index page, the evidence files the caller supplied, and their blank
/// scoresheet as CSV (`panelist,submission,criterion,score,rationale,bidder,question`, one row per
/// item, score and rationale empty; the last two columns only help the reader, and import ignores
/// them). Panels are co-produced, so every member must be able to score from the pack alone: each
/// bid page opens with an easy-read summary and what to do, gives the scale once with symbols that
/// do not rely on colour, then each question with what to look for, its minimum score and word
/// limit, and the bid's full answer. An answer over its word limit carries a visible marker where
/// the limit falls, and the words after it are still shown. Prices are never in the pack: quality
/// is scored blind to price.
///
/// `anonymise` replaces each bidder's name with a neutral label, `Bidder A`, `Bidder B`..., given
/// in submission id order over every bid in the tender (so two members' packs agree), both in the
/// heading and wherever any bidder's name appears in the answers (also without a legal suffix
/// such as `Ltd` or `CIC`: bids sometimes name other bidders as partners), and each name the
/// bidder declared it also trades under (``Bidder/alsoKnownAs``); whole words only, without regard
/// to case, longest first. Distinctive names of their own projects or staff are not found this way: the
/// commissioners should still read the bids before issuing anonymised packs.
public struct EvaluationPack: Sendable, Hashable {
    /// A file of the pack: its name inside the output folder and its contents.
    public struct File: Sendable, Hashable {
        public var name: String
        /// The file's bytes: UTF-8 text for the pages and the scoresheet, as given for evidence.
        public var data: Data

        init(name: String, data: Data) {
            self.name = name
            self.data = data
        }

        init(name: String, text: String) { self.init(name: name, data: Data(text.utf8)) }

        /// The file as text, for the pages and the scoresheet.
        public var contents: String { String(decoding: data, as: UTF8.self) }
    }

    public var panelist: String
    public var files: [File]

    /// Builds the pack in memory.
    /// - Parameters:
    ///   - importWarnings: by submission id, shown on that bid's page.
    ///   - evidence: by submission id, the bytes of the evidence files the bid names (matched by
    ///     `href`), copied into the pack and linked from the answers; a named file not given here
    ///     is listed as not supplied with the pack. Files of conflicted bids are never copied.
    /// - Throws: ``ExportError`` (`unknownMember`) when `panelist` is not on the panel.
    public init(
        tender: String, title: String, criteria: Criteria, submissions: [Submission], panel: Panel, panelist: String,
        anonymise: Bool = false, importWarnings: [String: [String]] = [:], evidence: [String: [EvidenceFile]] = [:],
        generatedAt: Date
    ) throws(ExportError) {
        guard let member = panel.member(panelist) else {
            let known = panel.members.map(\.id).sorted().joined(separator: ", ")
            throw ExportError(.unknownMember, "\(panelist) is not on the panel (its members are \(known))")
        }
        self.panelist = panelist
        let all = submissions.sorted { $0.id < $1.id }
        let labels = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.id, Self.label(index: $0)) })
        let eligible = all.filter { !panel.isConflicted(member: panelist, submission: $0.id) }
        // A bid called `index` must not replace the index page, nor `BID-1` and `bid-1` each other.
        let sheet = Self.scoresheetName(panelist)
        let bases = OutputName.unique(
            eligible.map(\.id), reserved: ["index", String(sheet.dropLast(".csv".count))])
        let pageNames = Dictionary(uniqueKeysWithValues: eligible.map { ($0.id, (bases[$0.id] ?? $0.id) + ".html") })
        let conflicted = all.filter { panel.isConflicted(member: panelist, submission: $0.id) }
        let context = PackContext(
            tender: tender, title: title, criteria: criteria, member: member, anonymise: anonymise, labels: labels,
            generatedAt: Wording.humanDateTime(generatedAt),
            replacements: anonymise
                ? all.flatMap { submission in
                    PackContext.nameVariants(submission.bidder).map { ($0, labels[submission.id] ?? submission.id) }
                } : [])

        var files: [File] = []
        files.append(
            File(
                name: "index.html",
                text: try HTMLTemplates.render(
                    context.indexView(eligible: eligible, conflicted: conflicted, panel: panel, pageNames: pageNames), template: "pack-index")))
        var copies: [File] = []
        for submission in eligible {
            let referenced = criteria.criteria.flatMap { submission.response(to: $0.id)?.evidence ?? [] }
            let copied = EvidenceCopies(
                base: bases[submission.id] ?? OutputName.base(for: submission.id), referenced: referenced,
                supplied: evidence[submission.id] ?? [])
            copies += copied.files
            files.append(
                File(
                    name: pageNames[submission.id] ?? "\(submission.id).html",
                    text: try HTMLTemplates.render(
                        context.bidView(submission, warnings: importWarnings[submission.id] ?? [], evidence: copied),
                        template: "pack-bid")))
        }
        files.append(File(name: sheet, text: Self.scoresheet(panelist, eligible, criteria, names: context.name(of:))))
        files += copies
        self.files = files
    }

    /// Writes the pack's files into `folder`, which must be new or empty (an old pack's files,
    /// perhaps a bid this member is conflicted with, must never be left beside the new ones; see
    /// ``OutputFolder``); returns the files written.
    /// - Parameter protectedPaths: files never to be written over: the CLI passes the store and its
    ///   `-wal` and `-shm`.
    @discardableResult
    public func write(to folder: URL, protecting protectedPaths: [URL] = []) throws(ExportError) -> [URL] {
        try OutputFolder(path: folder, protecting: protectedPaths).write(
            files.map { OutputFolder.File(name: $0.name, contents: $0.data) })
    }

    /// `scoresheet-p-amira.csv` (a safe name derived from the id, see ``OutputName/base(for:)``).
    public static func scoresheetName(_ panelist: String) -> String { "scoresheet-\(OutputName.base(for: panelist)).csv" }

    /// The blank scoresheet: the five columns import reads, then the bidder's name (its label in
    /// an anonymised pack) and the question's title, so that a member filling it in a spreadsheet
    /// sees what each row is without looking ids up. Import ignores extra columns.
    static func scoresheet(
        _ panelist: String, _ submissions: [Submission], _ criteria: Criteria, names: (Submission) -> String
    ) -> String {
        var rows = ["panelist,submission,criterion,score,rationale,bidder,question"]
        for submission in submissions {
            // The name comes marked for a page; a spreadsheet cell gets it plain.
            let bidder = BidiText.plain(names(submission))
            for criterion in criteria.criteria {
                rows.append(
                    [panelist, submission.id, criterion.id, "", "", bidder, criterion.title]
                        .map { RankingCSV.quoted(RankingCSV.neutralised($0)) }
                        .joined(separator: ","))
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    /// `Bidder A` … `Bidder Z`, then `Bidder AA`, `Bidder AB`…
    static func label(index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var name = ""
        var value = index
        repeat {
            name = String(letters[value % 26]) + name
            value = value / 26 - 1
        } while value >= 0
        return "Bidder \(name)"
    }
}
