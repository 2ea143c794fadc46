/// Finds the column of an element's start tag.
///
/// libxml2 keeps a line number on each element but no column, and XSD errors arrive with only the
/// element. Because elements are visited in document order, a cursor per line finds each start
/// tag after the previous one on the same line.
struct ColumnLocator {
    private let utf8: [UInt8]
    /// Where each line starts in `utf8`; kept as offsets, since a long bid has thousands of lines.
    private let lineStarts: [Int]
    private var cursors: [Int: Int] = [:]
    /// The lines before `utf8` began: a bulk file is located one window of lines at a time.
    private let lineOffset: Int

    /// - Parameter utf8: the document as UTF-8 (see ``TextDecoding``); other single-byte
    ///   encodings still locate ASCII names correctly.
    init(utf8: [UInt8], firstLine: Int = 1) {
        self.utf8 = utf8
        var starts = [0]
        utf8.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
        }
        lineStarts = starts
        lineOffset = firstLine - 1
    }

    private var lineCount: Int { lineStarts.count }

    private func line(_ number: Int) -> ArraySlice<UInt8> {
        let start = lineStarts[number - 1]
        let end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        return utf8[start..<end]
    }

    /// The 1-based column of `<qualifiedName` on `line` or, for a start tag whose attributes run
    /// over several lines, on the nearest line before it. 1 when the tag cannot be found.
    mutating func column(ofStartTag qualifiedName: String, line: Int) -> Int {
        let needle = [UInt8(ascii: "<")] + Array(qualifiedName.utf8)
        var candidate = line
        while candidate > lineOffset, candidate >= line - 50, candidate - lineOffset <= lineCount {
            let bytes = self.line(candidate - lineOffset)
            let from = cursors[candidate] ?? bytes.startIndex
            if let found = Self.find(needle, in: bytes, from: from) {
                cursors[candidate] = found + needle.count
                return Self.characterColumn(of: found, in: bytes)
            }
            candidate -= 1
        }
        return 1
    }

    private static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        guard from < bytes.endIndex, needle.count <= bytes.endIndex - from else { return nil }
        var index = from
        while index + needle.count <= bytes.endIndex {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) {
                let after = index + needle.count
                // The name must end here: `<p` is not the start of `<price`.
                if after == bytes.endIndex || isNameTerminator(bytes[after]) { return index }
            }
            index += 1
        }
        return nil
    }

    private static func isNameTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: " ")
            || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }

    /// Columns count characters, not bytes: UTF-8 continuation bytes do not start one.
    private static func characterColumn(of index: Int, in bytes: ArraySlice<UInt8>) -> Int {
        bytes[bytes.startIndex..<index].reduce(1) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
    }
}
