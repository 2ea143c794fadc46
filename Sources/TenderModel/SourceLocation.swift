/// Where something stands in a document a person gave us, so that every message can point at it.
///
/// Lines and columns are 1-based, as editors show them. A column of 0 means the parser could not
/// tell the column (libxml2 records only lines for elements it has already built). A line of 0
/// means the file as a whole: a Word or OpenDocument form has no lines a user could go to.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    /// The file as a whole (`file: error: ...`), for documents without lines.
    public static func wholeFile(_ file: String) -> SourceLocation { SourceLocation(file: file, line: 0, column: 0) }

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers and editors understand.
    public var description: String {
        line <= 0 ? file : column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }
}
