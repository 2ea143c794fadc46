import Foundation

/// Where a write puts what it decided, inside the backend's transaction.
///
/// A sink lives only for the duration of one ``TenderStorage/write(tender:scope:_:)``: the
/// events it appends and the documents it keeps become visible together when the write's body
/// returns, or not at all when it throws.
public protocol EventSink: AnyObject {
    /// The hash of the last event, the genesis hash before the first.
    var head: String { get }
    /// How many events the history holds, counting those appended through this sink.
    var eventCount: Int64 { get }

    /// Appends one event after the head, with the projection rows it sets, and returns it.
    func append(_ kind: EventKind, payload: some Encodable, actor: String, reason: String?, at time: Date) throws
        -> HistoryEvent

    /// Keeps a document's bytes, named by their SHA-256 (the same bytes are kept once).
    func keep(_ document: HashedDocument) throws -> DocumentReference

    /// Keeps a large document by reading it in chunks; see ``DocumentSource``.
    func keep(_ source: DocumentSource) throws -> DocumentReference

    /// For `tenderscore store copy` only: appends an event another store recorded, exactly as
    /// it was (its time, actor, payload and hash), with the projection rows it sets. Refused
    /// unless it follows the head as the next event and its hash is its content's
    /// (``EventChain/requireFollows(_:head:count:)``), so a copy can only continue a chain that
    /// verifies. Use cases never call this: they append through ``append(_:payload:actor:reason:at:)``.
    func append(copied record: EventRecord) throws -> HistoryEvent
}

extension EventSink {
    /// Keeps a document's bytes, named by their SHA-256 (the same bytes are kept once).
    public func keep(_ bytes: [UInt8], file: String) throws -> DocumentReference {
        try keep(HashedDocument(file: file, bytes: bytes))
    }

    /// A backend that cannot receive copies says so.
    public func append(copied record: EventRecord) throws -> HistoryEvent {
        throw StoreError(.invalidInput, "this store cannot receive a history copied from another store")
    }
}

extension EventSink {
    /// The event an append would produce, computed the same way by every backend.
    func nextRecord(
        _ kind: EventKind, payload: some Encodable, actor: String, reason: String?, at time: Date
    ) throws -> EventRecord {
        try EventChain.next(
            after: head, sequence: eventCount + 1, kind: kind, payload: payload, actor: actor, reason: reason, at: time)
    }
}
