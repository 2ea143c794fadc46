/// What a file's first bytes say it is, whatever its name claims. Bidders rename files; the
/// signature is what decides how a file is treated.
enum FileSignature: Equatable {
    case zip
    case pdf
    /// An OLE compound file: a legacy .doc, or a password-protected Word or LibreOffice file
    /// (encryption wraps the package in one).
    case ole
    case gzip, sevenZip, rar, tar, xz, bzip2
    case elf, windowsExecutable, machO, script
    case other

    init(_ head: some Collection<UInt8>) {
        let bytes = Array(head.prefix(512))
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            self = .zip
        } else if starts(Array("%PDF".utf8)) {
            self = .pdf
        } else if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            self = .ole
        } else if starts([0x1F, 0x8B]) {
            self = .gzip
        } else if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) {
            self = .sevenZip
        } else if starts(Array("Rar!\u{1A}\u{07}".utf8)) {
            self = .rar
        } else if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) {
            self = .xz
        } else if starts(Array("BZh".utf8)) {
            self = .bzip2
        } else if bytes.count >= 262, Array(bytes[257..<262]) == Array("ustar".utf8) {
            self = .tar
        } else if starts([0x7F, 0x45, 0x4C, 0x46]) {
            self = .elf
        } else if starts([0x4D, 0x5A]) {
            self = .windowsExecutable
        } else if starts([0xFE, 0xED, 0xFA, 0xCE]) || starts([0xFE, 0xED, 0xFA, 0xCF]) || starts([0xCE, 0xFA, 0xED, 0xFE])
            || starts([0xCF, 0xFA, 0xED, 0xFE]) || starts([0xCA, 0xFE, 0xBA, 0xBE])
        {
            self = .machO
        } else if starts(Array("#!".utf8)) {
            self = .script
        } else {
            self = .other
        }
    }

    var isArchive: Bool { [.zip, .gzip, .sevenZip, .rar, .tar, .xz, .bzip2].contains(self) }
    var isExecutable: Bool { [.elf, .windowsExecutable, .machO, .script].contains(self) }

    /// Plain words for messages.
    var name: String {
        switch self {
        case .zip: "a ZIP archive"
        case .pdf: "a PDF"
        case .ole: "an OLE compound file"
        case .gzip: "a gzip archive"
        case .sevenZip: "a 7-Zip archive"
        case .rar: "a RAR archive"
        case .tar: "a tar archive"
        case .xz: "an xz archive"
        case .bzip2: "a bzip2 archive"
        case .elf: "a Linux program (ELF)"
        case .windowsExecutable: "a Windows program (PE)"
        case .machO: "a macOS program (Mach-O)"
        case .script: "a script (it starts with #!)"
        case .other: "a file"
        }
    }
}
