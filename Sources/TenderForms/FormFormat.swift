/// The two word-processing formats a response form is written in and read from.
public enum FormFormat: String, Sendable, Hashable, CaseIterable {
    /// Office Open XML, as Word writes it.
    case docx
    /// OpenDocument text, as LibreOffice writes it.
    case odt

    /// The format a file name's extension names, or nil for any other extension.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".docx") {
            self = .docx
        } else if lowered.hasSuffix(".odt") {
            self = .odt
        } else {
            return nil
        }
    }
}
