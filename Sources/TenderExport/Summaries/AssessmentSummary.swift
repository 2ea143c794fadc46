import Foundation
import TenderModel
import TenderScoring

/// The assessment summary one bidder receives with the award decision (Procurement Act 2023,
/// section 50; Procurement Regulations 2024, regulation 31), as an HTML page and as Markdown.
///
/// It gives the supplier (name, registered number, where based); the award criteria with their
/// weights, minimum scores and the scores available; the bidder's moderated score on each
/// criterion with the explanation the panel wrote for the bidder (``Consensus/bidderExplanation``)
/// or, where there is none, what the score means on the published scale; quality marks, price
/// marks and total. An unsuccessful bidder gets the winning bid's scores (without any of its
/// explanations) and a criterion-by-criterion comparison. A bid that failed a minimum score says so
/// first, in plain words. The winner's price is not disclosed, only its price marks.
///
/// What it never holds: a panel member's name, a score or note attributed to a member or a role,
/// a conflict of interest, the panel's internal moderation notes (``Consensus/rationale``) or
/// another bid's explanations. The panel's make-up is given only in aggregate, and only when no
/// role has a single member. Until the tender is finalised every page is marked DRAFT.
///
/// Summaries exist only for an award decision: a provisional ranking, a tie for first place or a
/// tender with no ranked bid is refused with ``ExportError``.
public struct AssessmentSummary: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        /// Ranked first: the intended award.
        case successful
        /// Ranked, but not first.
        case unsuccessful
        /// Not ranked: below a minimum score, or no usable price.
        case notRanked = "not-ranked"
    }

    /// The banner every page of an unfinalised tender's summary carries, after **DRAFT**.
    static let draftText =
        "the scores are not final yet and may still change. Do not send this summary to the bidder until the "
        + "tender has been finalised."

    public var submission: String
    public var bidder: String
    public var outcome: Outcome
    public var html: String
    public var markdown: String

    /// `BID-003-assessment-summary`: add `.html` or `.md`. An id that is not a plain, short file
    /// name gets a safe one (``OutputName/base(for:)``); ``write(_:to:protecting:)`` also keeps
    /// ids that differ only in case apart.
    public var fileBaseName: String { Self.fileBaseName(OutputName.base(for: submission)) }

    static func fileBaseName(_ base: String) -> String { "\(base)-assessment-summary" }

    /// One summary per bid, in submission id order. Each summary depends only on the report, so
    /// they are written on every core; the first error in that order is the one thrown.
    public static func all(for report: TenderReport) throws(ExportError) -> [AssessmentSummary] {
        let shared = try SummaryContent.Shared(report: report)
        let parts = try shared.parts()
        let results = report.submissions.map(\.id).concurrentMap(minimumCount: 2) { id in
            Result { () throws(ExportError) -> AssessmentSummary in
                try make(SummaryContent(submission: id, shared: shared), parts)
            }
        }
        var summaries: [AssessmentSummary] = []
        summaries.reserveCapacity(results.count)
        for result in results { summaries.append(try result.get()) }
        return summaries
    }

    /// The summary for one bid.
    public static func make(for submission: String, report: TenderReport) throws(ExportError) -> AssessmentSummary {
        let shared = try SummaryContent.Shared(report: report)
        return try make(SummaryContent(submission: submission, shared: shared), shared.parts())
    }

    private static func make(_ content: SummaryContent, _ parts: SummaryContent.SharedParts) -> AssessmentSummary {
        AssessmentSummary(
            submission: content.submission, bidder: content.bidder, outcome: content.outcome,
            html: content.html(parts), markdown: content.markdown(parts))
    }

    /// Writes every summary into `folder`, which must be new or empty, as
    /// `<id>-assessment-summary.html` and `.md` (see ``OutputFolder``); returns the files written.
    /// - Parameter protectedPaths: files never to be written over: the CLI passes the store and its
    ///   `-wal` and `-shm`.
    @discardableResult
    public static func write(
        _ summaries: [AssessmentSummary], to folder: URL, protecting protectedPaths: [URL] = []
    ) throws(ExportError) -> [URL] {
        let bases = OutputName.unique(summaries.map(\.submission))
        var files: [OutputFolder.File] = []
        for summary in summaries {
            let base = fileBaseName(bases[summary.submission] ?? summary.fileBaseName)
            files.append(.init(name: base + ".html", contents: summary.html))
            files.append(.init(name: base + ".md", contents: summary.markdown))
        }
        return try OutputFolder(path: folder, protecting: protectedPaths).write(files)
    }
}
