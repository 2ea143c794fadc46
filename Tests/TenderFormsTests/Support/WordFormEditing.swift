import Foundation

/// Fills a TenderScore .docx form's controls by editing document.xml directly, for tests that
/// need a filled form without Python (the size measurement).
enum WordFormEditing {
    static func fill(_ xml: String, tag: String, paragraphs: [String]) -> String {
        guard let tagRange = xml.range(of: "<w:tag w:val=\"\(tag)\"/>"),
            let start = xml.range(of: "<w:sdtContent>", range: tagRange.upperBound..<xml.endIndex),
            let end = xml.range(of: "</w:sdtContent>", range: start.upperBound..<xml.endIndex)
        else { return xml }
        let body = paragraphs.map { "<w:p><w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r></w:p>" }.joined()
        var filled = xml.replacingCharacters(in: start.upperBound..<end.lowerBound, with: body)
        if let properties = filled.range(of: "<w:showingPlcHdr/>", range: tagRange.upperBound..<filled.endIndex),
            properties.lowerBound < (filled.range(of: "<w:sdtContent>", range: tagRange.upperBound..<filled.endIndex)?.lowerBound ?? filled.startIndex)
        {
            filled.removeSubrange(properties)
        }
        return filled
    }
}
