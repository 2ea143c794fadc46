/// Krippendorff's plain-words reading of an alpha (2004, "Content Analysis", §11.4.4).
public enum Reliability: String, Sendable, Hashable, CaseIterable {
    /// alpha below 0.667: the panel's scores do not agree well enough to rely on.
    case unreliable
    /// 0.667 ≤ alpha < 0.8: good enough only for tentative conclusions.
    case tentative
    /// alpha of 0.8 or more.
    case reliable

    public init(alpha: Double) {
        if alpha < 0.667 {
            self = .unreliable
        } else if alpha < 0.8 {
            self = .tentative
        } else {
            self = .reliable
        }
    }
}
