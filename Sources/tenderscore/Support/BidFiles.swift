import Foundation
import TenderForms
import TenderStore
import TenderWorkflow

/// Sorts what a person typed after `submissions import` (or `validate`) into XML bids and bids
/// sent as response forms, the one way both commands do it:
/// - a `.xml` file (for `validate`, also `.csv`) is a document as before;
/// - any other file is a response form; a `.docm`, a legacy `.doc`, an encrypted file or a PDF is
///   refused by the form reader, naming the file;
/// - a folder that directly holds a response form is one bid: the form, and every other file in
///   it an appendix; its name is the bid's id;
/// - any other folder stands for its `.xml` files at any depth and for each bid folder at any
///   depth inside it: a folder named as a bid id that holds exactly one response form (so
///   `Samples/forms/` stands for `BID-008/` and `BID-009/`, and the blank forms beside them are
///   left alone).
struct BidFiles {
    /// The XML (and, for `validate`, CSV) documents.
    var documents: [String] = []
    /// Each form's path (a file, or a bid's folder).
    var forms: [String] = []
    var formFolders: Set<String> = []

    init(_ paths: [String], extensions: Set<String> = ["xml"]) {
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                if extensions.contains((path as NSString).pathExtension.lowercased()) {
                    documents.append(path)
                } else {
                    forms.append(path)
                }
                continue
            }
            if ReceivedForm.isBidFolder(path) {
                addFolder(path)
                continue
            }
            documents += DocumentFiles.expand([path], extensions: extensions)
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            // A link may lead to a bid's folder; isNamedBidFolder follows it to see.
            let folders = FolderWalk.entries(under: base).filter { $0.isDirectory || $0.isSymbolicLink }.map(\.relativePath)
            for entry in folders.sorted() where Self.isNamedBidFolder(base + "/" + entry) {
                addFolder(base + "/" + entry)
            }
        }
    }

    /// A folder found inside another that is one bid's: named as a bid id, holding one form.
    private static func isNamedBidFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
            Validation.isIdentifier((path as NSString).lastPathComponent)
        else { return false }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") && ReceivedForm.isForm($0) }.count == 1
    }

    private mutating func addFolder(_ path: String) {
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        forms.append(folder)
        formFolders.insert(folder)
    }

    /// Reads every form and its appendices, listing every file refused rather than stopping at
    /// the first. `submissionID` and `appendices` may only be given when there is one form.
    func readForms(submissionID: String?, submitted: Date, appendices: [String] = []) -> (
        forms: [ReceivedForm], problems: [FormError]
    ) {
        var read: [ReceivedForm] = []
        var problems: [FormError] = []
        for path in forms {
            do throws(FormError) {
                read.append(
                    formFolders.contains(path)
                        ? try ReceivedForm.read(folder: path, submissionID: submissionID, submitted: submitted)
                        : try ReceivedForm.read(
                            form: path, appendices: appendices, submissionID: submissionID, submitted: submitted))
            } catch {
                problems.append(error)
            }
        }
        return (read, problems)
    }

    /// `--submitted` as ISO 8601 (`2026-10-08T15:10:00Z`, seconds and fractions optional).
    static func time(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate, .withTimeZone]
        return formatter.date(from: text)
    }
}
