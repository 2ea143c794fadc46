import Foundation
import TenderStore

/// What `tenderscore store copy` did: how much it copied, and the head both stores share.
public struct StoreCopy: Sendable, Hashable {
    public var tender: String
    public var eventCount: Int
    public var documentCount: Int
    /// The head hash of the source, which the copy verified with.
    public var head: String
}

extension Tender {
    /// Copies this tender's whole history into `target`, another store of any kind (SQLite to
    /// PostgreSQL and back): every event exactly as recorded (same times, actors, payloads and
    /// hashes) and every document it received, replayed in order through
    /// ``EventSink/append(copied:)`` inside the one transaction that sets the tender up there.
    ///
    /// Refused, with nothing stored, when this history does not verify, or when `target`
    /// already holds the tender (a copy never joins onto another history). The copy is then
    /// verified against this history's head, which it must share.
    ///
    /// Memory: the events and documents are read first and held until the target's transaction
    /// commits (the sink is synchronous), so a copy needs about the size of the history plus its
    /// documents in memory.
    public func copy(to target: any TenderStorage) async throws(StoreError) -> StoreCopy {
        let source = try await verify()
        guard source.isIntact, let head = source.head else {
            let problem = source.firstProblem.map { ": \($0)" } ?? ""
            throw StoreError(
                .damaged,
                "The history of tender \(id) in \(storage.location) does not verify\(problem). Nothing was copied; run `tenderscore audit verify` on it.")
        }
        if try await target.tenderIDs().contains(id) {
            throw StoreError(
                .alreadyExists,
                "\(target.location) already holds tender \(id); a copy never joins onto an existing history. Nothing was copied.")
        }
        let collected = CollectedHistory()
        try await storage.forEachEvent(tender: id) { record in collected.append(record) }
        let records = collected.records
        var documents: [Int64: [(file: String, bytes: [UInt8])]] = [:]
        var fetched: Set<String> = []
        for record in records {
            let meaning: EventInterpretation
            do { meaning = try EventInterpretation(record) } catch {
                throw StoreError(.damaged, "event \(record.sequence) of \(id) cannot be read (\(error)); nothing was copied")
            }
            for reference in meaning.documents where fetched.insert(reference.sha256).inserted {
                guard let bytes = try await storage.document(tender: id, sha256: reference.sha256) else {
                    throw StoreError(
                        .damaged,
                        "the document \(reference.file) that event \(record.sequence) received is missing from \(storage.location); nothing was copied")
                }
                documents[record.sequence, default: []].append((reference.file, bytes))
            }
        }
        let tender = id
        let toKeep = documents
        try await target.create(tender: tender) { sink in
            for record in records {
                for document in toKeep[record.sequence] ?? [] {
                    _ = try sink.keep(document.bytes, file: document.file)
                }
                _ = try sink.append(copied: record)
            }
        }
        let copied = try await Tender.open(in: target, tender: tender).verify(expectHead: head)
        guard copied.isIntact, copied.head == head else {
            let problem = copied.firstProblem.map { ": \($0)" } ?? ""
            throw StoreError(
                .damaged,
                "The copy of \(tender) in \(target.location) does not verify with the head \(head)\(problem). Check that store before using it.")
        }
        return StoreCopy(tender: tender, eventCount: records.count, documentCount: fetched.count, head: head)
    }
}

/// The events as `forEachEvent` hands them over, one at a time and in order.
private final class CollectedHistory: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [EventRecord] = []

    func append(_ record: EventRecord) { lock.withLock { list.append(record) } }
    var records: [EventRecord] { lock.withLock { list } }
}
