import Crypto
import Foundation
import GRDB
import GRDBSQLite
import TenderModel
import TenderStore

/// Reads the projection tables into a ``TenderSnapshot``.
///
/// Every column is converted without trusting it: a damaged value (a NULL where text belongs, a
/// truncated page) is a `damaged` refusal that names what could not be read, never a trap.
enum ProjectionReader {
    /// The bids' outlines as another connection read them, with the last event it saw: they
    /// belong to the snapshot only if that connection saw the same history.
    struct OutlineRead: Sendable {
        var lastSequence: Int64
        var outlines: [Result<RecordedSubmission, StoreError>]
    }

    /// - Parameter elsewhere: the bids' outlines being read on a second connection
    ///   (``SQLiteStorage/snapshot(tender:scope:)``), used when that connection saw the same
    ///   last event as `db`; when it did not (a command wrote in between) or could not read, they
    ///   are read here instead.
    static func snapshot(
        _ db: Database, scope: SnapshotScope, elsewhere: BackgroundWork<OutlineRead?>? = nil
    ) throws -> TenderSnapshot {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT tender_id, title, criteria_json, criteria_document, created_at, event_seq FROM tender")
        else {
            throw StoreError(.damaged, "the store has no tender: its tender table is empty; run verify")
        }
        let id: String = try column(row, 0, "tender id")
        let criteria = try decode("the criteria framework") { try StoredCriteria.model(fromCanonical: try column(row, 2, "criteria")) }
        let createdAt: String = try column(row, 4, "creation time")
        let summary = TenderSummary(
            id: id, title: try column(row, 1, "title"), criteriaID: criteria.id, criteriaVersion: criteria.version,
            criteriaSHA256: try column(row, 3, "criteria document"),
            createdAt: Timestamp.date(createdAt) ?? Date(timeIntervalSince1970: 0), finalisation: try finalisation(db))
        let last = try SQLiteEventSink.last(db)
        let outlined = scope.contains(.wordCounts) && !scope.contains(.responses)
        // Without a second connection, the bids' outlines are read here first and decoded on
        // other threads while this one reads the scores.
        var outlines: BackgroundWork<[Result<RecordedSubmission, StoreError>]>?
        if outlined, elsewhere == nil {
            let rows = try outlineRows(db)
            outlines = BackgroundWork { decodeOutlines(rows) }
        }
        let scores = try scores(db, rationales: !scope.contains(.withoutRationales))
        let submissions: [RecordedSubmission]
        if outlined {
            if let read = elsewhere?.value, read.lastSequence == last?.sequence ?? 0 {
                submissions = try read.outlines.map { try $0.get() }
            } else {
                submissions = try (outlines?.value ?? decodeOutlines(try outlineRows(db))).map { try $0.get() }
            }
        } else if scope.contains(.responses) {
            submissions = try Self.submissions(db)
        } else {
            submissions = try submissionsForScoring(db, tender: id)
        }
        return TenderSnapshot(
            summary: summary, criteria: criteria, panel: try panel(db), submissions: submissions,
            scores: scores, consensus: try consensus(db),
            head: last?.hash ?? Digest.genesis, eventCount: last?.sequence ?? 0, declarations: try declarations(db),
            handIns: try handIns(db))
    }

    /// The bids' outlines read in a read transaction of `db`'s own, with the last event it saw.
    static func outlines(_ db: Database) throws -> OutlineRead {
        let last = try SQLiteEventSink.last(db)
        return OutlineRead(lastSequence: last?.sequence ?? 0, outlines: decodeOutlines(try outlineRows(db)))
    }

    /// Format 2's declarations; none in a format 1 file read without upgrading it.
    static func declarations(_ db: Database) throws -> [RecordedDeclaration] {
        guard try db.tableExists("declarations") else { return [] }
        return try Row.fetchAll(
            db, sql: "SELECT member_id, submission_id, conflict, details, event_seq FROM declarations ORDER BY member_id, submission_id"
        ).map { row in
            let conflict: Int64 = try column(row, 2, "declared conflict")
            return RecordedDeclaration(
                member: try column(row, 0, "declaring member"), submission: try column(row, 1, "declared bid"),
                conflict: conflict != 0, details: try column(row, 3, "declaration details"),
                sequence: try column(row, 4, "declaration event"))
        }
    }

    static func handIns(_ db: Database) throws -> [String: Int64] {
        guard try db.tableExists("hand_ins") else { return [:] }
        var handIns: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT member_id, event_seq FROM hand_ins") {
            handIns[try column(row, 0, "member who handed in")] = try column(row, 1, "hand-in event")
        }
        return handIns
    }

    static func finalisation(_ db: Database) throws -> Finalisation? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT event_seq, reason, actor, recorded_at FROM finalisation ORDER BY event_seq LIMIT 1")
        else { return nil }
        let text: String = try column(row, 3, "finalisation time")
        return Finalisation(
            sequence: try column(row, 0, "finalisation event"), reason: try column(row, 1, "finalisation reason"),
            actor: try column(row, 2, "finalising person"), recordedAt: Timestamp.date(text) ?? Date(timeIntervalSince1970: 0))
    }

    static func panel(_ db: Database) throws -> RecordedPanel? {
        guard let row = try Row.fetchOne(db, sql: "SELECT panel_json, event_seq FROM panel") else { return nil }
        let json: String = try column(row, 0, "panel")
        return RecordedPanel(
            panel: try decode("the panel") { try StoredPanel.model(fromCanonical: json) }, canonical: json,
            sequence: try column(row, 1, "panel event"))
    }

    /// The rows are read in order, then each bid's JSON (30 KB of answers each on a national
    /// framework, most of the time of a ranking table) is decoded on every core; the first bid
    /// that cannot be read, in id order, is the one named.
    static func submissions(_ db: Database) throws -> [RecordedSubmission] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT submission_json, document_sha256, event_seq FROM submissions ORDER BY submission_id"
        ).map { row in
            (json: try column(row, 0, "submission") as String, sha256: try column(row, 1, "submission document") as String,
             sequence: try column(row, 2, "submission event") as Int64)
        }
        let decoded = rows.concurrentMap(minimumCount: 64) { row in
            Result { () throws(StoreError) -> RecordedSubmission in
                RecordedSubmission(
                    submission: try decode("a submission") { try StoredSubmission.model(fromCanonical: row.json) },
                    canonical: row.json, documentSHA256: row.sha256, sequence: row.sequence)
            }
        }
        return try decoded.map { try $0.get() }
    }

    /// Each bid's JSON copied out of SQLite's row as bytes, for ``decodeOutlines(_:)``.
    static func outlineRows(_ db: Database) throws -> [(json: [UInt8], sha256: String, sequence: Int64)] {
        let statement = try db.makeStatement(
            sql: "SELECT submission_json, document_sha256, event_seq FROM submissions ORDER BY submission_id")
        let raw = statement.sqliteStatement
        var rows: [(json: [UInt8], sha256: String, sequence: Int64)] = []
        while true {
            let status = sqlite3_step(raw)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            guard sqlite3_column_type(raw, 0) == SQLITE_TEXT, let json = sqlite3_column_text(raw, 0) else {
                throw damaged("submission", raw, 0)
            }
            guard sqlite3_column_type(raw, 1) == SQLITE_TEXT, let sha256 = sqlite3_column_text(raw, 1) else {
                throw damaged("submission document", raw, 1)
            }
            guard sqlite3_column_type(raw, 2) == SQLITE_INTEGER else { throw damaged("submission event", raw, 2) }
            rows.append(
                (Array(UnsafeBufferPointer(start: json, count: Int(sqlite3_column_bytes(raw, 0)))),
                 String(decoding: UnsafeBufferPointer(start: sha256, count: Int(sqlite3_column_bytes(raw, 1))), as: UTF8.self),
                 sqlite3_column_int64(raw, 2)))
        }
        return rows
    }

    /// The bids without their answers (``SubmissionOutline``), on every core; the first bid that
    /// cannot be read, in id order, is the one named.
    static func decodeOutlines(
        _ rows: [(json: [UInt8], sha256: String, sequence: Int64)]
    ) -> [Result<RecordedSubmission, StoreError>] {
        rows.concurrentMap(minimumCount: 64) { row in
            Result { () throws(StoreError) -> RecordedSubmission in
                RecordedSubmission(
                    submission: try decode("a submission") {
                        try row.json.withUnsafeBufferPointer { try SubmissionOutline.submission(fromCanonical: $0) }
                    }, canonical: nil, documentSHA256: row.sha256, sequence: row.sequence)
            }
        }
    }

    /// The bids without their answers, from the submissions table's columns.
    static func submissionsForScoring(_ db: Database, tender: String) throws -> [RecordedSubmission] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT submission_id, bidder_name, bidder_type, price_amount, price_currency, submitted_at,
                document_sha256, event_seq FROM submissions ORDER BY submission_id
                """
        ).map { row in
            let id: String = try column(row, 0, "submission id")
            let typeText: String = try column(row, 2, "bidder type")
            let submitted: String = try column(row, 5, "submission time")
            guard let type = BidderType(rawValue: typeText) else {
                throw StoreError(.damaged, "\(id)'s bidder type \"\(typeText)\" is not one TenderScore writes; run verify")
            }
            guard let date = Timestamp.date(submitted) else {
                throw StoreError(.damaged, "\(id)'s submission time \"\(submitted)\" is not a time; run verify")
            }
            var price: Money?
            let amount: String? = try optionalColumn(row, 3, "price")
            let currency: String? = try optionalColumn(row, 4, "currency")
            if let amount, let currency {
                price = Money(amount: try decode("\(id)'s price") { try DecimalCoding.value(amount, "price") }, currency: currency)
            }
            return RecordedSubmission(
                submission: Submission(
                    id: id, tender: tender, submitted: date, bidder: Bidder(name: try column(row, 1, "bidder name"), type: type),
                    price: price, responses: []),
                canonical: nil, documentSHA256: try column(row, 6, "submission document"),
                sequence: try column(row, 7, "submission event"))
        }
    }

    /// Read straight from SQLite's statement, one row at a time, each column checked for its
    /// type: a national framework has 180,000 scores, and converting each column through
    /// GRDB's `DatabaseValue` was most of reading them.
    ///
    /// In the order of (submission, criterion, member), as every store gives them, but not by
    /// `ORDER BY`: SQLite sorting 180,000 rows with their rationales was a tenth of `rank`. The
    /// rows are read as stored, each id is interned (one string per distinct id, not per row),
    /// and the rows are put in order by the ids' ranks in byte order, which is the order of
    /// SQLite's BINARY collation: counted into place by those ranks (`countingOrder`), or,
    /// where the ids' combinations far outnumber the scores, sorted by them.
    static func scores(_ db: Database, rationales: Bool = true) throws -> [RecordedScore] {
        var read: [RecordedScore] = []
        read.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM scores") ?? 0)
        let statement = try db.makeStatement(
            sql: "SELECT panelist, submission_id, criterion_id, value, rationale, event_seq FROM scores")
        let raw = statement.sqliteStatement
        var members = IDTable(), submissions = IDTable(), criteria = IDTable()
        var keys: [(submission: Int, criterion: Int, member: Int)] = []
        keys.reserveCapacity(read.capacity)
        func bytes(_ index: Int32, _ what: String) throws -> UnsafeBufferPointer<UInt8> {
            guard sqlite3_column_type(raw, index) == SQLITE_TEXT, let bytes = sqlite3_column_text(raw, index) else {
                throw damaged(what, raw, index)
            }
            return UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(raw, index)))
        }
        func integer(_ index: Int32, _ what: String) throws -> Int64 {
            guard sqlite3_column_type(raw, index) == SQLITE_INTEGER else { throw damaged(what, raw, index) }
            return sqlite3_column_int64(raw, index)
        }
        while true {
            let status = sqlite3_step(raw)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let value = try integer(3, "score")
            guard let score = Int(exactly: value) else { throw damaged("score", raw, 3) }
            let member = members.intern(try bytes(0, "score's member"))
            let submission = submissions.intern(try bytes(1, "score's submission"))
            let criterion = criteria.intern(try bytes(2, "score's criterion"))
            keys.append((submission.number, criterion.number, member.number))
            read.append(
                RecordedScore(
                    score: Score(
                        panelist: member.id, submission: submission.id, criterion: criterion.id, value: score,
                        rationale: rationales ? String(decoding: try bytes(4, "rationale"), as: UTF8.self) : ""),
                    sequence: try integer(5, "score event")))
        }
        let (submissionRanks, criterionRanks, memberRanks) = (submissions.ranks(), criteria.ranks(), members.ranks())
        let (criterionCount, memberCount) = (criterionRanks.count, memberRanks.count)
        let (items, itemsOverflow) = submissionRanks.count.multipliedReportingOverflow(by: criterionCount)
        let (bound, boundOverflow) = items.multipliedReportingOverflow(by: memberCount)
        if !itemsOverflow, !boundOverflow,
            let order = keys.map({ key in
                (submissionRanks[key.submission] * criterionCount + criterionRanks[key.criterion]) * memberCount
                    + memberRanks[key.member]
            }).countingOrder(below: bound)
        {
            return order.map { read[$0] }
        }
        let order = keys.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            let left = (submissionRanks[x.submission], criterionRanks[x.criterion], memberRanks[x.member])
            let right = (submissionRanks[y.submission], criterionRanks[y.criterion], memberRanks[y.member])
            return left < right
        }
        return order.map { read[$0] }
    }

    /// Distinct ids in the order first met, each kept as one string.
    private struct IDTable {
        private var numbers: [String: Int] = [:]
        private var ids: [String] = []
        /// Rows come a sheet at a time, a bid's items together: the id of the row before is
        /// usually this row's too, and comparing bytes costs less than hashing a new string.
        private var last = 0

        mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: String, number: Int) {
            if last < ids.count {
                var previous = ids[last]
                let same = previous.withUTF8 { stored in
                    guard stored.count == bytes.count, let left = stored.baseAddress, let right = bytes.baseAddress else {
                        return stored.count == bytes.count
                    }
                    return memcmp(left, right, bytes.count) == 0
                }
                if same { return (previous, last) }
            }
            let id = String(decoding: bytes, as: UTF8.self)
            if let number = numbers[id] {
                last = number
                return (ids[number], number)
            }
            numbers[id] = ids.count
            ids.append(id)
            last = ids.count - 1
            return (id, last)
        }

        /// For each id's number, its place among the ids in the byte order of their UTF-8.
        func ranks() -> [Int] {
            var ranks = [Int](repeating: 0, count: ids.count)
            for (place, number) in ids.indices.sorted(by: { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }).enumerated() {
                ranks[number] = place
            }
            return ranks
        }
    }

    /// As ``column(_:_:_:)`` words it: NULL is missing, any other wrong type cannot be read.
    private static func damaged(_ what: String, _ statement: OpaquePointer, _ index: Int32) -> StoreError {
        sqlite3_column_type(statement, index) == SQLITE_NULL
            ? StoreError(.damaged, "a stored \(what) is missing: the store is damaged; run `tenderscore audit verify`")
            : StoreError(.damaged, "a stored \(what) cannot be read: the store is damaged; run `tenderscore audit verify`")
    }

    static func consensus(_ db: Database) throws -> [RecordedConsensus] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT submission_id, criterion_id, value, rationale, attendees_json, dissenters_json, recorded_by,
                recorded_at, event_seq FROM consensus ORDER BY submission_id, criterion_id
                """
        ).map { row in
            let recordedAt: String = try column(row, 7, "consensus time")
            guard let date = Timestamp.date(recordedAt) else {
                throw StoreError(.damaged, "the consensus time \"\(recordedAt)\" is not a time; run verify")
            }
            let attendees: String = try column(row, 4, "attendees")
            let dissenters: String = try column(row, 5, "dissenters")
            return RecordedConsensus(
                consensus: Consensus(
                    submission: try column(row, 0, "consensus submission"), criterion: try column(row, 1, "consensus criterion"),
                    value: try column(row, 2, "agreed score"), rationale: try column(row, 3, "consensus rationale"),
                    attendees: try decode("the attendees") { try StoredNames.model(fromCanonical: attendees) },
                    dissenters: try decode("the dissenters") { try StoredNames.model(fromCanonical: dissenters) },
                    recordedBy: try column(row, 6, "recorder"), recordedAt: date),
                sequence: try column(row, 8, "consensus event"))
        }
    }

    static func document(_ db: Database, sha256: String) throws -> [UInt8]? {
        guard let row = try Row.fetchOne(db, sql: "SELECT bytes FROM documents WHERE sha256 = ?", arguments: [sha256]) else {
            return nil
        }
        let data: Data = try column(row, 0, "document")
        return [UInt8](data)
    }

    static func documentDigest(_ db: Database, sha256: String) throws -> (bytes: Int, sha256: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT rowid, typeof(bytes) FROM documents WHERE sha256 = ?", arguments: [sha256])
        else { return nil }
        let rowID: Int64 = try column(row, 0, "document row")
        let type: String = try column(row, 1, "document type")
        guard type == "blob" else {
            // Not as TenderScore writes it (text, or NULL): read as before, whole.
            return try document(db, sha256: sha256).map { ($0.count, Digest.sha256($0)) }
        }
        guard let connection = db.sqliteConnection else { throw StoreError(.database, "the store is closed") }
        var blob: OpaquePointer?
        guard sqlite3_blob_open(connection, "main", "documents", "bytes", rowID, 0, &blob) == SQLITE_OK, let blob else {
            throw StoreError(
                .damaged, "the document \(sha256) cannot be read: \(String(cString: sqlite3_errmsg(connection)))")
        }
        defer { sqlite3_blob_close(blob) }
        let size = Int(sqlite3_blob_bytes(blob))
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: min(size, 1 << 20))
        var offset = 0
        while offset < size {
            let count = min(buffer.count, size - offset)
            let status = buffer.withUnsafeMutableBytes { sqlite3_blob_read(blob, $0.baseAddress, Int32(count), Int32(offset)) }
            guard status == SQLITE_OK else {
                throw StoreError(.damaged, "the document \(sha256) cannot be read (SQLite error \(status))")
            }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
            offset += count
        }
        return (size, Digest.hex(Array(hasher.finalize())))
    }

    private static func column<Value: DatabaseValueConvertible>(_ row: Row, _ index: Int, _ what: String) throws -> Value {
        guard let value: Value = try optionalColumn(row, index, what) else {
            throw StoreError(.damaged, "a stored \(what) is missing: the store is damaged; run `tenderscore audit verify`")
        }
        return value
    }

    private static func optionalColumn<Value: DatabaseValueConvertible>(_ row: Row, _ index: Int, _ what: String) throws -> Value? {
        // One column, not the whole row copied per column: a snapshot reads 180,000 scores.
        guard index < row.count else {
            throw StoreError(.damaged, "a stored \(what) is missing: the store is damaged; run `tenderscore audit verify`")
        }
        let stored: DatabaseValue = row[index]
        if stored.isNull { return nil }
        guard let value = Value.fromDatabaseValue(stored) else {
            throw StoreError(.damaged, "a stored \(what) cannot be read: the store is damaged; run `tenderscore audit verify`")
        }
        return value
    }

    private static func decode<Value>(_ what: String, _ body: () throws -> Value) throws(StoreError) -> Value {
        do {
            return try body()
        } catch {
            throw StoreError(.damaged, "\(what) on record cannot be read (\(error)); run `tenderscore audit verify`")
        }
    }
}
