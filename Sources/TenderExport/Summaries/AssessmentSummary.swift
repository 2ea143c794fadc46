import Foundation
import TenderModel
import TenderScoring

/// The assessment summary one bidder receives with the award decision (Procurement Act 2023,
/// section 50; Procurement Regulations 2024, regulation 31), as an HTML page and as Markdown.
///
/// It gives the award criteria and weights; the bidder's moderated score on each criterion with
/// the reasons for it (the rationale the panel agreed in moderation, or, where the middle of the
/// panel's scores stands, each member's own rationale, attributed by role, never by name); their
/// price marks and total. An unsuccessful bidder gets the same for the winning bid and a
/// criterion-by-criterion comparison saying where theirs scored lower. A bid that failed a minimum
/// score says so first, in plain words. The winner's price is not disclosed, only its price marks.
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

    public var submission: String
    public var bidder: String
    public var outcome: Outcome
    public var html: String
    public var markdown: String

    /// `BID-003-assessment-summary`: add `.html` or `.md`.
    public var fileBaseName: String { "\(submission)-assessment-summary" }

    /// One summary per bid, in submission id order.
    public static func all(for report: TenderReport) throws(ExportError) -> [AssessmentSummary] {
        var summaries: [AssessmentSummary] = []
        for submission in report.submissions {
            summaries.append(try make(for: submission.id, report: report))
        }
        return summaries
    }

    /// The summary for one bid.
    public static func make(for submission: String, report: TenderReport) throws(ExportError) -> AssessmentSummary {
        let content = try SummaryContent(submission: submission, report: report)
        return AssessmentSummary(
            submission: submission, bidder: content.bidder, outcome: content.outcome,
            html: try HTMLTemplates.render(content.view(), template: "assessment-summary"),
            markdown: content.markdown())
    }

    /// Writes every summary into `folder` as `<id>-assessment-summary.html` and `.md`; returns the
    /// files written.
    @discardableResult
    public static func write(_ summaries: [AssessmentSummary], to folder: URL) throws(ExportError) -> [URL] {
        var files: [(URL, String)] = []
        for summary in summaries {
            files.append((folder.appendingPathComponent(summary.fileBaseName + ".html"), summary.html))
            files.append((folder.appendingPathComponent(summary.fileBaseName + ".md"), summary.markdown))
        }
        return try OutputFolder.write(files, to: folder)
    }
}
