import Foundation
import TenderModel
import TenderStore
import TenderXML

/// One tender and every use case on it: the rules of the tender, enforced once for every front
/// end (the command line, the web app) and every store (SQLite, PostgreSQL).
///
/// Each change is decided inside the store write it guards (``TenderStorage/write(tender:scope:_:)``):
/// the rule reads the tender as it stands inside the transaction that records the change, so no
/// other command can slip a change in between the check and the write. A refusal, an error or
/// a crash leaves the store exactly as it was.
public struct Tender: Sendable {
    public let storage: any TenderStorage
    public let id: String
    /// Limits applied to every document read.
    public var documentOptions: DocumentReadOptions
    let clock: @Sendable () -> Date

    /// Called after each event is appended inside a write, so that tests can make it fail
    /// halfway and check that nothing of it remains. Never set outside tests.
    @_spi(Testing) public var faultInjector: (@Sendable (FaultPoint) throws -> Void)?

    init(
        storage: any TenderStorage, id: String, documentOptions: DocumentReadOptions, clock: @escaping @Sendable () -> Date
    ) {
        self.storage = storage
        self.id = id
        self.documentOptions = documentOptions
        self.clock = clock
    }

    /// Opens a tender in a store. `tender` may be left out when the store holds exactly one.
    public static func open(
        in storage: any TenderStorage, tender: String? = nil, documentOptions: DocumentReadOptions = DocumentReadOptions(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) async throws(StoreError) -> Tender {
        let held = try await storage.tenderIDs()
        let chosen: String
        if let tender {
            guard held.contains(tender) else {
                let list = held.isEmpty ? "no tender" : held.joined(separator: ", ")
                throw StoreError(.tenderNotFound, "\(storage.location) holds no tender \(tender) (it holds \(list)).")
            }
            chosen = tender
        } else {
            switch held.count {
            case 0:
                throw StoreError(.storeNotFound, "\(storage.location) holds no tender yet: set one up with `tenderscore init`.")
            case 1:
                chosen = held[0]
            default:
                throw StoreError(
                    .invalidInput,
                    "\(storage.location) holds \(held.count) tenders (\(held.joined(separator: ", "))); name one with --tender.")
            }
        }
        return Tender(storage: storage, id: chosen, documentOptions: documentOptions, clock: clock)
    }

    /// Sets up a new tender, adopting the criteria framework in `criteria`.
    ///
    /// The framework is fixed from this moment: its SHA-256 and its bytes are recorded in the
    /// first event, and no use case changes it.
    public static func create(
        in storage: any TenderStorage, tender: String, criteria document: DocumentFile, title: String? = nil,
        budget: Decimal? = nil, by person: ActingPerson, documentOptions: DocumentReadOptions = DocumentReadOptions(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) async throws(StoreError) -> Tender {
        try Validation.identifier(tender, what: "tender id")
        let loaded: LoadedDocument
        do throws(DocumentError) {
            loaded = try DocumentLoader(options: documentOptions).load(bytes: document.bytes, file: document.file)
        } catch {
            throw StoreError(
                .invalidDocuments, "The criteria framework has errors; nothing was set up.", diagnostics: error.diagnostics)
        }
        guard case .criteria(let framework) = loaded.document else {
            throw StoreError(
                .invalidDocuments,
                "\(document.file) is a \(loaded.document.kind.displayName), not a criteria framework; nothing was set up.")
        }
        if let title { _ = try TextInput.line(title, what: "title") }
        if let budget, budget <= 0 {
            throw StoreError(.invalidInput, "The budget must be an amount above zero; nothing was set up.")
        }
        let time = Timestamp.truncated(clock())
        let actor = person.name
        try await storage.create(tender: tender) { sink in
            let reference = try sink.keep(document.bytes, file: document.file)
            let payload = TenderCreatedPayload(
                tender: tender, title: title?.trimmingWhitespace ?? framework.title, criteria: framework,
                criteriaDocument: reference, budget: budget)
            _ = try sink.append(.tenderCreated, payload: payload, actor: actor, reason: nil, at: time)
        }
        return Tender(storage: storage, id: tender, documentOptions: documentOptions, clock: clock)
    }

    // MARK: Reading and changing

    /// The tender as it stands; with `.responses`, each bid with its answers.
    public func snapshot(_ scope: SnapshotScope = []) async throws(StoreError) -> TenderSnapshot {
        try await storage.snapshot(tender: id, scope: scope)
    }

    /// Runs one use case's decision inside one store write, by `person`.
    func change<T: Sendable>(
        by person: ActingPerson, scope: SnapshotScope = [], afterFinalisation: Bool = false,
        _ decide: @escaping @Sendable (TenderSnapshot, Recorder) throws -> T
    ) async throws(StoreError) -> T {
        if person.standing == .auditor {
            throw StoreError(.forbidden, "\(person.name) is an auditor: auditors read and verify, and change nothing.")
        }
        let time = Timestamp.truncated(clock())
        let injector = faultInjector
        return try await storage.write(tender: id, scope: scope) { snapshot, sink in
            if !afterFinalisation { try snapshot.requireOpenForChanges() }
            return try decide(snapshot, Recorder(sink: sink, actor: person.name, time: time, faultInjector: injector))
        }
    }
}

/// What a use case appends through, inside the write: the acting person and the time are the
/// same for every event of one change.
struct Recorder {
    let sink: any EventSink
    let actor: String
    let time: Date
    let faultInjector: (@Sendable (FaultPoint) throws -> Void)?

    func append(_ kind: EventKind, _ payload: some Encodable, reason: String? = nil) throws -> HistoryEvent {
        let event = try sink.append(kind, payload: payload, actor: actor, reason: reason, at: time)
        try faultInjector?(.appended(sequence: event.sequence, kind: kind))
        return event
    }

    func keep(_ document: DocumentFile) throws -> DocumentReference {
        try sink.keep(document.bytes, file: document.file)
    }
}

/// Points inside a write where a test can make the transaction fail.
@_spi(Testing) public enum FaultPoint: Sendable, Hashable {
    /// Just after the event with this sequence number was appended, before the transaction ends.
    case appended(sequence: Int, kind: EventKind)
}
