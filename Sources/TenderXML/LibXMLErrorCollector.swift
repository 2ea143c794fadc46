import CLibXML2
import TenderModel

/// Gathers the errors of one parse or one validation, handed to libxml2 as a context pointer so
/// that nothing goes through libxml2's process-global handlers (Foundation installs its own).
final class LibXMLErrorCollector {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Where a DOCTYPE began, once the parser met one and was stopped.
    private(set) var doctype: SourceLocation?
    /// Resolves element columns for validation errors, which carry only the element.
    var columnOfNode: ((xmlNodePtr) -> Int)?

    init(file: String) {
        self.file = file
    }

    func recordDoctype(line: Int, column: Int) {
        doctype = SourceLocation(file: file, line: line, column: column)
    }

    func record(_ error: xmlError) {
        let severity: Diagnostic.Severity = error.level == XML_ERR_WARNING ? .warning : .error
        var line = Int(error.line)
        var column = Int(error.int2)
        if let node = error.node?.assumingMemoryBound(to: xmlNode.self) {
            line = Int(xmlGetLineNo(node))
            column = columnOfNode?(node) ?? column
        }
        let raw = error.message.map { String(cString: $0) } ?? "unknown XML error"
        let message = LibXMLMessage.plainWords(raw, code: Int(error.code))
        diagnostics.append(
            Diagnostic(severity, at: SourceLocation(file: file, line: max(line, 1), column: max(column, 1)), message))
    }

    func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The opaque pointer libxml2 hands back to the callbacks; valid while `self` is alive.
    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer) -> LibXMLErrorCollector {
        Unmanaged<LibXMLErrorCollector>.fromOpaque(pointer).takeUnretainedValue()
    }
}
