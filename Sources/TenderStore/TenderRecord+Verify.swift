import GRDB

extension TenderRecord {
    /// Checks that the history is intact and that everything the tool reads is exactly what the
    /// history says.
    ///
    /// 1. The chain: sequence numbers run 1, 2, 3... without a gap; each event names the hash of
    ///    the one before; each event's hash is recomputed from its content and must match.
    /// 2. The projection: the tables the tool reads (tender and criteria, panel, submissions,
    ///    scores, consensus, finalisation) are rebuilt in memory from the events and compared,
    ///    row by row and column by column, with what is stored.
    /// 3. Every document an event received is present, and its bytes still have the SHA-256
    ///    the event recorded.
    /// 4. The append-only triggers are still in place.
    /// 5. With `expectHead` (a hash written down earlier, whole or its first 16 or more hex
    ///    digits): that hash is in the history. This is what catches events removed from the end.
    ///
    /// Problems are listed earliest event first; nothing is changed.
    public func verify(expectHead: String? = nil) throws(StoreError) -> Verification {
        try read { db in
            var verifier = Verifier(db: db)
            return try verifier.run(expectHead: expectHead)
        }
    }
}

private struct Verifier {
    let db: Database
    var problems: [VerificationProblem] = []

    init(db: Database) {
        self.db = db
    }

    mutating func run(expectHead: String?) throws -> Verification {
        let records: [EventRecord]
        do {
            records = try EventLog.all(db)
        } catch {
            return Verification(
                eventCount: 0, head: nil,
                problems: [VerificationProblem(sequence: nil, message: "the history (events table) cannot be read: \(error)")])
        }
        var expected: [String: [[DatabaseValue]: ProjectedRow]] = [:]
        var documents: [(DocumentReference, Int64)] = []
        checkChain(records, into: &expected, documents: &documents)
        try checkProjection(expected)
        try checkDocuments(documents)
        try checkSafeguards()
        var eventsAfter: Int?
        if let expectHead {
            eventsAfter = checkHead(expectHead, records)
        }
        let ordered = problems.enumerated().sorted {
            ($0.element.sequence ?? Int.max, $0.offset) < ($1.element.sequence ?? Int.max, $1.offset)
        }.map(\.element)
        return Verification(
            eventCount: records.count, head: records.last?.hash, problems: ordered, eventsAfterExpectedHead: eventsAfter)
    }

    private mutating func report(_ sequence: Int64?, _ message: String) {
        problems.append(VerificationProblem(sequence: sequence.map { Int($0) }, message: message))
    }

    private mutating func checkChain(
        _ records: [EventRecord], into expected: inout [String: [[DatabaseValue]: ProjectedRow]],
        documents: inout [(DocumentReference, Int64)]
    ) {
        if records.isEmpty { report(1, "the history is empty: even the setting up of the tender is missing") }
        var expectedSequence: Int64 = 1
        var previousHash = Digest.genesis
        var finalisedAt: Int64?
        for record in records {
            let seq = record.sequence
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
                    "does not follow from the event before it: it names \(short(record.previousHash)) as the previous hash, but the previous event's hash is \(short(previousHash))")
            }
            if EventChain.hash(of: record) != record.hash {
                report(seq, "its content does not match its hash: it was changed after it was recorded")
            }
            if Timestamp.date(record.recordedAt) == nil {
                report(seq, "its time \"\(record.recordedAt)\" is not a UTC time as TenderScore writes it")
            }
            if !CanonicalJSON.isCanonical(record.payload) {
                report(seq, "its payload is not canonical JSON, so TenderScore did not write it")
            }
            let isCreation = record.kind == EventKind.tenderCreated.rawValue
            if seq == 1, !isCreation {
                report(seq, "the history does not start with the setting up of the tender")
            } else if seq != 1, isCreation {
                report(seq, "sets up the tender a second time")
            }
            if let finalisedAt {
                report(seq, "was recorded after the tender was finalised at event \(finalisedAt)")
            }
            do {
                let meaning = try EventInterpretation(record)
                for row in meaning.rows {
                    expected[row.table.name, default: [:]][row.key] = row
                }
                documents += meaning.documents.map { ($0, seq) }
            } catch {
                report(seq, "\(error)")
            }
            if record.kind == EventKind.tenderFinalised.rawValue, finalisedAt == nil { finalisedAt = seq }
            previousHash = record.hash
            expectedSequence = seq + 1
        }
    }

    private mutating func checkProjection(_ expected: [String: [[DatabaseValue]: ProjectedRow]]) throws {
        for table in ProjectedTable.all {
            var stored: [[DatabaseValue]: [DatabaseValue]] = [:]
            do {
                for row in try Row.fetchAll(db, sql: table.selectSQL) {
                    let values = Array(row.databaseValues)
                    stored[Array(values.prefix(table.keyCount))] = values
                }
            } catch {
                report(nil, "the \(table.name) table cannot be read as TenderScore made it: \(error)")
                continue
            }
            let rows = expected[table.name] ?? [:]
            for (key, row) in rows.sorted(by: { (sequence(of: $0.value) ?? 0) < (sequence(of: $1.value) ?? 0) }) {
                let seq = sequence(of: row)
                let name = "\(table.rowName) \(describe(key))"
                guard let found = stored[key] else {
                    report(seq, "the \(name) it records is missing from the \(table.name) table")
                    continue
                }
                guard found != row.values else { continue }
                let differences = table.columns.indices.filter { found[$0] != row.values[$0] }.map { index in
                    "\(table.columns[index]) is \(show(found[index])) in the table but \(show(row.values[index])) in the history"
                }
                report(seq, "the \(table.name) table was changed outside TenderScore: for the \(name), " + differences.joined(separator: "; "))
            }
            for (key, values) in stored where rows[key] == nil {
                let claimed = table.eventColumn.flatMap { Int64.fromDatabaseValue(values[$0]) }
                let claim = claimed.map { " (it claims to come from event \($0))" } ?? ""
                report(
                    nil,
                    "the \(table.name) table holds a \(table.rowName) \(describe(key)) that no event in the history records\(claim)")
            }
        }
    }

    private mutating func checkDocuments(_ documents: [(DocumentReference, Int64)]) throws {
        var checked: Set<String> = []
        for (reference, seq) in documents where checked.insert(reference.sha256).inserted {
            guard let bytes = try ProjectionReader.document(db, sha256: reference.sha256) else {
                report(seq, "the document \(reference.file) it received (SHA-256 \(short(reference.sha256))) is missing")
                continue
            }
            if bytes.count != reference.bytes || Digest.sha256(bytes) != reference.sha256 {
                report(
                    seq,
                    "the document \(reference.file) it received was changed: its bytes no longer have the SHA-256 the history recorded")
            }
        }
    }

    private mutating func checkSafeguards() throws {
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        for trigger in Schema.appendOnlyTriggers where !present.contains(trigger) {
            report(
                nil,
                "the append-only safeguard \(trigger) has been removed: the file was changed outside TenderScore")
        }
    }

    private mutating func checkHead(_ expectHead: String, _ records: [EventRecord]) -> Int? {
        let wanted = expectHead.trimmingWhitespace.lowercased()
        if wanted.count >= 16, let index = records.firstIndex(where: { $0.hash.hasPrefix(wanted) }) {
            return records.count - 1 - index
        }
        let last = records.last
        let ends = last.map { "ends at event \($0.sequence) with hash \(short($0.hash))" } ?? "is empty"
        if wanted.count < 16 {
            report(nil, "the expected head \"\(expectHead)\" is too short: give the whole hash, or at least its first 16 digits")
        } else {
            report(
                (last?.sequence ?? 0) + 1,
                "the head you expected (\(short(wanted))) is not in the history, which \(ends): events have been removed from the end, or the history was rewritten")
        }
        return nil
    }

    private func sequence(of row: ProjectedRow) -> Int64? {
        row.table.eventColumn.flatMap { Int64.fromDatabaseValue(row.values[$0]) }
    }

    private func describe(_ key: [DatabaseValue]) -> String {
        key.map { String.fromDatabaseValue($0) ?? "\($0)" }.joined(separator: "/")
    }

    private func show(_ value: DatabaseValue) -> String {
        let text: String
        switch value.storage {
        case .null: return "empty"
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let string): text = string
        case .blob(let data): return "\(data.count) bytes"
        }
        return text.count > 60 ? "\"\(text.prefix(57))...\"" : "\"\(text)\""
    }

    private func short(_ hash: String) -> String {
        hash.count > 16 ? String(hash.prefix(16)) + "…" : hash
    }
}
