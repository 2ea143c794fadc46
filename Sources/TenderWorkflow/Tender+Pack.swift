import Foundation
import TenderExport
import TenderStore

extension Tender {
    /// The evidence files the bids `panelist` may read arrived with, as the evaluation pack copies
    /// them in: each bid's appendices, named by the file name the bidder gave (what the bid's
    /// `<evidence href>` names). Bids the member declared a conflict with are never read.
    public func packEvidence(for panelist: String, view: TenderView) async throws(StoreError) -> [String: [EvidenceFile]] {
        let reader = try ActingPerson(panelist)
        var evidence: [String: [EvidenceFile]] = [:]
        for submission in view.submissions where !view.panel.isConflicted(member: panelist, submission: submission.id) {
            guard let received = try await receivedFiles(ofSubmission: submission.id, for: reader) else { continue }
            let files = received.appendices.map {
                EvidenceFile(href: URL(fileURLWithPath: $0.file).lastPathComponent, contents: Data($0.bytes))
            }
            if !files.isEmpty { evidence[submission.id] = files }
        }
        return evidence
    }
}
