import Crypto
import Foundation

/// A file exactly as a bidder sent it: its name, its bytes and their SHA-256, taken before
/// anything was read out of it, so an auditor can show what was scored came from this file.
public struct ReceivedFile: Sendable, Hashable {
    /// The file's name without its folder.
    public var fileName: String
    public var bytes: Data
    /// SHA-256 of ``bytes``, lowercase hexadecimal.
    public var sha256: String

    public init(fileName: String, bytes: Data) {
        self.fileName = fileName
        self.bytes = bytes
        self.sha256 = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads a regular file of at most `maxBytes`, refusing links, folders, devices and anything
    /// longer, with `code` on the refusal. The size is checked before reading and again on the
    /// bytes read, so a file that grows in between is still stopped at the cap. `what` names the
    /// file in messages ("the response form").
    public static func read(_ url: URL, maxBytes: Int, code: FormError.Code, what: String) throws(FormError) -> ReceivedFile {
        let path = url.path
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw FormError(.unreadable, file: path, "the file cannot be read: \(error.localizedDescription)")
        }
        let type = attributes[.type] as? FileAttributeType
        if type == .typeSymbolicLink {
            throw FormError(code, file: path, "\(what) is a symbolic link; give the file itself")
        }
        guard type == .typeRegular else {
            throw FormError(code, file: path, "\(what) is not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > maxBytes {
            throw FormError(code, file: path, "\(what) is \(size) bytes, over the limit of \(maxBytes) bytes")
        }
        let bytes: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            bytes = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw FormError(.unreadable, file: path, "the file cannot be read: \(error.localizedDescription)")
        }
        if bytes.count > maxBytes {
            throw FormError(code, file: path, "\(what) is over the limit of \(maxBytes) bytes")
        }
        return ReceivedFile(fileName: url.lastPathComponent, bytes: bytes)
    }
}
