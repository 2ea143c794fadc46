/// One file of a `multipart/form-data` form: the field it was chosen in, the name the person's
/// computer gave it (folders stripped), and its exact bytes.
public struct UploadedFile: Sendable, Hashable {
    public var field: String
    public var fileName: String
    public var bytes: [UInt8]

    public init(field: String, fileName: String, bytes: [UInt8]) {
        self.field = field
        self.fileName = fileName
        self.bytes = bytes
    }
}
