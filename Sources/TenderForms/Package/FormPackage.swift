import Foundation
import ZIPFoundation

/// A response form's ZIP package, opened from bytes already in memory and checked against
/// ``PackageLimits`` before any part is read.
///
/// Every entry is vetted on the central directory: no more than `maxEntries`, no two with one
/// name, no symbolic links, no name that is absolute or climbs out with `..`, declared sizes
/// within the caps (each entry and all together), and no entry over 1 MiB with a compression ratio past the limit. Then the
/// first bytes of every file entry are looked at: an archive inside the package is refused, so a
/// nested bomb is never opened. Parts are decompressed only on request, counting the bytes that
/// actually come out against the cap and checking the CRC.
final class FormPackage {
    let file: String
    let limits: PackageLimits
    private let archive: Archive
    private var entries: [String: Entry] = [:]

    init(bytes: Data, file: String, limits: PackageLimits) throws(FormError) {
        self.file = file
        self.limits = limits
        do {
            archive = try Archive(data: bytes, accessMode: .read)
        } catch {
            throw FormError(
                .damagedPackage, file: file,
                "the file starts like a ZIP package but its table of contents cannot be read (the file may be cut short or damaged); ask the bidder to save and send it again"
            )
        }
        try vetEntries()
    }

    /// The names of every entry, for checks such as the presence of `word/vbaProject.bin`.
    var entryNames: Set<String> { Set(entries.keys) }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    private func refuse(_ message: String) -> FormError {
        FormError(.unsafePackage, file: file, message)
    }

    private func vetEntries() throws(FormError) {
        var count = 0
        var total: UInt64 = 0
        for entry in archive {
            count += 1
            if count > limits.maxEntries {
                throw refuse("the package holds more than \(limits.maxEntries) entries; a response form has a few dozen")
            }
            let path = entry.path
            try vetName(path)
            if entry.type == .symlink {
                throw refuse("the package holds a symbolic link (\(path)); a response form never does")
            }
            if entries[path] != nil {
                throw refuse("the package holds two entries named \(path)")
            }
            let size = entry.uncompressedSize
            total += size
            if entry.type == .file, size > UInt64(limits.maxEntryBytes) {
                throw refuse("the entry \(path) unpacks to \(size) bytes, over the limit of \(limits.maxEntryBytes) bytes for one entry")
            }
            if total > UInt64(limits.maxTotalBytes) {
                throw refuse("the package unpacks to more than \(limits.maxTotalBytes) bytes in all")
            }
            if entry.type == .file, size >= UInt64(limits.ratioCheckedFromBytes) {
                let compressed = max(entry.compressedSize, 1)
                if size / compressed > UInt64(limits.maxCompressionRatio) {
                    throw refuse(
                        "the entry \(path) unpacks to \(size) bytes from \(entry.compressedSize), a ratio over \(limits.maxCompressionRatio) to 1 (a ZIP bomb)"
                    )
                }
            }
            entries[path] = entry
        }
        for (path, entry) in entries where entry.type == .file {
            let head = try read(entry, path: path, upTo: 512)
            let signature = FileSignature(head)
            if signature.isArchive {
                throw refuse(
                    "the entry \(path) is \(signature.name) inside the package; archives inside a form are not accepted: send embedded files as separate appendices"
                )
            }
        }
    }

    private func vetName(_ path: String) throws(FormError) {
        let unified = path.replacingOccurrences(of: "\\", with: "/")
        let components = unified.split(separator: "/", omittingEmptySubsequences: false)
        if unified.hasPrefix("/") || unified.contains("\0")
            || (unified.count >= 2 && unified.dropFirst().first == ":")
        {
            throw refuse("the package holds an entry with an absolute path (\(path))")
        }
        if components.contains("..") {
            throw refuse("the package holds an entry whose name climbs out of the package with .. (\(path))")
        }
    }

    /// The whole of a part, or nil when the package has no such entry.
    func part(_ path: String) throws(FormError) -> [UInt8]? {
        guard let entry = entries[path], entry.type == .file else { return nil }
        if entry.uncompressedSize > UInt64(limits.maxPartBytes) {
            throw refuse("the part \(path) is \(entry.uncompressedSize) bytes, over the limit of \(limits.maxPartBytes) bytes")
        }
        return try read(entry, path: path, upTo: nil)
    }

    private struct EnoughRead: Error {}
    private struct OverLimit: Error {}

    /// Decompresses an entry, stopping after `upTo` bytes when given, else refusing one that
    /// produces more than it declared or more than the part limit.
    private func read(_ entry: Entry, path: String, upTo wanted: Int?) throws(FormError) -> [UInt8] {
        var bytes: [UInt8] = []
        let cap = wanted ?? min(Int(clamping: entry.uncompressedSize), limits.maxPartBytes)
        do {
            let checksum = try archive.extract(entry, bufferSize: 16_384, skipCRC32: wanted != nil) { chunk in
                if let wanted {
                    bytes += chunk.prefix(wanted - bytes.count)
                    if bytes.count >= wanted { throw EnoughRead() }
                } else {
                    if bytes.count + chunk.count > cap { throw OverLimit() }
                    bytes += chunk
                }
            }
            if wanted == nil, checksum != entry.checksum {
                throw FormError(.damagedPackage, file: file, "the part \(path) is damaged (its checksum does not match)")
            }
        } catch is EnoughRead {
            return bytes
        } catch is OverLimit {
            throw refuse("the part \(path) unpacks to more bytes than its header declares")
        } catch let error as FormError {
            throw error
        } catch {
            throw FormError(.damagedPackage, file: file, "the part \(path) cannot be unpacked (the file may be cut short or damaged)")
        }
        return bytes
    }
}
