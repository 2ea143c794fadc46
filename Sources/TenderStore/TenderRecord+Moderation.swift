import GRDB
import TenderModel

extension TenderRecord {
    /// Records the score the panel agreed for one item in moderation. The members' own scores
    /// stay on record beside it. A consensus already recorded changes only with a reason, and
    /// the history keeps the old one. Members conflicted with the bid may not take part.
    @discardableResult
    public func recordConsensus(
        submission: String, criterion: String, value: Int, rationale: String, attendees: [String] = [],
        dissenters: [String] = [], actor: String, reason: String? = nil
    ) throws(StoreError) -> Consensus {
        let actor = try Validation.actor(actor)
        let reason = Validation.reason(reason)
        let rationale = rationale.trimmingWhitespace
        let time = now()
        return try write { db in
            try ProjectionReader.requireOpenForChanges(db)
            let tender = try ProjectionReader.tender(db)
            guard let panel = try ProjectionReader.panel(db)?.panel else {
                throw StoreError(.notReady, "No panel is recorded yet: import the panel before moderation.")
            }
            var problems: [String] = []
            if try !ProjectionReader.submissions(db).contains(where: { $0.submission.id == submission }) {
                problems.append("there is no submission \(submission) in this tender")
            }
            if tender.criteria.criterion(criterion) == nil {
                let known = tender.criteria.criteria.map(\.id).joined(separator: ", ")
                problems.append("'\(criterion)' is not a criterion of \(tender.criteria.id) (its criteria are \(known))")
            }
            if !tender.criteria.scale.contains(value) {
                problems.append("score \(value) is outside the scale \(tender.criteria.scale.rangeDescription)")
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
            if !attendees.isEmpty, let absent = dissenters.first(where: { !attendees.contains($0) }) {
                problems.append("'\(absent)' is named as dissenting but not as present")
            }
            guard problems.isEmpty else {
                throw StoreError(
                    .invalidInput,
                    "The consensus for \(submission) on '\(criterion)' was not recorded: " + problems.joined(separator: "; ") + ".")
            }
            let earlier = try ProjectionReader.consensus(db).first {
                $0.consensus.submission == submission && $0.consensus.criterion == criterion
            }
            if let earlier {
                let same =
                    earlier.consensus.value == value && earlier.consensus.rationale == rationale
                    && earlier.consensus.attendees == attendees && earlier.consensus.dissenters == dissenters
                if same { return earlier.consensus }
                guard reason != nil else {
                    throw StoreError(
                        .reasonRequired,
                        "The panel already agreed \(submission) on '\(criterion)' at \(earlier.consensus.value) (event \(earlier.sequence)); changing it needs a reason (--reason).")
                }
            }
            let payload = ConsensusPayload(
                submission: submission, criterion: criterion, value: value, rationale: rationale, attendees: attendees,
                dissenters: dissenters, amends: earlier?.sequence,
                previous: earlier.map { ConsensusPayload.Previous(value: $0.consensus.value, rationale: $0.consensus.rationale) })
            let record = try EventLog.append(
                db, kind: earlier == nil ? .consensusRecorded : .consensusChanged, payload: payload, actor: actor,
                reason: reason, at: time)
            try checkpoint(.appended(sequence: Int(record.sequence), kind: EventKind(rawValue: record.kind)))
            return Consensus(
                submission: submission, criterion: criterion, value: value, rationale: rationale, attendees: attendees,
                dissenters: dissenters, recordedBy: actor, recordedAt: Timestamp.date(record.recordedAt) ?? time)
        }
    }

    /// Finalises the tender: the scores and decisions on record become the ones the award rests
    /// on, and every later change is refused. Returns the hash of the finalising event, the head
    /// of the history, for the commissioner to write into the award record: `verify` given that
    /// hash later proves nothing was removed from the end of the history.
    public func finalise(reason: String, actor: String) throws(StoreError) -> String {
        let actor = try Validation.actor(actor)
        guard let reason = Validation.reason(reason) else {
            throw StoreError(.reasonRequired, "Finalising needs a reason (--reason), for the award record.")
        }
        let time = now()
        return try write { db in
            try ProjectionReader.requireOpenForChanges(db)
            let tender = try ProjectionReader.tender(db)
            let count = try EventLog.last(db)?.sequence ?? 0
            let record = try EventLog.append(
                db, kind: .tenderFinalised, payload: FinalisedPayload(tender: tender.id, events: count), actor: actor,
                reason: reason, at: time)
            try checkpoint(.appended(sequence: Int(record.sequence), kind: EventKind(rawValue: record.kind)))
            return record.hash
        }
    }
}
