import Foundation
import TenderModel
import TenderScoring

/// Everything the exporters need to write a ranking, a decision record or an assessment summary:
/// one evaluation, ranked once, with the checks that go beside it.
///
/// The CLI builds it from the store; every renderer reads it and nothing else, so all formats of
/// one `rank` run show the same numbers. `generatedAt` is given, never read from the clock here,
/// so that the same inputs always give byte-identical outputs.
///
/// ```swift
/// let evaluation = try Evaluation(criteria: criteria, submissions: bids, panel: panel,
///                                 scores: scores, consensus: agreed)
/// let report = try TenderReport(tender: "TND-2026-014", title: "Westfield Community Connections",
///                               evaluation: evaluation, mode: .final, generatedAt: now)
/// print(RankingTable.render(report))
/// ```
public struct TenderReport: Sendable {
    /// The tender id (`TND-2026-014`).
    public var tender: String
    /// The tender's title, as commissioners call it.
    public var title: String
    public var evaluation: Evaluation
    public var ranking: Ranking
    /// The agreement statistics, worked out when the report was made, or now (each time it is
    /// asked for) when the report was made without them: only the decision report shows them,
    /// and for a national framework they were a tenth of `rank --format json` each.
    public var agreement: AgreementReport { workedOutAgreement ?? evaluation.agreement() }
    /// The co-production check, as ``agreement``.
    public var coProduction: CoProductionCheck { workedOutCoProduction ?? evaluation.coProduction() }
    private var workedOutAgreement: AgreementReport?
    private var workedOutCoProduction: CoProductionCheck?
    /// Nil when it could not be worked out (it never fails for a ranking that exists; kept
    /// optional so that a caller may leave it out of a quick provisional run).
    public var sensitivity: SensitivityReport?
    /// Warnings from import (a missing response, an answer over the word limit), by submission id,
    /// in plain words. Shown on every report and in the evaluation pack.
    public var importWarnings: [String: [String]]
    /// True once `tenderscore finalise` has frozen the scores: the JSON's `"final"`.
    public var isFinalised: Bool
    /// When the report was produced; printed on every page and used as the OCDS dates.
    public var generatedAt: Date

    /// A report from parts already worked out; `agreement` and `coProduction` may be left to be
    /// worked out when asked for.
    public init(
        tender: String, title: String, evaluation: Evaluation, ranking: Ranking, agreement: AgreementReport?,
        coProduction: CoProductionCheck?, sensitivity: SensitivityReport?, importWarnings: [String: [String]] = [:],
        isFinalised: Bool = false, generatedAt: Date
    ) {
        self.tender = tender
        self.title = title
        self.evaluation = evaluation
        self.ranking = ranking
        self.workedOutAgreement = agreement
        self.workedOutCoProduction = coProduction
        self.sensitivity = sensitivity
        self.importWarnings = importWarnings
        self.isFinalised = isFinalised && ranking.isFinal
        self.generatedAt = generatedAt
    }

    /// Ranks the evaluation in `mode` and works out agreement, co-production and sensitivity.
    /// - Throws: ``ScoringError`` with code `missingModeratedScores` in `.final` mode while items
    ///   lack a moderated score (the CLI lists them and suggests `--provisional`).
    public init(
        tender: String, title: String, evaluation: Evaluation, mode: RankingMode,
        importWarnings: [String: [String]] = [:], isFinalised: Bool = false, generatedAt: Date
    ) throws(ScoringError) {
        self.init(
            tender: tender, title: title, evaluation: evaluation, ranking: try evaluation.ranking(mode),
            agreement: evaluation.agreement(), coProduction: evaluation.coProduction(),
            sensitivity: try evaluation.sensitivity(mode), importWarnings: importWarnings, isFinalised: isFinalised,
            generatedAt: generatedAt)
    }

    public var criteria: Criteria { evaluation.criteria }
    public var submissions: [Submission] { evaluation.submissions }
    public var panel: Panel { evaluation.panel }
    public var scores: [Score] { evaluation.scores }
    public var consensus: [Consensus] { evaluation.consensus }

    /// False for a provisional ranking: it shows where things stand, never who has won.
    public var isProvisional: Bool { !ranking.isFinal }

    /// The bid with this id.
    public func submission(_ id: String) -> Submission? { submissions.first { $0.id == id } }

    /// Warnings every report must carry: the co-production warning, then the ranking's notes.
    public var reportWarnings: [String] {
        (CoProductionCheck.warning(isCoProduced: panel.isCoProduced).map { [$0] } ?? []) + ranking.notes
    }
}
