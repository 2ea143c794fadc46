import Foundation
import TenderExport
import TenderModel
import TenderScoring
import TenderStore

extension TenderView {
    /// The report every output is rendered from. A final report is refused, listing what is
    /// missing, while any item lacks a moderated score.
    ///
    /// `parts`: what the output shows beyond the ranking, agreement and co-production check
    /// (``OutputFormat/rankingParts``); a part left out is absent from the report (no
    /// sensitivity report, no import warnings).
    public func report(provisional: Bool, only parts: ReportParts = .all, generatedAt: Date = Date()) throws(StoreError)
        -> TenderReport
    {
        let mode: RankingMode = provisional ? .provisional : .final
        do {
            let ranking = try evaluation.ranking(mode)
            let evaluation = evaluation
            // The agreement statistics, the co-production check and the sensitivity analysis do
            // not depend on each other: they run side by side on every core.
            let besides = [ReportPart.agreement, .coProduction, .sensitivity].filter { parts.contains($0.parts) }
            var agreement: AgreementReport?
            var coProduction: CoProductionCheck?
            var sensitivity: SensitivityReport?
            for result in besides.concurrentMap(minimumCount: 2, { $0.work(evaluation, mode: mode, ranking: ranking) }) {
                switch try result.get() {
                case .agreement(let report): agreement = report
                case .coProduction(let check): coProduction = check
                case .sensitivity(let report): sensitivity = report
                }
            }
            return TenderReport(
                tender: summary.id, title: summary.title, evaluation: evaluation, ranking: ranking,
                agreement: agreement, coProduction: coProduction, sensitivity: sensitivity,
                importWarnings: parts.contains(.importWarnings) ? importWarnings : [:], isFinalised: summary.isFinalised,
                generatedAt: generatedAt)
        } catch {
            let pending = evaluation.pendingItems
            guard !pending.isEmpty else { throw StoreError(.invalidInput, error.message) }
            let lines = pending.map { "  \($0.item.submission) \($0.item.criterion): \($0.method.description)" }
            throw StoreError(
                .notReady,
                "\(pending.count) item\(pending.count == 1 ? " has" : "s have") no moderated score yet, so there is no final ranking "
                    + "(use --provisional to see where things stand):\n" + lines.joined(separator: "\n"))
        }
    }
}

/// The parts of a report worked out beside the ranking, each on its own core.
private enum ReportPart: Sendable {
    case agreement, coProduction, sensitivity

    enum Done: Sendable {
        case agreement(AgreementReport), coProduction(CoProductionCheck), sensitivity(SensitivityReport)
    }

    /// The ``ReportParts`` that ask for this part.
    var parts: ReportParts { self == .sensitivity ? .sensitivity : .statistics }

    func work(_ evaluation: Evaluation, mode: RankingMode, ranking: Ranking) -> Result<Done, ScoringError> {
        Result { () throws(ScoringError) -> Done in
            switch self {
            case .agreement: .agreement(evaluation.agreement())
            case .coProduction: .coProduction(evaluation.coProduction())
            case .sensitivity: .sensitivity(try evaluation.sensitivity(mode, ranking: ranking))
            }
        }
    }
}

extension Tender {
    /// What the decision report records beyond the ranking: the sign-off (who finalised, when,
    /// why, and the head hash of the finalising event), once the tender is final.
    /// The budget, given at set-up, comes from the first event; the conditions from the finalising
    /// one.
    public func decisionRecord(_ view: TenderView) async throws(StoreError) -> DecisionRecordInputs {
        let budget = try await storage.event(tender: id, sequence: 1)
            .flatMap { try? CanonicalJSON.decode(TenderCreatedPayload.self, from: $0.payload) }?.budgetAmount
        guard let finalisation = view.summary.finalisation else { return DecisionRecordInputs(budget: budget) }
        guard let event = try await storage.event(tender: id, sequence: Int64(finalisation.sequence)) else {
            throw StoreError(.damaged, "the finalising event \(finalisation.sequence) is missing; run verify")
        }
        let conditions = (try? CanonicalJSON.decode(FinalisedPayload.self, from: event.payload))?.awardConditions ?? []
        return DecisionRecordInputs(
            budget: budget,
            signOff: DecisionRecordInputs.SignOff(
                finalisedBy: finalisation.actor, finalisedAt: finalisation.recordedAt, reason: finalisation.reason,
                headHash: event.hash),
            conditions: conditions, summariesSentAt: try await firstSummarySent())
    }

    /// When the first assessment summary was recorded as published, from the history.
    func firstSummarySent() async throws(StoreError) -> Date? {
        let found = FirstPublication()
        try await storage.forEachEvent(tender: id) { record in
            guard found.at == nil, record.kind == EventKind.outputPublished.rawValue,
                let payload = try? CanonicalJSON.decode(PublicationPayload.self, from: record.payload),
                payload.what.lowercased().contains("assessment summar")
            else { return }
            found.at = Timestamp.date(record.recordedAt)
        }
        return found.at
    }
}

/// The first publication's time, found while the history streams past.
private final class FirstPublication: @unchecked Sendable {
    var at: Date?
}
