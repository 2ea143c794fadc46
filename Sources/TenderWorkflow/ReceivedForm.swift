import Foundation
import TenderForms
import TenderStore

/// A bid that arrived as a filled-in response form (.docx or .odt), with the files sent beside
/// it, read byte for byte and not yet interpreted.
///
/// The form is interpreted against the tender's criteria inside the write that records it
/// (``Tender/importSubmissions(_:bulk:forms:by:replacementReason:)``). The appendices are
/// checked whichever way it is made (read from files, or an upload already in memory): programs,
/// archives, sizes (see ``AppendixLimits``), so nothing unchecked reaches the store.
///
/// A form carries no bid id or arrival time of its own (a bidder could type anything there), so
/// the commissioner gives them: the id defaults to the bid's folder name, or the form's file name
/// without its extension (`BID-008/` or `BID-008.docx` → `BID-008`).
public struct ReceivedForm: Sendable {
    /// The form's path as the user named it; the history records it.
    public private(set) var path: String
    public private(set) var form: ReceivedFile
    /// The appendices with the paths they were read from, in name order.
    public private(set) var appendices: [(path: String, file: ReceivedFile)]
    public private(set) var submissionID: String
    public private(set) var submitted: Date

    /// The file extensions taken as a response form in a bid's folder. The refused kinds are
    /// here so that a `.docm` or legacy `.doc` "form" gets its own message, not "an archive".
    public static let formExtensions: Set<String> = ["docx", "odt", "docm", "dotx", "dotm", "doc", "ott", "rtf"]

    /// Reads a form and the appendices named beside it.
    /// - Parameters:
    ///   - submissionID: the bid's id; nil takes the form's file name without its extension.
    ///   - submitted: when the bid arrived (the portal's or mailbox's time).
    public static func read(
        form path: String, appendices: [String] = [], submissionID: String? = nil, submitted: Date,
        packageLimits: PackageLimits = PackageLimits(), appendixLimits: AppendixLimits = AppendixLimits()
    ) throws(FormError) -> ReceivedForm {
        let url = URL(fileURLWithPath: path)
        let form = try ReceivedFile.read(
            url, maxBytes: packageLimits.maxFileBytes, code: .tooLarge, what: "the response form")
        let files = try Appendices.read(appendices.map { URL(fileURLWithPath: $0) }, limits: appendixLimits)
        return try ReceivedForm(
            path: path, form: form, appendices: Array(zip(appendices, files)),
            submissionID: submissionID ?? url.deletingPathExtension().lastPathComponent, submitted: submitted,
            appendixLimits: appendixLimits)
    }

    /// Reads a bid sent as a folder: exactly one response form, every other file in it (hidden
    /// files aside) an appendix. The id defaults to the folder's name.
    public static func read(
        folder: String, submissionID: String? = nil, submitted: Date, packageLimits: PackageLimits = PackageLimits(),
        appendixLimits: AppendixLimits = AppendixLimits()
    ) throws(FormError) -> ReceivedForm {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let urls = try Appendices.files(in: URL(fileURLWithPath: base))
        let forms = urls.filter { isForm($0.lastPathComponent) }
        guard forms.count == 1, let form = forms.first else {
            throw FormError(
                .notAForm, file: base,
                forms.isEmpty
                    ? "the folder holds no response form (.docx or .odt); a bid's folder holds its form and appendices"
                    : "the folder holds \(forms.count) response forms (\(forms.map(\.lastPathComponent).joined(separator: ", "))); a bid's folder holds one"
            )
        }
        let appendixPaths = urls.filter { $0 != form }.map { base + "/" + $0.lastPathComponent }
        return try read(
            form: base + "/" + form.lastPathComponent, appendices: appendixPaths,
            submissionID: submissionID ?? URL(fileURLWithPath: base).lastPathComponent, submitted: submitted,
            packageLimits: packageLimits, appendixLimits: appendixLimits)
    }

    /// A form and appendices already in memory (an upload), with the paths or names messages
    /// give; the appendices are checked as ``read(form:appendices:submissionID:submitted:packageLimits:appendixLimits:)``
    /// checks them, and the id must be usable.
    public init(
        path: String, form: ReceivedFile, appendices: [(path: String, file: ReceivedFile)], submissionID: String,
        submitted: Date, appendixLimits: AppendixLimits = AppendixLimits()
    ) throws(FormError) {
        try Appendices.check(appendices, limits: appendixLimits)
        guard Validation.isIdentifier(submissionID) else {
            throw FormError(
                .notAForm, file: path,
                "\"\(submissionID)\" is not a usable bid id (letters, digits, '-', '_' and '.', starting with a letter); name the file or folder after the bid, or give --id"
            )
        }
        self.init(path: path, form: form, appendices: appendices, submissionID: submissionID, submitted: submitted)
    }

    private init(
        path: String, form: ReceivedFile, appendices: [(path: String, file: ReceivedFile)], submissionID: String, submitted: Date
    ) {
        self.path = path
        self.form = form
        self.appendices = appendices
        self.submissionID = submissionID
        self.submitted = submitted
    }

    /// Whether a file name has an extension taken as a response form (``formExtensions``).
    public static func isForm(_ fileName: String) -> Bool {
        formExtensions.contains((fileName as NSString).pathExtension.lowercased())
    }

    /// Whether `folder` is one bid's folder: it directly holds a response form and no subfolder
    /// (a folder of bid folders, such as `Samples/forms/` beside its blank forms, is not).
    public static func isBidFolder(_ folder: String) -> Bool {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return names.contains(where: isForm) && !names.contains { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}
