import Foundation
import TenderModel

/// `pack --panelist ID --output DIR [--anonymise]`: what one panel member reads to score the bids.
///
/// One HTML page per bid they may score (bids they declared a conflict with are left out, and the
/// index says so), an index page, and their blank scoresheet as CSV
/// (`panelist,submission,criterion,score,rationale`, one row per item, score and rationale
/// empty). Each bid page sets every criterion's question, guidance and scale descriptors beside
/// the bid's answer; an answer over its word limit carries a visible marker where the limit
/// falls, and the words after it are still shown. Prices are never in the pack: quality is scored
/// blind to price.
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
        public var contents: String
    }

    public var panelist: String
    public var files: [File]

    /// Builds the pack in memory.
    /// - Parameter importWarnings: by submission id, shown on that bid's page.
    /// - Throws: ``ExportError`` (`unknownMember`) when `panelist` is not on the panel.
    public init(
        tender: String, title: String, criteria: Criteria, submissions: [Submission], panel: Panel, panelist: String,
        anonymise: Bool = false, importWarnings: [String: [String]] = [:], generatedAt: Date
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
                contents: try HTMLTemplates.render(
                    context.indexView(eligible: eligible, conflicted: conflicted, panel: panel, pageNames: pageNames), template: "pack-index")))
        for submission in eligible {
            files.append(
                File(
                    name: pageNames[submission.id] ?? "\(submission.id).html",
                    contents: try HTMLTemplates.render(
                        context.bidView(submission, warnings: importWarnings[submission.id] ?? []), template: "pack-bid")))
        }
        files.append(File(name: sheet, contents: Self.scoresheet(panelist, eligible, criteria)))
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
            files.map { OutputFolder.File(name: $0.name, contents: $0.contents) })
    }

    /// `scoresheet-p-amira.csv` (a safe name derived from the id, see ``OutputName/base(for:)``).
    public static func scoresheetName(_ panelist: String) -> String { "scoresheet-\(OutputName.base(for: panelist)).csv" }

    /// The blank scoresheet: the header SPEC.md fixes, one row per item the member may score.
    static func scoresheet(_ panelist: String, _ submissions: [Submission], _ criteria: Criteria) -> String {
        var rows = ["panelist,submission,criterion,score,rationale"]
        for submission in submissions {
            for criterion in criteria.criteria {
                rows.append(
                    [panelist, submission.id, criterion.id, "", ""].map { RankingCSV.quoted(RankingCSV.neutralised($0)) }
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
