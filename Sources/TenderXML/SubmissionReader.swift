import Foundation
import TenderModel

/// Reads a bid, or each bid of a bulk `<submissions>` file, and checks what stands within it.
/// Checks against the tender (its criteria, word limits) are in `ImportChecks` (in TenderWorkflow).
enum SubmissionReader {
    /// - Parameter schema: what the XSD found, so that a value it refused is not refused twice.
    static func read(_ element: ParsedElement, schema: [Diagnostic] = []) -> (Submission, [Diagnostic]) {
        var found = DiagnosticList(schema: schema)
        let id = element.attribute("id") ?? ""
        let submitted = element.attribute("submitted").flatMap { raw -> Date? in
            guard let date = Timestamp.parse(raw) else {
                if found.schemaRefused(element, raw) { return nil }
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
        responses.reserveCapacity(element.children.count)
        var firstLine: [String: Int] = [:]
        // In place: `children("response")` would copy every response element with its answer.
        for responseIndex in element.children.indices where element.children[responseIndex].name == "response" {
            let responseElement = element.children[responseIndex]
            let criterion = responseElement.attribute("criterion") ?? ""
            if let earlier = firstLine[criterion] {
                found.error(responseElement, "criterion '\(criterion)' is answered twice (first at line \(earlier))")
                continue
            }
            firstLine[criterion] = responseElement.location.line
            let answer = responseElement.children.firstIndex { $0.name == "answer" }
            let (paragraphs, words, answered) =
                answer.map { Self.paragraphsAndWords(of: responseElement.children[$0]) } ?? ([], 0, false)
            if !answered {
                found.warning(responseElement, "the answer to '\(criterion)' is empty")
            }
            let evidence = responseElement.children("evidence").map {
                Evidence(href: $0.attribute("href"), title: $0.foldedText)
            }
            if let words {
                responses.append(
                    Response(
                        criterion: criterion, paragraphs: paragraphs, evidence: evidence, location: responseElement.location,
                        countedWords: words))
            } else {
                responses.append(
                    Response(criterion: criterion, paragraphs: paragraphs, evidence: evidence, location: responseElement.location))
            }
        }

        let submission = Submission(
            id: id, tender: element.attribute("tender") ?? "", submitted: submitted ?? Date(timeIntervalSince1970: 0),
            bidder: bidder, price: price, responses: responses, location: element.location)
        return (submission, found.all)
    }

    /// An answer is either `<p>` paragraphs or plain text, where blank lines separate paragraphs.
    /// The paragraphs, and their words when every `<p>` was counted while its text was copied
    /// (``ParsedElement/textWords``); nil for plain text, which is split and counted afterwards.
    /// `answered` is false for an answer with no words in it.
    ///
    /// A paragraph whose text was not kept (``ParsedElement/textKept``) adds its words but no
    /// paragraph, as ``TenderModel/Submission/withoutAnswers()`` would leave it.
    static func paragraphsAndWords(of answer: ParsedElement) -> (paragraphs: [String], words: Int?, answered: Bool) {
        // Read in place rather than through `children("p")`, which copies every paragraph element.
        var marked: [String] = []
        var words: Int? = 0
        var uncopied = 0
        var uncopiedWords = 0
        marked.reserveCapacity(answer.children.count)
        for index in answer.children.indices where answer.children[index].name == "p" {
            if !answer.children[index].textKept {
                // Left uncopied only in one piece, whose words were counted.
                let counted = answer.children[index].textWords ?? 0
                if counted > 0 {
                    uncopied += 1
                    uncopiedWords += counted
                }
                continue
            }
            let text = answer.children[index].foldedText
            if !text.isEmpty {
                marked.append(text)
                words = answer.children[index].textWords.flatMap { counted in words.map { $0 + counted } }
            }
        }
        if uncopied > 0 {
            // Paragraphs in pieces were copied all the same; they are counted here.
            let copiedWords = marked.reduce(0) { total, text in
                var text = text
                return total + text.withUTF8 { UnicodeWhitespace.wordCount($0) }
            }
            return ([], uncopiedWords + copiedWords, true)
        }
        if !marked.isEmpty { return (marked, words, true) }
        let plain = plainParagraphs(of: answer)
        return (plain, nil, !plain.isEmpty)
    }

    private static func plainParagraphs(of answer: ParsedElement) -> [String] {
        answer.text
            .components(separatedBy: "\n")
            .split { $0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.joined(separator: " ").foldingWhitespace() }
            .filter { !$0.isEmpty }
    }
}

/// xs:dateTime with a time zone, which audit records need to be unambiguous.
enum Timestamp {
    static func parse(_ raw: String) -> Date? {
        let text = raw.trimmedOfWhitespace
        if let date = wholeSeconds(text) { return date }
        return formatters.withLock { plain, fractional in plain.date(from: text) ?? fractional.date(from: text) }
    }

    /// `YYYY-MM-DDThh:mm:ss` then `Z` or `±hh:mm`, the form nearly every bid uses, read
    /// directly: the formatter costs more than the rest of reading a bid's attributes. Anything
    /// else (fractions, leap seconds, years before 1000) goes to the formatter.
    static func wholeSeconds(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25 else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for index in from..<(from + length) {
                let digit = Int(bytes[index]) - 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2),
            year >= 1000, (1...12).contains(month), hour <= 23, minute <= 59, second <= 59
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day >= 1, day <= lengths[month - 1] else { return nil }
        var offset = 0
        if bytes.count == 20 {
            guard bytes[19] == UInt8(ascii: "Z") else { return nil }
        } else {
            guard bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-"), bytes[22] == UInt8(ascii: ":"),
                let hours = number(20, 2), let minutes = number(23, 2), hours <= 23, minutes <= 59
            else { return nil }
            offset = (hours * 60 + minutes) * 60 * (bytes[19] == UInt8(ascii: "-") ? -1 : 1)
        }
        // Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Making a formatter costs more than using it, and every bid has a time: keep one pair.
    private static let formatters = Formatters()

    private final class Formatters: @unchecked Sendable {
        private let lock = NSLock()
        private let plain = ISO8601DateFormatter()
        private let fractional = ISO8601DateFormatter()

        init() {
            plain.formatOptions = [.withInternetDateTime]
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        }

        func withLock<T>(_ body: (ISO8601DateFormatter, ISO8601DateFormatter) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(plain, fractional)
        }
    }
}
