import Foundation

/// The repository's real documents, found from this file (through the scratch package's
/// symlinks too): the sample tender every test target uses.
public enum SampleTender {
    public static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let criteria = root.appendingPathComponent("Criteria/coproduction-commissioning.xml").path
    public static let otherCriteria = root.appendingPathComponent("Criteria/community-grants.xml").path
    public static let panel = root.appendingPathComponent("Samples/panel.xml").path
    public static let bidsFolder = root.appendingPathComponent("Samples/bids").path
    public static var bids: [String] {
        (1...7).map { root.appendingPathComponent("Samples/bids/BID-00\($0).xml").path }
    }
    public static let scoresheets = root.appendingPathComponent("Samples/scoresheets").path
    public static let samplesFolder = root.appendingPathComponent("Samples").path
    public static let moderation = root.appendingPathComponent("Samples/moderation.tsv").path
    public static let tender = "TND-2026-014"
    /// The two bids sent as filled-in response forms: one folder each, the form and a PDF appendix.
    public static var formBids: [String] {
        ["BID-008", "BID-009"].map { root.appendingPathComponent("Samples/forms/\($0)").path }
    }
    /// Each member's scores of the two form bids, a second sheet beside their first.
    public static let formScoresheets = root.appendingPathComponent("Samples/scoresheets-forms").path
    /// `../shared/testdata` beside the repository.
    public static let sharedTestData = root.deletingLastPathComponent().appendingPathComponent("shared/testdata").path
}
