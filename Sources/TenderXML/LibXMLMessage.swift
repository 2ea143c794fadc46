import Foundation

/// Turns libxml2's messages into words a commissioner can act on, keeping the detail.
enum LibXMLMessage {
    static func plainWords(_ raw: String, code: Int) -> String {
        var message = raw.trimmingCharacters(in: .whitespacesAndNewlines)
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
            return "the text is not valid UTF-8, and the file declares no other encoding (\(message))"
        }
        if message.hasPrefix("Element '") {
            return "element " + message.dropFirst("Element ".count)
        }
        return message
    }
}
