import ArgumentParser
import Foundation
import TenderModel
import TenderStore
import TenderWorkflow

struct SubmissionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submissions", abstract: "Record the bids received.", subcommands: [Import.self, Export.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import bids: XML files, bulk <submissions> files, response forms (.docx, .odt), or folders.",
            discussion: """
                Every file is checked before anything is stored; one bad file and nothing is imported, \
                with every problem listed. A bid already on record is refused unless --replace is given \
                with --reason; a bid that has been scored cannot be replaced.

                A bid sent as a filled-in response form is given as the form file, or as a folder holding \
                the form and its appendices (every other file in the folder), or as one form file with its \
                appendices named by --appendix. Its id is the folder's name, \
                or the form's file name without its extension, unless --id gives it; the time it arrived \
                is --submitted, else the time of this import. The form, each appendix and the submission \
                XML derived from the form are all kept byte for byte, with their SHA-256 in the history. \
                A folder holding no form stands for its .xml files and the bid folders directly inside it.
                """)

        @OptionGroup var store: StoreOptions

        @OptionGroup var documents: DocumentOptions

        @Flag(help: "Declare the import a replacement of bids already on record.")
        var replace = false

        @Option(help: "Why the bids are replaced (required with --replace).")
        var reason: String?

        @Option(help: "The bid id of the one response form given (default: its folder's or file's name).")
        var id: String?

        @Option(help: "When the response forms arrived, ISO 8601 (e.g. 2026-10-08T15:10:00Z; default: now).")
        var submitted: String?

        @Option(name: .customLong("appendix"), help: "A file sent beside the one response form given as a file (repeat for each).")
        var appendices: [String] = []

        @Argument(help: "Bid files or folders.")
        var files: [String]

        func validate() throws {
            if replace && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--replace needs --reason: say why the bid is replaced")
            }
            if !replace && reason != nil {
                throw ValidationError("--reason goes with --replace")
            }
            if let submitted, BidFiles.time(submitted) == nil {
                throw ValidationError("--submitted \(submitted) is not a time; write it as 2026-10-08T15:10:00Z")
            }
        }

        func run() async throws {
            let person = try store.person()
            let tender = try await store.tender(documents: documents.readOptions)
            let found = BidFiles(files)
            if id != nil && found.forms.count != 1 {
                throw Refusal(
                    "--id names the bid of one response form, and \(found.forms.count) were given; name each bid's folder or file after its id instead")
            }
            if !appendices.isEmpty && (found.forms.count != 1 || !found.formFolders.isEmpty) {
                throw Refusal(
                    "--appendix goes with one response form given as a file; a bid's folder holds its own appendices")
            }
            if (id != nil || submitted != nil) && found.forms.isEmpty {
                throw Refusal("--id and --submitted are for response forms; an XML bid carries its own id and time")
            }
            let read = found.readForms(
                submissionID: id, submitted: submitted.flatMap(BidFiles.time) ?? Date(), appendices: appendices)
            // Each file is read once and told from its bytes; a file too big to read whole as one
            // bid is a bulk file only if its first bytes say so.
            var bulk: [String] = []
            var single: [DocumentFile] = []
            for path in found.documents {
                let file: DocumentFile
                do {
                    file = try documents.read(path)
                } catch {
                    guard BulkSubmissionSource.isBulk(path: path) else { throw error }
                    bulk.append(path)
                    continue
                }
                if BulkSubmissionSource.isBulk(file) { bulk.append(path) } else { single.append(file) }
            }
            if !read.problems.isEmpty {
                let count = read.problems.count
                throw StoreError(
                    .invalidDocuments,
                    "Nothing was imported: \(count) file\(count == 1 ? "" : "s") refused.",
                    diagnostics: read.problems.map { .error(at: .wholeFile($0.file), $0.message) })
            }
            let report = try await tender.importSubmissions(
                single, bulk: bulk.map(BulkSubmissionSource.init), forms: read.forms, by: person,
                replacementReason: replace ? reason : nil)
            ImportOutput.print(report, what: "bids")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write out a bid exactly as received, with its appendices and derived submission XML.",
            discussion: """
                Writes the file the bid came in (the XML, or the filled-in .docx/.odt form), each appendix \
                sent with it, and for a form the submission XML TenderScore derived from it (SUBMISSION.xml), \
                each checked against the SHA-256 in the history. The folder is made if missing; an existing \
                file is never written over.
                """)

        @OptionGroup var store: StoreOptions

        @Argument(help: "The bid's id.")
        var submission: String

        @Option(help: "The folder to write into.")
        var output: String

        func run() async throws {
            let person = try store.person()
            let tender = try await store.tender(readOnly: true)
            guard let bid = try await tender.receivedFiles(ofSubmission: submission, for: person) else {
                throw Refusal("\(submission) is not a bid of tender \(tender.id)")
            }
            var files = [bid.original] + bid.appendices
            if let derived = bid.derived { files.append(derived) }
            var names: [String] = []
            for file in files {
                let name = (file.file as NSString).lastPathComponent
                guard !name.isEmpty, name != ".", name != "..", !name.hasPrefix("."), !names.contains(name) else {
                    throw Refusal("the recorded name \(file.file) cannot be written as a file; nothing was written")
                }
                names.append(name)
            }
            let folder = output.hasSuffix("/") ? String(output.dropLast()) : output
            try OutputTarget.folder(folder)
            let taken = names.filter { FileManager.default.fileExists(atPath: folder + "/" + $0) }
            guard taken.isEmpty else {
                throw Refusal("\(taken.map { folder + "/" + $0 }.joined(separator: ", ")) already exist\(taken.count == 1 ? "s" : ""); nothing was written over")
            }
            for (name, file) in zip(names, files) {
                try OutputTarget.write(Data(file.bytes), to: folder + "/" + name)
                Terminal.print("Wrote \(folder)/\(name) (SHA-256 \(file.sha256))")
            }
        }
    }
}
