/// The parts of a ranking report that only some outputs show, so that the others need not work
/// them out: the sensitivity report re-ranks the tender a dozen times, and the import warnings
/// are worked out from every answer of every bid (hundreds of megabytes on a national framework).
public struct ReportParts: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let sensitivity = ReportParts(rawValue: 1 << 0)
    public static let importWarnings = ReportParts(rawValue: 1 << 1)
    /// The agreement statistics and the co-production check, worked out up front (otherwise
    /// each time the report is asked for them).
    public static let statistics = ReportParts(rawValue: 1 << 2)
    public static let all: ReportParts = [.sensitivity, .importWarnings, .statistics]
}
