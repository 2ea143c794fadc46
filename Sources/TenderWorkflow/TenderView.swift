import Foundation
import TenderModel
import TenderScoring
import TenderStore
import TenderXML

/// What one person may see of a tender at one moment: the snapshot and its evaluation, read
/// once, after the independence rule has let them in.
public struct TenderView: Sendable {
    public let snapshot: TenderSnapshot
    public let panel: Panel
    public let evaluation: Evaluation
    public let reader: ActingPerson

    public var summary: TenderSummary { snapshot.summary }
    public var criteria: Criteria { snapshot.criteria }
    public var submissions: [Submission] { evaluation.submissions }
    public var scores: [Score] { evaluation.scores }
    public var consensus: [Consensus] { evaluation.consensus }

    init(snapshot: TenderSnapshot, reader: ActingPerson) throws(StoreError) {
        guard let panel = snapshot.panel?.panel else {
            throw StoreError(.notReady, "no panel is recorded yet; import it first with 'tenderscore panel import FILE'")
        }
        self.snapshot = snapshot
        self.panel = panel
        self.reader = reader
        do {
            evaluation = try Evaluation(
                criteria: snapshot.criteria, submissions: snapshot.submissions.map(\.submission), panel: panel,
                scores: snapshot.scores.map(\.score), consensus: snapshot.consensus.map(\.consensus))
        } catch {
            throw StoreError(.damaged, "the stored scores cannot be evaluated: \(error.message)")
        }
    }

    /// Items a member may score and has not yet: conflicts excluded.
    public func outstanding(for member: String) -> [ItemKey] {
        evaluation.items.filter { $0.scores.eligible.contains(member) && $0.scores.scores[member] == nil }.map(\.item)
    }

    /// "Amira Khan (expert-by-experience)", or the id alone for someone not on the panel.
    public func memberName(_ id: String) -> String {
        panel.member(id).map { "\($0.name) (\($0.role.rawValue))" } ?? id
    }

    /// Independence: a panel member sees no other member's scores before scoring every item
    /// they may score. People who are not on the panel (commissioners running the tender,
    /// auditors) may.
    ///
    /// A member who scores in the web app (they made their conflict declaration there) must also
    /// have handed in: before hand-in they may change their scores without a reason, so seeing
    /// the others' first would let them move towards the panel unseen. A member whose whole
    /// scoresheet the commissioner imports hands it in by that import.
    func requireIndependence(doing what: String) throws(StoreError) {
        guard let member = reader.member(of: panel) else { return }
        let missing = outstanding(for: member.id)
        guard missing.isEmpty else {
            throw StoreError(
                .forbidden,
                "\(member.id) has \(missing.count) item\(missing.count == 1 ? "" : "s") still to score, so cannot \(what) yet: "
                    + "panel members see each other's scores only after scoring everything they may score independently")
        }
        if snapshot.hasDeclared(member.id), snapshot.handIns[member.id] == nil {
            throw StoreError(
                .forbidden,
                "\(member.id) has not handed in their scores yet, so cannot \(what) yet: "
                    + "panel members see each other's scores only after handing in their own")
        }
    }

    /// The warnings each stored bid carries (a missing response, an answer over its word limit),
    /// worked out again from the bid itself so that every report shows them. Needs a view read
    /// with the bids' answers or their word counts (``TenderStore/SnapshotScope/wordCounts``).
    public var importWarnings: [String: [String]] {
        let (tender, criteria) = (summary.id, criteria)
        // Every bid is checked again: on every core.
        let found = submissions.concurrentMap(minimumCount: 64) { submission in
            ImportChecks.check(submission, tender: tender, criteria: criteria).filter { $0.severity == .warning }.map(\.message)
        }
        var warnings: [String: [String]] = [:]
        for (submission, messages) in zip(submissions, found) where !messages.isEmpty {
            warnings[submission.id] = messages
        }
        return warnings
    }
}

extension Tender {
    /// The tender for `person`, who is about to `what` ("see the ranking"): refused to a panel
    /// member who has not yet scored everything they may score. `what` nil: no other member's
    /// scores are shown, so independence does not apply.
    public func view(for person: ActingPerson, doing what: String?, _ scope: SnapshotScope = []) async throws(StoreError)
        -> TenderView
    {
        var snapshot = try await snapshot(scope)
        if !scope.isDisjoint(with: [.responses, .wordCounts]) {
            // What each bidder is told sits in the consensus event, not a table column: read the
            // few consensus events for the views that read the bids (the outputs among them).
            for index in snapshot.consensus.indices {
                let row = snapshot.consensus[index]
                guard let event = try await storage.event(tender: id, sequence: row.sequence) else { continue }
                snapshot.consensus[index].consensus.bidderExplanation =
                    (try? CanonicalJSON.decode(ConsensusPayload.self, from: event.payload))?.explanationForBidder
            }
        }
        let view = try TenderView(snapshot: snapshot, reader: person)
        if let what { try view.requireIndependence(doing: what) }
        return view
    }
}
