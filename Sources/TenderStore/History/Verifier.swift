import Foundation

/// Checks that a tender's history is intact and that everything the tool reads is exactly what
/// the history says, on any backend.
///
/// 1. The chain: sequence numbers run 1, 2, 3... without a gap; each event names the hash of
///    the one before; each event's hash is recomputed from its content and must match.
/// 2. The projection: the tables the tool reads (tender and criteria, panel, submissions,
///    scores, consensus, finalisation) are rebuilt in memory from the events and compared,
///    row by row and column by column, with what is stored.
/// 3. Every document an event received is present, and its bytes still have the SHA-256
///    the event recorded.
/// 4. The backend's append-only safeguards are still in place.
/// 5. With `expectHead` (a hash written down earlier, whole or its first 16 or more hex
///    digits): that hash is in the history. This is what catches events removed from the end.
///
/// The events are streamed, each decoded once; what is held is the projection they rebuild
/// (one row per score, bid and consensus), not the history. So verify's time grows with the
/// number and size of events plus the size of the documents, and its memory with the size of
/// the projection. Problems are listed earliest event first; nothing is changed.
public enum HistoryVerifier {
    public static func verify(
        _ storage: any TenderStorage, tender: String, expectHead: String? = nil
    ) async throws(StoreError) -> Verification {
        let chain = ChainCheck(expectHead: expectHead)
        do {
            try await storage.forEachEvent(tender: tender) { record in chain.check(record) }
        } catch {
            chain.report(
                nil,
                "the history cannot be read to the end (\(error.message)); what was read up to event \(chain.lastSequence) is checked below")
        }
        var problems = chain.problems
        if chain.lastSequence == 0 {
            problems.append(VerificationProblem(sequence: 1, message: "the history is empty: even the setting up of the tender is missing"))
        }
        problems += await projectionProblems(storage, tender: tender, chain: chain)
        problems += await documentProblems(storage, tender: tender, documents: chain.documents)
        do {
            for name in try await storage.missingSafeguards(tender: tender) {
                problems.append(
                    VerificationProblem(
                        sequence: nil,
                        message: "the append-only safeguard \(name) has been removed: the store was changed outside TenderScore"))
            }
        } catch {
            problems.append(VerificationProblem(sequence: nil, message: "the safeguards cannot be read: \(error.message)"))
        }
        var eventsAfter: Int?
        if let expectHead {
            if let found = chain.expectedHeadSequence {
                eventsAfter = Int(chain.lastSequence - found)
            } else {
                problems.append(chain.headNotFound(expectHead))
            }
        }
        let ordered = problems.enumerated().sorted {
            ($0.element.sequence ?? Int.max, $0.offset) < ($1.element.sequence ?? Int.max, $1.offset)
        }.map(\.element)
        return Verification(
            eventCount: Int(chain.count), head: chain.head, problems: ordered, eventsAfterExpectedHead: eventsAfter)
    }

    /// Each table's stored rows stream past and are matched with the rows the history
    /// rebuilt, which are let go of as they match: what is held at the end is only what no
    /// stored row matched.
    private static func projectionProblems(
        _ storage: any TenderStorage, tender: String, chain: ChainCheck
    ) async -> [VerificationProblem] {
        var problems: [VerificationProblem] = []
        for table in ProjectedTable.all {
            // Taken out of the chain's keeping, so that the comparison holds the only copy.
            let comparison = TableComparison(table: table, rows: chain.expected.removeValue(forKey: table.name) ?? [:])
            do {
                try await storage.forEachProjectedRow(tender: tender, table: table) { values in comparison.compare(values) }
            } catch {
                problems.append(
                    VerificationProblem(
                        sequence: nil, message: "the \(table.name) table cannot be read as TenderScore made it: \(error.message)"))
                continue
            }
            problems += comparison.problems()
        }
        return problems
    }

    private static func documentProblems(
        _ storage: any TenderStorage, tender: String, documents: [(DocumentReference, Int64)]
    ) async -> [VerificationProblem] {
        var problems: [VerificationProblem] = []
        var checked: Set<String> = []
        for (reference, seq) in documents where checked.insert(reference.sha256).inserted {
            let digest: (bytes: Int, sha256: String)?
            do {
                digest = try await storage.documentDigest(tender: tender, sha256: reference.sha256)
            } catch {
                problems.append(
                    VerificationProblem(sequence: Int(seq), message: "the document \(reference.file) cannot be read: \(error.message)"))
                continue
            }
            guard let digest else {
                problems.append(
                    VerificationProblem(
                        sequence: Int(seq), message: "the document \(reference.file) it received (SHA-256 \(short(reference.sha256))) is missing"))
                continue
            }
            if digest.bytes != reference.bytes || digest.sha256 != reference.sha256 {
                problems.append(
                    VerificationProblem(
                        sequence: Int(seq),
                        message: "the document \(reference.file) it received was changed: its bytes no longer have the SHA-256 the history recorded"))
            }
        }
        return problems
    }

    static func describe(_ key: [StoredValue]) -> String {
        key.map { $0.text ?? $0.integer.map(String.init) ?? "empty" }.joined(separator: "/")
    }

    static func short(_ hash: String) -> String {
        hash.count > 16 ? String(hash.prefix(16)) + "…" : hash
    }
}

/// The chain as it streams past: called once per event, in order, from one task at a time.
private final class ChainCheck: @unchecked Sendable {
    let wantedHead: String?
    var problems: [VerificationProblem] = []
    var expected: [String: [[StoredValue]: ProjectedRow]] = [:]
    var documents: [(DocumentReference, Int64)] = []
    private var documentsSeen: Set<String> = []
    var expectedSequence: Int64 = 1
    var previousHash = Digest.genesis
    var finalisedAt: Int64?
    var count: Int64 = 0
    var lastSequence: Int64 = 0
    var head: String?
    var expectedHeadSequence: Int64?

    init(expectHead: String?) {
        wantedHead = expectHead.map { $0.trimmingWhitespace.lowercased() }
    }

    func report(_ sequence: Int64?, _ message: String) {
        problems.append(VerificationProblem(sequence: sequence.map { Int($0) }, message: message))
    }

    func check(_ record: EventRecord) {
        let seq = record.sequence
        count += 1
        if seq != expectedSequence {
            if seq > expectedSequence {
                let missing = expectedSequence == seq - 1 ? "is" : "to \(seq - 1) are"
                report(expectedSequence, "event \(expectedSequence) \(missing) missing: the history jumps from event \(expectedSequence - 1) to event \(seq)")
            } else {
                report(seq, "is out of order: it comes after event \(expectedSequence - 1)")
            }
        }
        if record.previousHash != previousHash {
            report(
                seq,
                "does not follow from the event before it: it names \(HistoryVerifier.short(record.previousHash)) as the previous hash, but the previous event's hash is \(HistoryVerifier.short(previousHash))")
        }
        if EventChain.hash(of: record) != record.hash {
            report(seq, "its content does not match its hash: it was changed after it was recorded")
        }
        if Timestamp.date(record.recordedAt) == nil {
            report(seq, "its time \"\(record.recordedAt)\" is not a UTC time as TenderScore writes it")
        }
        // One read of the payload both checks its form and yields the fields interpreted below.
        let payload = CanonicalJSONReader.valueAndMembers(
            record.payload, recording: EventInterpretation.keepsMembers(record.kind))
        if payload == nil {
            report(seq, "its payload is not canonical JSON, so TenderScore did not write it")
        }
        let isCreation = record.kind == EventKind.tenderCreated.rawValue
        if seq == 1, !isCreation {
            report(seq, "the history does not start with the setting up of the tender")
        } else if seq != 1, isCreation {
            report(seq, "sets up the tender a second time")
        }
        if let finalisedAt, record.kind != EventKind.outputPublished.rawValue {
            report(seq, "was recorded after the tender was finalised at event \(finalisedAt)")
        }
        if finalisedAt == nil, record.kind == EventKind.outputPublished.rawValue {
            report(seq, "publishes an output before the tender was finalised")
        }
        do {
            let meaning = try EventInterpretation(record, payload: payload?.value, members: payload?.members ?? [:])
            for row in meaning.rows {
                expected[row.table.name, default: [:]][row.key] = row
            }
            for removal in meaning.removals {
                expected[removal.table.name]?[removal.key] = nil
            }
            // Only the first event to name each document is kept: every score of a sheet names
            // the sheet, and a list of a million references was most of verify's memory.
            for document in meaning.documents where documentsSeen.insert(document.sha256).inserted {
                documents.append((document, seq))
            }
        } catch {
            report(seq, "\(error)")
        }
        if record.kind == EventKind.tenderFinalised.rawValue, finalisedAt == nil { finalisedAt = seq }
        if let wantedHead, wantedHead.count >= 16, expectedHeadSequence == nil, record.hash.hasPrefix(wantedHead) {
            expectedHeadSequence = seq
        }
        previousHash = record.hash
        head = record.hash
        lastSequence = seq
        expectedSequence = seq + 1
    }

    /// States the facts: what the head is, what was given, and what each possibility means.
    func headNotFound(_ given: String) -> VerificationProblem {
        let wanted = wantedHead ?? given
        let ends = head.map { "The history's head is \($0) (event \(lastSequence))" } ?? "The history is empty"
        if wanted.count < 16 {
            return VerificationProblem(
                sequence: nil,
                message: "the expected head \"\(given)\" is too short to check: give the whole hash, or at least its first 16 characters")
        }
        return VerificationProblem(
            sequence: Int(lastSequence + 1),
            message: "\(ends); you gave \(given), which is not the hash of any event in it. Check that you copied it whole and exactly; if you did, the history has changed since you recorded that hash (events after it were removed, or it was rewritten)")
    }
}

/// One projection table compared with what the history says, its stored rows streaming past
/// once, from one task at a time.
private final class TableComparison: @unchecked Sendable {
    let table: ProjectedTable
    /// The rows the history sets that no stored row has matched yet.
    var rows: [[StoredValue]: ProjectedRow]
    /// Changed rows, with the event each comes from.
    var changed: [(Int64?, String)] = []
    var extra: [String] = []

    init(table: ProjectedTable, rows: [[StoredValue]: ProjectedRow]) {
        self.table = table
        self.rows = rows
    }

    func compare(_ found: [StoredValue]) {
        let key = Array(found.prefix(table.keyCount))
        guard let row = rows.removeValue(forKey: key) else {
            let claimed = table.eventColumn.flatMap { $0 < found.count ? found[$0].integer : nil }
            let claim = claimed.map { " (it claims to come from event \($0))" } ?? ""
            extra.append(
                "the \(table.name) table holds a \(table.rowName) \(HistoryVerifier.describe(key)) that no event in the history records\(claim)")
            return
        }
        guard found != row.values else { return }
        let differences = table.columns.indices.filter { $0 >= found.count || found[$0] != row.values[$0] }.map { index in
            let stored = index < found.count ? "\(found[index])" : "missing"
            return "\(table.columns[index]) is \(stored) in the table but \(row.values[index]) in the history"
        }
        changed.append(
            (sequence(of: row),
             "the \(table.name) table was changed outside TenderScore: for the \(table.rowName) \(HistoryVerifier.describe(key)), "
                + differences.joined(separator: "; ")))
    }

    /// Missing and changed rows in the order of the events they come from, then rows no event
    /// records.
    func problems() -> [VerificationProblem] {
        var byEvent = changed
        for (key, row) in rows {
            byEvent.append(
                (sequence(of: row),
                 "the \(table.rowName) \(HistoryVerifier.describe(key)) it records is missing from the \(table.name) table"))
        }
        let ordered = byEvent.enumerated().sorted { ($0.element.0 ?? 0, $0.offset) < ($1.element.0 ?? 0, $1.offset) }
        return ordered.map { VerificationProblem(sequence: $0.element.0.map { Int($0) }, message: $0.element.1) }
            + extra.map { VerificationProblem(sequence: nil, message: $0) }
    }

    private func sequence(of row: ProjectedRow) -> Int64? {
        row.table.eventColumn.flatMap { row.values[$0].integer }
    }
}
