/// What one event means: the projection rows it sets, the documents it relies on, and who and
/// what it concerns. The writer and `verify` both take the rows from here, so the tables the
/// tool reads and the history can only agree or be caught disagreeing.
package struct EventInterpretation: Sendable {
    package var rows: [ProjectedRow] = []
    /// Rows the event takes out of the projection (a withdrawn score), by table and key.
    package var removals: [ProjectedKey] = []
    package var documents: [DocumentReference] = []
    var submissions: [String] = []
    var members: [String] = []
    var amends: Int64?
    var summary: String = ""

    /// The kinds whose projection row keeps a member of the payload as its own canonical text.
    static func keepsMembers(_ kind: String) -> Bool {
        switch EventKind(rawValue: kind) {
        case .tenderCreated, .panelImported, .panelReplaced, .submissionReceived, .submissionReplaced, .consensusRecorded,
            .consensusChanged:
            true
        default: false
        }
    }

    package init(_ record: EventRecord) throws {
        let read = CanonicalJSONReader.valueAndMembers(record.payload, recording: Self.keepsMembers(record.kind))
        try self.init(record, payload: read?.value, members: read?.members ?? [:])
    }

    /// An event a writer has just built: its payload's value is at hand.
    package init(_ prepared: PreparedEvent) throws {
        try self.init(prepared.record, payload: prepared.payload, members: prepared.members)
    }

    /// `payload`: the record's payload as ``CanonicalJSONReader`` read it (nil when it is not
    /// canonical), so that the text is read once: `verify` has just checked its form with it,
    /// and a writer has just built it. The projection's copies of the criteria, panel and bid
    /// are the canonical text of the payload's own members, not a second encoding of them.
    ///
    /// `members`: where each top-level member's value stands in the payload's UTF-8, when the
    /// caller knows (``JSONValue/canonicalTextAndMembers``, ``CanonicalJSONReader/valueAndMembers(_:)``).
    init(_ record: EventRecord, payload value: JSONValue?, members ranges: [String: Range<Int>] = [:]) throws {
        let seq = StoredValue(record.sequence)
        func decode<Payload: Decodable>(_ type: Payload.Type) throws -> Payload {
            try Self.decode(type, record, value)
        }
        func member<Member: Encodable>(_ name: String, _ decoded: Member) throws -> String {
            if let range = ranges[name] {
                var payload = record.payload
                let text = payload.withUTF8 { bytes -> String? in
                    guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                }
                if let text { return text }
            }
            if case .object(let found)? = value, let member = found[name] { return member.canonicalText }
            return try CanonicalJSON.encode(decoded)
        }
        switch EventKind(rawValue: record.kind) {
        case .tenderCreated:
            let payload = try decode(TenderCreatedPayload.self)
            rows = [
                ProjectedRow(
                    table: .tender,
                    values: [
                        StoredValue(payload.tender), StoredValue(payload.title), StoredValue(payload.criteria.id),
                        StoredValue(payload.criteria.version), StoredValue(payload.criteriaDocument.sha256),
                        StoredValue(try member("criteria", payload.criteria)), StoredValue(record.recordedAt), seq,
                    ])
            ]
            documents = [payload.criteriaDocument]
            summary =
                "set up tender \(payload.tender) with criteria \(payload.criteria.id) version \(payload.criteria.version) (\(payload.criteriaDocument.file), SHA-256 \(payload.criteriaDocument.sha256))"
        case .panelImported, .panelReplaced:
            let payload = try decode(PanelPayload.self)
            rows = [
                ProjectedRow(
                    table: .panel,
                    values: [
                        StoredValue(payload.panel.tender), StoredValue(payload.document?.sha256),
                        StoredValue(try member("panel", payload.panel)), seq,
                    ])
            ]
            documents = payload.document.map { [$0] } ?? []
            members = payload.panel.members.map(\.id)
            submissions = payload.panel.conflicts.map(\.submission)
            amends = payload.amends
            let verb = payload.amends == nil ? "recorded the panel" : "replaced the panel"
            let conflicts = payload.panel.conflicts.count
            summary =
                "\(verb): \(payload.panel.members.count) members, \(conflicts) declared conflict\(conflicts == 1 ? "" : "s")"
        case .submissionReceived, .submissionReplaced:
            let payload = try decode(SubmissionPayload.self)
            let submission = payload.submission
            rows = [
                ProjectedRow(
                    table: .submissions,
                    values: [
                        StoredValue(submission.id), StoredValue(submission.bidder.name),
                        StoredValue(submission.bidder.type), StoredValue(submission.price?.amount),
                        StoredValue(submission.price?.currency), StoredValue(submission.submitted),
                        StoredValue(payload.document.sha256), StoredValue(try member("submission", submission)), seq,
                    ])
            ]
            documents = payload.documents
            submissions = [submission.id]
            amends = payload.amends
            let verb = payload.amends == nil ? "received" : "received a replacement of"
            let appendices = payload.appendices?.count ?? 0
            let extra = appendices == 0 ? "" : ", with \(appendices) appendi\(appendices == 1 ? "x" : "ces")"
            summary =
                "\(verb) \(submission.id) from \(submission.bidder.name) (\(payload.document.file), SHA-256 \(payload.document.sha256)\(extra))"
        case .scoreGiven, .scoreChanged:
            // A million of these in a long history: read from the value by hand when it has
            // exactly the expected shape, else decoded as every other payload is.
            let payload = try value.flatMap(ScorePayload.init(canonical:)) ?? decode(ScorePayload.self)
            rows = [
                ProjectedRow(
                    table: .scores,
                    values: [
                        StoredValue(payload.panelist), StoredValue(payload.submission), StoredValue(payload.criterion),
                        StoredValue(payload.value), StoredValue(payload.rationale), seq,
                    ])
            ]
            documents = payload.sheet.map { [$0] } ?? []
            submissions = [payload.submission]
            members = [payload.panelist]
            amends = payload.amends
            if let previous = payload.previous {
                summary =
                    "\(payload.panelist) changed the score of \(payload.submission) on \(payload.criterion) from \(previous.value) to \(payload.value)"
            } else {
                summary = "\(payload.panelist) scored \(payload.submission) on \(payload.criterion): \(payload.value)"
            }
        case .scoreWithdrawn:
            let payload = try decode(ScoreWithdrawalPayload.self)
            removals = [
                ProjectedKey(
                    table: .scores,
                    key: [StoredValue(payload.panelist), StoredValue(payload.submission), StoredValue(payload.criterion)])
            ]
            submissions = [payload.submission]
            members = [payload.panelist]
            amends = payload.withdraws
            summary =
                "withdrew \(payload.panelist)'s score of \(payload.submission) on \(payload.criterion) (\(payload.value), event \(payload.withdraws))"
        case .consensusRecorded, .consensusChanged:
            let payload = try decode(ConsensusPayload.self)
            rows = [
                ProjectedRow(
                    table: .consensus,
                    values: [
                        StoredValue(payload.submission), StoredValue(payload.criterion), StoredValue(payload.value),
                        StoredValue(payload.rationale), StoredValue(try member("attendees", payload.attendees)),
                        StoredValue(try member("dissenters", payload.dissenters)), StoredValue(record.actor),
                        StoredValue(record.recordedAt), seq,
                    ])
            ]
            submissions = [payload.submission]
            members = payload.attendees + payload.dissenters.filter { !payload.attendees.contains($0) }
            amends = payload.amends
            if let previous = payload.previous {
                summary =
                    "the panel changed its consensus on \(payload.submission) / \(payload.criterion) from \(previous.value) to \(payload.value)"
            } else {
                summary = "the panel agreed \(payload.submission) on \(payload.criterion): \(payload.value)"
            }
            if !payload.attendees.isEmpty {
                summary += "; present: " + payload.attendees.joined(separator: ", ")
            }
            if !payload.dissenters.isEmpty {
                summary += "; disagreed: " + payload.dissenters.joined(separator: ", ")
            }
        case .outputPublished:
            let payload = try decode(PublicationPayload.self)
            documents = [payload.document]
            summary =
                "published the \(payload.what) \(payload.document.file) (SHA-256 \(payload.document.sha256)) to \(payload.recipient)"
        case .tenderFinalised:
            let payload = try decode(FinalisedPayload.self)
            rows = [
                ProjectedRow(
                    table: .finalisation,
                    values: [seq, StoredValue(record.reason ?? ""), StoredValue(record.actor), StoredValue(record.recordedAt)])
            ]
            summary = "finalised tender \(payload.tender) after \(payload.events) events"
        case .conflictsDeclared:
            let payload = try decode(DeclarationPayload.self)
            rows = payload.answers.map { answer in
                ProjectedRow(
                    table: .declarations,
                    values: [
                        StoredValue(payload.member), StoredValue(answer.submission), StoredValue(answer.conflict ? 1 : 0),
                        StoredValue(answer.details), seq,
                    ])
            }
            members = [payload.member]
            submissions = payload.answers.map(\.submission)
            let conflicts = payload.answers.filter(\.conflict).map(\.submission)
            summary =
                conflicts.isEmpty
                ? "\(payload.member) declared no conflict of interest with any of \(payload.answers.count) bids"
                : "\(payload.member) declared a conflict of interest with \(conflicts.joined(separator: ", "))"
        case .scoresHandedIn:
            let payload = try decode(HandInPayload.self)
            rows = [ProjectedRow(table: .handIns, values: [StoredValue(payload.member), StoredValue(payload.scores), seq])]
            members = [payload.member]
            summary = "\(payload.member) handed in \(payload.scores) scores"
        default:
            throw PayloadError("the event kind '\(record.kind)' is not one this version of TenderScore knows")
        }
    }

    private static func decode<Payload: Decodable>(_ type: Payload.Type, _ record: EventRecord, _ value: JSONValue?) throws
        -> Payload
    {
        do {
            return try CanonicalJSON.decode(type, from: record.payload, value: value)
        } catch {
            throw PayloadError("its payload cannot be read as a \(record.kind) event")
        }
    }
}
