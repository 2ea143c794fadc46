import Foundation

/// Finds the column of an element's start tag.
///
/// libxml2 keeps a line number on each element but no column, and XSD errors arrive with only the
/// element. Because elements are visited in document order, a cursor per line finds each start
/// tag after the previous one on the same line.
struct ColumnLocator {
    private let utf8: [UInt8]
    /// Where each line starts in `utf8`; kept as offsets, since a long bid has thousands of lines.
    private let lineStarts: [Int]
    /// Per line (from 0), where the search for the next start tag on it begins; 0 for the
    /// line's start. An array, not a dictionary: every element of a bid asks.
    private var cursors: [Int]
    /// The lines before `utf8` began: a bulk file is located one window of lines at a time.
    private let lineOffset: Int

    /// - Parameter utf8: the document as UTF-8 (see ``TextDecoding``); other single-byte
    ///   encodings still locate ASCII names correctly.
    init(utf8: [UInt8], firstLine: Int = 1) {
        self.utf8 = utf8
        var starts = [0]
        utf8.withUnsafeBufferPointer { buffer in
            // memchr rather than a loop over every byte: this runs over every byte of every bid.
            guard let base = buffer.baseAddress else { return }
            var from = base
            let end = base + buffer.count
            while from < end, let found = memchr(from, Int32(UInt8(ascii: "\n")), end - from) {
                let newline = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                starts.append(newline - base + 1)
                from = newline + 1
            }
        }
        lineStarts = starts
        cursors = Array(repeating: 0, count: starts.count)
        lineOffset = firstLine - 1
    }

    private var lineCount: Int { lineStarts.count }

    /// The 1-based column of `<qualifiedName` on `line` or, for a start tag whose attributes run
    /// over several lines, on the nearest line before it. 1 when the tag cannot be found.
    mutating func column(ofStartTag qualifiedName: String, line: Int) -> Int {
        var name = qualifiedName
        return name.withUTF8 { column(ofStartTag: $0, line: line) }
    }

    /// The same, for a name given as its UTF-8 bytes (straight from libxml2's tree).
    mutating func column(ofStartTag qualifiedName: UnsafeBufferPointer<UInt8>, line: Int) -> Int {
        var candidate = line
        while candidate > lineOffset, candidate >= line - 50, candidate - lineOffset <= lineCount {
            let start = lineStarts[candidate - lineOffset - 1]
            let end = candidate - lineOffset < lineStarts.count ? lineStarts[candidate - lineOffset] - 1 : utf8.count
            let from = max(cursors[candidate - lineOffset - 1], start)
            let found = utf8.withUnsafeBufferPointer { Self.find(qualifiedName, in: $0, from: from, end: end) }
            if let found {
                cursors[candidate - lineOffset - 1] = found + 1 + qualifiedName.count
                return utf8.withUnsafeBufferPointer { Self.characterColumn(of: found, lineStart: start, in: $0) }
            }
            candidate -= 1
        }
        return 1
    }

    /// `<name` followed by the end of the name, at or after `from` and before `end`.
    private static func find(_ name: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int)
        -> Int?
    {
        guard let base = bytes.baseAddress, let nameBase = name.baseAddress else { return nil }
        var index = from
        while index + name.count < end {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), end - index - name.count) else { return nil }
            index = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            let after = index + 1 + name.count
            if memcmp(base + index + 1, nameBase, name.count) == 0, after == end || isNameTerminator(base[after]) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Columns count characters, not bytes: UTF-8 continuation bytes do not start one.
    private static func characterColumn(of index: Int, lineStart: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for position in lineStart..<index where bytes[position] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    private static func isNameTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: " ")
            || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }
}
