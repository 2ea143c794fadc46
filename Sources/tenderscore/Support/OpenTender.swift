import Foundation
import TenderModel
import TenderScoring
import TenderStore

/// A store opened for one command, with everything scoring needs read from it once.
struct OpenTender {
    let record: TenderRecord
    let summary: TenderSummary
    let criteria: Criteria
    let panel: Panel
    let submissions: [Submission]
    let scores: [Score]
    let consensus: [Consensus]
    let evaluation: Evaluation

    init(_ options: StoreOptions, readOnly: Bool = false) throws {
        try self.init(record: TenderRecord.open(at: options.storePath, readOnly: readOnly))
    }

    /// Reads everything from a store a command has already opened.
    init(record: TenderRecord) throws {
        self.record = record
        summary = try record.tender()
        criteria = try record.criteria()
        guard let panel = try record.panel() else {
            throw Refusal("no panel is recorded yet; import it first with 'tenderscore panel import FILE'")
        }
        self.panel = panel
        submissions = try record.submissions()
        scores = try record.scores()
        consensus = try record.consensus()
        do {
            evaluation = try Evaluation(
                criteria: criteria, submissions: submissions, panel: panel, scores: scores, consensus: consensus)
        } catch {
            throw Refusal("the stored scores cannot be evaluated: \(error.message)")
        }
    }

    /// Items a member may score and has not yet: conflicts excluded.
    func outstanding(for member: String) -> [ItemKey] {
        evaluation.items.filter { $0.scores.eligible.contains(member) && $0.scores.scores[member] == nil }.map(\.item)
    }

    /// Independence: no member sees another member's scores before scoring every item they may
    /// score. People who are not on the panel (commissioners running the tender, auditors) may.
    func requireIndependenceRespected(actor: String, doing what: String) throws {
        guard panel.member(actor) != nil else { return }
        let missing = outstanding(for: actor)
        guard missing.isEmpty else {
            throw Refusal(
                "\(actor) has \(missing.count) item\(missing.count == 1 ? "" : "s") still to score, so cannot \(what) yet: "
                    + "panel members see each other's scores only after scoring everything they may score independently")
        }
    }

    func memberName(_ id: String) -> String {
        panel.member(id).map { "\($0.name) (\($0.role.rawValue))" } ?? id
    }
}
