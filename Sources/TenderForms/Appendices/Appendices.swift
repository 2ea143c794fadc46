import Foundation

/// The files a bidder sends beside their response form, read byte for byte and fingerprinted.
///
/// An appendix is refused when it is a program (ELF, PE, Mach-O, a `#!` script) or an archive
/// (ZIP, gzip, 7-Zip, RAR, tar, xz, bzip2) whatever its name: archives hide what is inside them
/// and may unpack without bound. Word and Excel files are ZIP packages too and are refused with
/// the rest; commissioners ask for appendices as PDF. Links, folders and hidden files (names
/// starting with a dot, such as `.DS_Store`) are not appendices.
public enum Appendices {
    /// Reads the named files, in the order given, checking each and all of them against `limits`.
    public static func read(_ urls: [URL], limits: AppendixLimits = AppendixLimits()) throws(FormError) -> [ReceivedFile] {
        if urls.count > limits.maxCount {
            throw FormError(
                .refusedAppendix, file: urls.first?.deletingLastPathComponent().path ?? "appendices",
                "\(urls.count) appendices were sent; at most \(limits.maxCount) are accepted")
        }
        // Checked after each file, so that a program, or the total going over, stops the reading
        // there (at most 50 files: checking the whole list again each time costs nothing).
        var files: [(path: String, file: ReceivedFile)] = []
        for url in urls {
            files.append(
                (url.path, try ReceivedFile.read(url, maxBytes: limits.maxFileBytes, code: .refusedAppendix, what: "the appendix")))
            try check(files, limits: limits)
        }
        return files.map(\.file)
    }

    /// Checks appendices already in memory (an upload, or files read elsewhere), each with the
    /// path or name that messages give, against the same rules as ``read(_:limits:)``: the count,
    /// each size and the total, one name once, no programs, no archives.
    public static func check(_ files: [(path: String, file: ReceivedFile)], limits: AppendixLimits = AppendixLimits()) throws(FormError) {
        if files.count > limits.maxCount {
            throw FormError(
                .refusedAppendix, file: files.first.map { ($0.path as NSString).deletingLastPathComponent } ?? "appendices",
                "\(files.count) appendices were sent; at most \(limits.maxCount) are accepted")
        }
        var total = 0
        var names: Set<String> = []
        for (path, file) in files {
            if file.bytes.count > limits.maxFileBytes {
                throw FormError(
                    .refusedAppendix, file: path, "the appendix is \(file.bytes.count) bytes, over the limit of \(limits.maxFileBytes) bytes")
            }
            if !names.insert(file.fileName.lowercased()).inserted {
                throw FormError(.refusedAppendix, file: path, "two appendices are named \(file.fileName)")
            }
            total += file.bytes.count
            if total > limits.maxTotalBytes {
                throw FormError(
                    .refusedAppendix, file: path,
                    "the appendices come to more than \(limits.maxTotalBytes) bytes together, over the limit")
            }
            let signature = FileSignature(file.bytes.prefix(512))
            if signature.isExecutable {
                throw FormError(
                    .refusedAppendix, file: path, "the appendix is \(signature.name); programs and scripts are not accepted")
            }
            if signature.isArchive {
                throw FormError(
                    .refusedAppendix, file: path,
                    "the appendix is \(signature.name) (Word and Excel files are ZIP packages too); archives are not accepted: send each document on its own, as PDF"
                )
            }
        }
    }

    /// The regular files in `folder` (not its subfolders), by name, except `excluding` and hidden
    /// files; links and subfolders there are refused rather than silently left out.
    public static func files(in folder: URL, excluding: Set<String> = []) throws(FormError) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw FormError(.unreadable, file: folder.path, "the folder cannot be read: \(error.localizedDescription)")
        }
        var urls: [URL] = []
        for name in names.sorted() where !name.hasPrefix(".") && !excluding.contains(name) {
            let url = folder.appendingPathComponent(name)
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            if type == .typeDirectory {
                throw FormError(
                    .refusedAppendix, file: url.path, "a bid's folder holds its form and appendices only, not other folders")
            }
            urls.append(url)
        }
        return urls
    }
}
