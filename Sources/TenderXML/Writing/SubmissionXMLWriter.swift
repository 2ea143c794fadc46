import Foundation
import TenderModel

/// Writes a ``Submission`` as a `urn:tenderscore:submission:1` document, so that a bid that
/// arrived another way (a filled-in response form) can be kept, read and validated like any
/// other. Reading the output back with ``DocumentLoader`` gives the same submission, except
/// for source locations and ``Submission/original``, which the reader does not yet keep.
public enum SubmissionXMLWriter {
    public static func xml(for submission: Submission) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<submission xmlns=\"urn:tenderscore:submission:1\" id=\"\(escape(submission.id))\""
        out += " tender=\"\(escape(submission.tender))\" submitted=\"\(timestamp(submission.submitted))\">\n"
        let bidder = submission.bidder
        out += "  <bidder>\n    <name>\(escape(bidder.name))</name>\n    <type>\(bidder.type.rawValue)</type>\n"
        if let registration = bidder.registration {
            out += "    <registration scheme=\"\(escape(registration.scheme))\">\(escape(registration.identifier))</registration>\n"
        }
        if let locality = bidder.locality {
            out += "    <locality>\(escape(locality))</locality>\n"
        }
        out += "  </bidder>\n"
        if let price = submission.price {
            out += "  <price currency=\"\(escape(price.currency))\">\(price.amount)</price>\n"
        }
        for response in submission.responses {
            out += "  <response criterion=\"\(escape(response.criterion))\">\n    <answer>"
            out += response.paragraphs.map { "\n      <p>\(escape($0))</p>" }.joined()
            out += response.paragraphs.isEmpty ? "</answer>\n" : "\n    </answer>\n"
            for evidence in response.evidence {
                let href = evidence.href.map { " href=\"\(escape($0))\"" } ?? ""
                out += "    <evidence\(href)>\(escape(evidence.title))</evidence>\n"
            }
            out += "  </response>\n"
        }
        if let original = submission.original {
            out += "  <original file=\"\(escape(original.fileName))\" sha256=\"\(escape(original.sha256))\"/>\n"
        }
        out += "</submission>\n"
        return out
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Escapes text for element content and double-quoted attributes; characters XML 1.0 cannot
    /// hold at all (most C0 controls) are dropped rather than written as an invalid document.
    static func escape(_ text: String) -> String { XMLText.escaped(text) }
}
