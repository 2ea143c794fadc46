import Foundation
import TenderModel

/// Reads a bid, or each bid of a bulk `<submissions>` file, and checks what stands within it.
/// Checks against the tender (its criteria, word limits) are in ``ImportChecks``.
enum SubmissionReader {
    static func read(_ element: ParsedElement) -> (Submission, [Diagnostic]) {
        var found = DiagnosticList()
        let id = element.attribute("id") ?? ""
        let submitted = element.attribute("submitted").flatMap { raw -> Date? in
            guard let date = Timestamp.parse(raw) else {
                found.error(element, "submitted=\"\(raw)\" needs a date, a time and a time zone, as in 2026-10-03T11:42:00Z")
                return nil
            }
            return date
        }

        let bidder: Bidder
        if let bidderElement = element.child("bidder") {
            let registration = bidderElement.child("registration").map {
                Registration(scheme: $0.attribute("scheme") ?? "", identifier: $0.foldedText)
            }
            let locality = bidderElement.child("locality")?.foldedText
            bidder = Bidder(
                name: found.requiredText(bidderElement, "name", what: "the bidder's name"),
                type: bidderElement.child("type").flatMap { BidderType(rawValue: $0.foldedText) } ?? .voluntary,
                registration: registration,
                locality: locality?.isEmpty == true ? nil : locality)
        } else {
            found.error(element, "the bidder is missing")
            bidder = Bidder(name: "", type: .voluntary)
        }

        let price = element.child("price").flatMap { priceElement -> Money? in
            found.decimal(priceElement, priceElement.text, what: "the price").map {
                Money(amount: $0, currency: priceElement.attribute("currency") ?? "")
            }
        }

        var responses: [Response] = []
        var firstLine: [String: Int] = [:]
        for responseElement in element.children("response") {
            let criterion = responseElement.attribute("criterion") ?? ""
            if let earlier = firstLine[criterion] {
                found.error(responseElement, "criterion '\(criterion)' is answered twice (first at line \(earlier))")
                continue
            }
            firstLine[criterion] = responseElement.location.line
            let answer = responseElement.child("answer")
            let paragraphs = answer.map(Self.paragraphs) ?? []
            if paragraphs.isEmpty {
                found.warning(responseElement, "the answer to '\(criterion)' is empty")
            }
            let evidence = responseElement.children("evidence").map {
                Evidence(href: $0.attribute("href"), title: $0.foldedText)
            }
            responses.append(
                Response(criterion: criterion, paragraphs: paragraphs, evidence: evidence, location: responseElement.location))
        }

        let submission = Submission(
            id: id, tender: element.attribute("tender") ?? "", submitted: submitted ?? Date(timeIntervalSince1970: 0),
            bidder: bidder, price: price, responses: responses, location: element.location)
        return (submission, found.all)
    }

    /// An answer is either `<p>` paragraphs or plain text, where blank lines separate paragraphs.
    static func paragraphs(of answer: ParsedElement) -> [String] {
        let marked = answer.children("p").map(\.foldedText).filter { !$0.isEmpty }
        if !marked.isEmpty { return marked }
        return answer.text
            .components(separatedBy: "\n")
            .split { $0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.joined(separator: " ").foldingWhitespace() }
            .filter { !$0.isEmpty }
    }
}

/// xs:dateTime with a time zone, which audit records need to be unambiguous.
enum Timestamp {
    static func parse(_ raw: String) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
