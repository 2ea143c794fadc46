import Foundation
import TenderModel
import TenderStore

extension Tender {
    /// Records that outputs were sent: each file's bytes kept, with their SHA-256, to whom and
    /// when, so an auditor sees exactly what went out and that it went after sign-off. Refused
    /// before the tender is finalised (a draft is not published), and for a blank recipient.
    ///
    /// Publishing changes no score or decision, so it is the one change accepted after
    /// finalisation; `verify` refuses a publication recorded before it.
    public func publish(_ files: [DocumentFile], to recipient: String, as what: String, by person: ActingPerson)
        async throws(StoreError) -> [HistoryEvent]
    {
        let recipient = try TextInput.line(recipient, what: "recipient")
        let what = try TextInput.line(what, what: "description of what was sent")
        guard !recipient.isEmpty else {
            throw StoreError(.invalidInput, "Say who the files went to (--to), for the record.")
        }
        guard !files.isEmpty else { throw StoreError(.invalidInput, "No files were given to record as published.") }
        return try await change(by: person, afterFinalisation: true) { snapshot, recorder in
            guard snapshot.summary.isFinalised else {
                throw StoreError(
                    .notReady,
                    "The tender is not finalised, so nothing can be published yet: what it would send is a draft. Finalise first (`tenderscore finalise`).")
            }
            return try files.map { file in
                try recorder.append(
                    .outputPublished, PublicationPayload(document: try recorder.keep(file), recipient: recipient, what: what))
            }
        }
    }
}
