import TenderModel
import TenderStore

/// One panel member's own work on a tender: their declaration, the bids they score with how far
/// they have got, and whether they have handed in. Holds no other member's scores.
public struct MemberTasks: Sendable {
    public struct Bid: Sendable, Hashable {
        public var submission: String
        public var bidder: String
        public var scored: Int
        public var criteria: Int
        public var isComplete: Bool { scored == criteria }
    }

    public var member: PanelMember
    public var tenderTitle: String
    public var declared: Bool
    public var handedIn: Bool
    public var finalised: Bool
    /// The bids the member scores; empty before the declaration (no bid is shown before it).
    public var bids: [Bid]
    /// The bids the member declared a conflict with (in the panel document or their declaration).
    public var conflicted: [String]

    public var scoredBids: Int { bids.filter(\.isComplete).count }
}

/// A bid as a member scores it: the answers without the price, the criteria, and the member's
/// own saved scores.
public struct ScoringBid: Sendable {
    public var member: PanelMember
    public var submission: Submission
    public var criteria: Criteria
    /// The member's saved scores on this bid, by criterion.
    public var saved: [String: Score]
    public var handedIn: Bool
}

/// What a member is asked in the conflict declaration.
public struct DeclarationForm: Sendable {
    public struct Bid: Sendable, Hashable {
        public var submission: String
        public var bidder: String
        /// Declared in the panel document, with its details: shown as declared, not asked.
        public var fromPanelDocument: String?
        /// The member's answer on record, once they have declared.
        public var declared: RecordedDeclaration?
    }

    public var member: PanelMember
    public var bids: [Bid]
    public var declared: Bool
}

/// Who has declared and handed in, and how far each member has got: never their scores.
public struct PanelProgress: Sendable {
    public struct Member: Sendable, Hashable {
        public var member: PanelMember
        public var declared: Bool
        public var handedIn: Bool
        public var scored: Int
        public var toScore: Int
    }

    public var members: [Member]
}

extension Tender {
    /// `person`'s own task list. Refused to anyone not on the panel.
    public func tasks(for person: ActingPerson) async throws(StoreError) -> MemberTasks {
        let snapshot = try await snapshot()
        guard let panel = snapshot.panel?.panel else { throw StoreError(.notReady, "No panel is recorded yet.") }
        guard let member = person.member(of: panel) else {
            throw StoreError(.forbidden, "\(person.name) is not on the panel of this tender.")
        }
        let declared = snapshot.hasDeclared(member.id)
        let criteria = snapshot.criteria.criteria.count
        let conflicted = snapshot.submissions.map(\.submission.id).filter { panel.isConflicted(member: member.id, submission: $0) }
        let bids: [MemberTasks.Bid] =
            declared
            ? snapshot.submissions.map(\.submission).filter { !conflicted.contains($0.id) }.map { bid in
                MemberTasks.Bid(
                    submission: bid.id, bidder: bid.bidder.name,
                    scored: snapshot.scores.filter { $0.score.panelist == member.id && $0.score.submission == bid.id }.count,
                    criteria: criteria)
            } : []
        return MemberTasks(
            member: member, tenderTitle: snapshot.summary.title, declared: declared, handedIn: snapshot.handIns[member.id] != nil,
            finalised: snapshot.summary.finalisation != nil, bids: bids, conflicted: conflicted)
    }

    /// One bid as `person` scores it; see ``saveScores(submission:entries:by:reason:)`` for who may.
    public func scoringBid(_ submission: String, for person: ActingPerson) async throws(StoreError) -> ScoringBid {
        let snapshot = try await snapshot(.responses)
        let member = try Self.scoringMember(person, snapshot: snapshot, submission: submission)
        guard var bid = snapshot.submissions.first(where: { $0.submission.id == submission })?.submission else {
            throw StoreError(.tenderNotFound, "There is no bid \(submission) in this tender.")
        }
        // Quality is scored blind to price.
        bid.price = nil
        let saved = Dictionary(
            snapshot.scores.filter { $0.score.panelist == member.id && $0.score.submission == submission }
                .map { ($0.score.criterion, $0.score) }, uniquingKeysWith: { first, _ in first })
        return ScoringBid(
            member: member, submission: bid, criteria: snapshot.criteria, saved: saved, handedIn: snapshot.handIns[member.id] != nil)
    }

    /// The conflict declaration as `person` is asked it. Only bidders' names are shown.
    public func declarationForm(for person: ActingPerson) async throws(StoreError) -> DeclarationForm {
        let snapshot = try await snapshot()
        guard let recorded = snapshot.panel else { throw StoreError(.notReady, "No panel is recorded yet.") }
        guard let member = person.member(of: recorded.panel) else {
            throw StoreError(.forbidden, "\(person.name) is not on the panel; only panel members declare conflicts of interest.")
        }
        // The panel document's own conflicts, before declarations were added to the panel.
        let documentConflicts = recorded.panel.conflicts.filter { conflict in
            !snapshot.declarations.contains { $0.member == conflict.member && $0.submission == conflict.submission && $0.conflict }
        }
        let bids = snapshot.submissions.map(\.submission).map { bid in
            DeclarationForm.Bid(
                submission: bid.id, bidder: bid.bidder.name,
                fromPanelDocument: documentConflicts.first { $0.member == member.id && $0.submission == bid.id }?.reason,
                declared: snapshot.declarations.first { $0.member == member.id && $0.submission == bid.id })
        }
        return DeclarationForm(member: member, bids: bids, declared: snapshot.hasDeclared(member.id))
    }

    /// Who has declared and handed in, for the people running the tender. Refused to a panel
    /// member acting as one (a commissioner who is also on the panel reads it as commissioner).
    public func panelProgress(for person: ActingPerson) async throws(StoreError) -> PanelProgress {
        let snapshot = try await snapshot()
        guard let panel = snapshot.panel?.panel else { throw StoreError(.notReady, "No panel is recorded yet.") }
        guard person.standing != .asNamed || person.member(of: panel) == nil else {
            throw StoreError(.forbidden, "Panel members see their own progress only.")
        }
        let bids = snapshot.submissions.map(\.submission.id)
        let criteria = snapshot.criteria.criteria.count
        return PanelProgress(
            members: panel.members.map { member in
                let eligible = bids.filter { !panel.isConflicted(member: member.id, submission: $0) }
                return PanelProgress.Member(
                    member: member, declared: snapshot.hasDeclared(member.id), handedIn: snapshot.handIns[member.id] != nil,
                    scored: snapshot.scores.filter { $0.score.panelist == member.id && eligible.contains($0.score.submission) }.count,
                    toScore: eligible.count * criteria)
            })
    }
}
