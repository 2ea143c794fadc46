import Foundation

/// Turns libxml2's messages into words a commissioner can act on, keeping the detail.
enum LibXMLMessage {
    /// The XSD types our schemas use, said as a reader would say them.
    private static let typeMeanings: [(String, String)] = [
        ("xs:decimal", "a decimal number"),
        ("xs:integer", "a whole number"),
        ("xs:positiveInteger", "a whole number above 0"),
        ("xs:dateTime", "a date and time such as 2026-10-03T11:42:00Z"),
        ("Identifier", "a valid identifier (a letter first, then letters, digits, '-', '_' or '.')"),
        ("xs:NCName", "a valid identifier (a letter first, then letters, digits, '-', '_' or '.')"),
        ("Weight", "a weight from 0 to 100"),
        ("Amount", "an amount of 0 or more, such as 1180000.00"),
        ("Currency", "a three-letter currency code such as GBP"),
        ("PriceFormula", "a price formula (lowest-price or relative-difference)"),
        ("BidderType", "a kind of bidder (user-led, voluntary, social-enterprise, sme, large or public)"),
        ("Role", "a panel role (commissioner, expert-by-experience, carer, practitioner, finance or independent)"),
        ("ScoreValue", "a whole number (or empty, in a row not scored yet)"),
    ]

    /// libxml2 refuses a decimal of more than about 24 digits as "not a valid value", which a
    /// reader then hears as "not an amount of 0 or more"; say what is wrong instead, in the
    /// words ``DecimalText/limitProblem(_:)`` uses for the shorter ones the XSD lets through.
    private static func tooManyDigits(_ message: String) -> String? {
        for type in ["Amount", "Weight", "xs:decimal"] {
            let tail = "' is not a valid value of the atomic type '\(type)'."
            guard message.hasSuffix(tail), let open = message.range(of: ": '") else { continue }
            let value = String(message[open.upperBound..<message.index(message.endIndex, offsetBy: -tail.count)])
            guard let problem = DecimalText.limitProblem(value) else { return nil }
            return String(message[..<open.lowerBound]) + ": " + problem
        }
        return nil
    }

    static func plainWords(_ raw: String, code: Int) -> String {
        // One line per diagnostic, as compilers print them: some libxml2 messages run over two.
        var message = raw.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        // Schema messages name elements as `{urn:tenderscore:criteria:1}criterion`; the namespace
        // is noise to a reader.
        while let open = message.range(of: "{urn:"), let close = message[open.upperBound...].firstIndex(of: "}") {
            message.removeSubrange(open.lowerBound...close)
        }
        if message.hasPrefix("Excessive depth in document") {
            return "elements are nested too deeply (more than 256 levels); no TenderScore document needs that"
        }
        if message == "Document is empty" {
            return "the file holds no XML element"
        }
        if message.hasPrefix("Extra content at the end of the document") {
            return "there is content after the end of the root element"
        }
        if message.hasPrefix("Start tag expected") {
            return "the file is not XML: no element was found where the document should begin"
        }
        if message.hasPrefix("Input is not proper UTF-8") || message.hasPrefix("invalid character in attribute value")
            && message.contains("UTF-8")
        {
            // Not libxml2's own words: they dump the bytes found, which are the file's content.
            return "the text is not valid UTF-8, and the file declares no other encoding"
        }
        if let rewritten = tooManyDigits(message) { message = rewritten }
        for (type, meaning) in typeMeanings {
            for variety in ["atomic", "union"] {
                message = message.replacingOccurrences(
                    of: "is not a valid value of the \(variety) type '\(type)'.", with: "is not \(meaning).")
            }
        }
        message = message.replacingOccurrences(of: "This element is not expected. Expected is", with: "This element is not expected here; expected is")
        if message.hasSuffix(".") { message.removeLast() }
        if message.hasPrefix("Element '") {
            return "element " + message.dropFirst("Element ".count)
        }
        return message
    }
}
