import TenderModel
import TenderScoring
import TenderStore

extension Tender {
    /// Records the score the panel agreed for one item in moderation. The members' own scores
    /// stay on record beside it. A consensus already recorded changes only with a reason, and
    /// the history keeps the old one.
    ///
    /// Refused while any member who may score the item has not (moderation opens only when every
    /// eligible member has scored independently); refused when the person recording it, or
    /// anyone named as attending or dissenting, declared a conflict with the bid.
    ///
    /// `rationale` is the panel's internal note, for the record and auditors; `bidderExplanation`
    /// is what the bidder is told in their assessment summary, written by reference to their own
    /// tender. The result warns when that text names another bidder of this tender.
    @discardableResult
    public func agree(
        submission: String, criterion: String, value: Int, rationale: String, bidderExplanation: String? = nil,
        attendees: [String] = [], dissenters: [String] = [], by person: ActingPerson, reason: String? = nil
    ) async throws(StoreError) -> AgreedScore {
        let reason = try TextInput.reason(reason)
        let rationale = try TextInput.paragraph(rationale, what: "rationale")
        var written: String?
        if let bidderExplanation {
            let text = try TextInput.paragraph(bidderExplanation, what: "explanation for the bidder")
            written = text.isEmpty ? nil : text
        }
        let explanation = written
        return try await change(by: person) { snapshot, recorder in
            let view = try TenderView(snapshot: snapshot, reader: person)
            let panel = view.panel
            if let member = person.member(of: panel), panel.isConflicted(member: member.id, submission: submission) {
                throw StoreError(
                    .forbidden,
                    "\(member.id) declared a conflict with \(submission), so may not record or take part in its moderation.")
            }
            let item = ItemKey(submission: submission, criterion: criterion)
            // Awaiting scores whatever the scores so far say: an item whose first scores already
            // diverge, or that nobody has scored, is not open either.
            if let moderated = view.evaluation.moderated[item], case let awaiting = moderated.scores.awaiting, !awaiting.isEmpty {
                throw StoreError(
                    .notReady,
                    "moderation of \(submission) \(criterion) is not open yet: awaiting scores from \(awaiting.joined(separator: ", ")). "
                        + "Every member who may score an item scores it independently first.")
            }
            var problems: [String] = []
            if !snapshot.submissions.contains(where: { $0.submission.id == submission }) {
                problems.append("there is no submission \(submission) in this tender")
            }
            if snapshot.criteria.criterion(criterion) == nil {
                let known = snapshot.criteria.criteria.map(\.id).joined(separator: ", ")
                problems.append("'\(criterion)' is not a criterion of \(snapshot.criteria.id) (its criteria are \(known))")
            }
            if !snapshot.criteria.scale.contains(value) {
                problems.append("score \(value) is outside the scale \(snapshot.criteria.scale.rangeDescription)")
            }
            if rationale.isEmpty {
                problems.append("a consensus needs a rationale saying why the panel agreed it")
            }
            for member in attendees + dissenters {
                if panel.member(member) == nil {
                    problems.append("'\(member)' is not a member of the panel")
                } else if panel.isConflicted(member: member, submission: submission) {
                    problems.append("'\(member)' declared a conflict with \(submission) and may not take part in its moderation")
                }
            }
            if let absent = dissenters.first(where: { !attendees.contains($0) }) {
                problems.append("'\(absent)' is named as dissenting but not as present")
            }
            problems += Self.quorumProblems(
                attendees: attendees, submission: submission, panel: panel, quorum: snapshot.criteria.quorum)
            guard problems.isEmpty else {
                throw StoreError(
                    .invalidInput,
                    "The consensus for \(submission) on '\(criterion)' was not recorded: " + problems.joined(separator: "; ") + ".")
            }
            let earlier = snapshot.consensus.first { $0.consensus.submission == submission && $0.consensus.criterion == criterion }
            if let earlier {
                let same =
                    earlier.consensus.value == value && earlier.consensus.rationale == rationale
                    && earlier.consensus.attendees == attendees && earlier.consensus.dissenters == dissenters
                    && explanation == nil
                if same { return AgreedScore(consensus: earlier.consensus, warnings: []) }
                guard reason != nil else {
                    throw StoreError(
                        .reasonRequired,
                        "The panel already agreed \(submission) on '\(criterion)' at \(earlier.consensus.value) (event \(earlier.sequence)); changing it needs a reason (--reason).")
                }
            }
            let consensus = Consensus(
                submission: submission, criterion: criterion, value: value, rationale: rationale, attendees: attendees,
                dissenters: dissenters, recordedBy: recorder.actor, recordedAt: recorder.time, bidderExplanation: explanation)
            _ = try recorder.append(
                earlier == nil ? .consensusRecorded : .consensusChanged,
                ConsensusPayload(
                    consensus: consensus, amends: earlier?.sequence,
                    previous: earlier.map { ConsensusPayload.Previous(value: $0.consensus.value, rationale: $0.consensus.rationale) }),
                reason: reason)
            let others = snapshot.submissions.map(\.submission).filter { $0.id != submission }
            return AgreedScore(consensus: consensus, warnings: Self.otherBiddersNamed(in: explanation ?? "", others: others))
        }
    }

    /// Warnings for an explanation meant for one bidder that names another bidder of the tender
    /// (its name or its id): the summary goes to that bidder alone.
    static func otherBiddersNamed(in text: String, others: [Submission]) -> [String] {
        let folded = text.lowercased()
        guard !folded.isEmpty else { return [] }
        return others.compactMap { other in
            let names = [other.bidder.name, other.id] + other.bidder.alsoKnownAs
            guard let named = names.first(where: { !$0.isEmpty && folded.contains($0.lowercased()) }) else { return nil }
            return "the explanation for the bidder names \(named), another bidder of this tender (\(other.id)); the summary goes to one bidder only, so leave other bidders out"
        }
    }

    /// What the quorum (``ModerationQuorum``) finds missing in `attendees`, in words.
    static func quorumProblems(attendees: [String], submission: String, panel: Panel, quorum: ModerationQuorum) -> [String] {
        let eligible = panel.members.filter { !panel.isConflicted(member: $0.id, submission: submission) }
        let present = eligible.filter { attendees.contains($0.id) }
        let needed = quorum.required(of: eligible.count)
        guard !attendees.isEmpty else {
            return [
                "a consensus records who agreed it: name the members present with --attendees (at least \(needed) of the \(eligible.count) who may score \(submission))"
            ]
        }
        var problems: [String] = []
        if present.count < needed {
            problems.append(
                "\(present.count) of the \(eligible.count) members who may score \(submission) \(present.count == 1 ? "was" : "were") present; the quorum is \(needed) (\(quorum.share) percent)")
        }
        let voices = eligible.filter { $0.role.bringsLivedExperience }
        if quorum.livedExperience, !voices.isEmpty, !present.contains(where: { $0.role.bringsLivedExperience }) {
            let names = voices.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
            problems.append(
                "no expert by experience or carer was present; at least one must be, so that their view is heard, not averaged away (\(names))")
        }
        return problems
    }

    /// Finalises the tender: the scores and decisions on record become the ones the award rests
    /// on, and every later change is refused. Refused while any item lacks a moderated score:
    /// checked inside the same write, so a bid imported meanwhile is either in the finalised
    /// tender with its scores, or the finalisation is refused. Returns the hash of the
    /// finalising event, the head of the history, for the award record.
    public func finalise(reason: String, conditions: [String] = [], by person: ActingPerson) async throws(StoreError) -> String {
        var checked: [String] = []
        for condition in conditions {
            let text = try TextInput.paragraph(condition, what: "condition on the award")
            if !text.isEmpty { checked.append(text) }
        }
        let conditions = checked
        guard let reason = try TextInput.reason(reason) else {
            throw StoreError(.reasonRequired, "Finalising needs a reason (--reason), for the award record.")
        }
        return try await change(by: person) { snapshot, recorder in
            let view = try TenderView(snapshot: snapshot, reader: person)
            let pending = view.evaluation.pendingItems
            guard pending.isEmpty else {
                let lines = pending.map { "  \($0.item.submission) \($0.item.criterion): \($0.method.description)" }
                throw StoreError(
                    .notReady,
                    "\(pending.count) item\(pending.count == 1 ? " has" : "s have") no moderated score yet, so the tender cannot be finalised:\n"
                        + lines.joined(separator: "\n"))
            }
            let event = try recorder.append(
                .tenderFinalised,
                FinalisedPayload(tender: snapshot.id, events: recorder.sink.eventCount, conditions: conditions), reason: reason)
            return event.hash
        }
    }
}

/// A consensus as recorded, with anything the person recording it should look at again.
public struct AgreedScore: Sendable {
    public var consensus: Consensus
    /// Plain-words warnings (an explanation for a bidder that names another bidder).
    public var warnings: [String]
}
