/// Where tenders are kept: the interface every backend implements (the SQLite file in
/// `TenderSQLite`, a shared PostgreSQL database in `TenderPostgres`).
///
/// A backend stores events, documents and projection rows, and runs each write atomically; it
/// decides nothing. What an event means, how the chain is hashed and how the history is
/// verified are this module's (``EventInterpretation``, ``EventChain``, ``HistoryVerifier``), so
/// every backend keeps the same history and proves it the same way. The rules of a tender are
/// the workflow's, decided inside ``write(tender:scope:_:)``.
///
/// Every backend passes the same conformance suite (`TenderTestSupport.StorageConformance`).
public protocol TenderStorage: Sendable {
    /// Where the store is, for messages: a path, or a URL without its password.
    var location: String { get }
    /// Opened read-only: every write is refused, and reading says so.
    var isReadOnly: Bool { get }

    /// The tenders the store holds, in the order they were set up.
    func tenderIDs() async throws(StoreError) -> [String]

    /// Sets up a new tender: `body` appends its first event. Refused when the tender exists, or
    /// when the store cannot hold another.
    func create(tender: String, _ body: @escaping @Sendable (any EventSink) throws -> Void) async throws(StoreError)

    /// The tender as it stands, read in one transaction.
    func snapshot(tender: String, scope: SnapshotScope) async throws(StoreError) -> TenderSnapshot

    /// Runs `body` inside one transaction that holds the tender's write lock: the snapshot it is
    /// given was read inside that transaction, so nothing it checks can change before what it
    /// appends is committed. When `body` throws, nothing it appended or kept remains.
    func write<T: Sendable>(
        tender: String, scope: SnapshotScope, _ body: @escaping @Sendable (TenderSnapshot, any EventSink) throws -> T
    ) async throws(StoreError) -> T

    /// Hands `body` every event of the tender in order, a few at a time, without holding the
    /// history in memory. Reading stops at the first error `body` throws.
    func forEachEvent(tender: String, _ body: @escaping @Sendable (EventRecord) throws -> Void) async throws(StoreError)

    /// One event, or nil when the history has none with that sequence number.
    func event(tender: String, sequence: Int64) async throws(StoreError) -> EventRecord?

    /// The stored rows of one projection table for the tender, the table's columns in order.
    func projectedRows(tender: String, table: ProjectedTable) async throws(StoreError) -> [[StoredValue]]

    /// Hands `body` the stored rows of one projection table one at a time, as
    /// ``projectedRows(tender:table:)`` lists them, without holding the table in memory.
    /// Reading stops at the first error `body` throws.
    func forEachProjectedRow(
        tender: String, table: ProjectedTable, _ body: @escaping @Sendable ([StoredValue]) throws -> Void
    ) async throws(StoreError)

    /// A kept document's size and the SHA-256 of its bytes as they are now (64 lowercase hex
    /// digits), or nil when none is kept under `sha256`: what `verify` checks, worked out
    /// without holding the document (a bulk file runs to gigabytes).
    func documentDigest(tender: String, sha256: String) async throws(StoreError) -> (bytes: Int, sha256: String)?

    /// A kept document's bytes, or nil when none has that SHA-256.
    func document(tender: String, sha256: String) async throws(StoreError) -> [UInt8]?

    /// The names of the backend's append-only safeguards (triggers) that are no longer in place.
    func missingSafeguards(tender: String) async throws(StoreError) -> [String]
}

extension TenderStorage {
    /// For a backend that can only read a document whole.
    public func documentDigest(tender: String, sha256: String) async throws(StoreError) -> (bytes: Int, sha256: String)? {
        guard let bytes = try await document(tender: tender, sha256: sha256) else { return nil }
        return (bytes.count, Digest.sha256(bytes))
    }

    /// For a backend without a cursor of its own: the rows read at once, then handed on.
    public func forEachProjectedRow(
        tender: String, table: ProjectedTable, _ body: @escaping @Sendable ([StoredValue]) throws -> Void
    ) async throws(StoreError) {
        for values in try await projectedRows(tender: tender, table: table) {
            do {
                try body(values)
            } catch {
                throw (error as? StoreError) ?? StoreError(.database, "reading the \(table.name) table of \(location) stopped: \(error)")
            }
        }
    }
}
