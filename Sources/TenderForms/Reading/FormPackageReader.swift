import Foundation
import TenderXML

/// Turns a file's bytes into the marked fields it holds, refusing, with the reason, everything
/// that is not a plain Word or OpenDocument response form: PDFs (renamed or not), legacy .doc
/// files, password-protected files, macro-enabled documents, damaged or hostile packages.
enum FormPackageReader {
    struct Contents {
        var format: FormFormat
        var fields: [MarkedField]
    }

    static func read(_ original: ReceivedFile, path: String, limits: PackageLimits) throws(FormError) -> Contents {
        let named = FormFormat(fileName: original.fileName)
        let lowered = original.fileName.lowercased()
        let signature = FileSignature(original.bytes.prefix(512))
        switch signature {
        case .zip:
            break
        case .pdf:
            if let named {
                throw FormError(
                    .pdf, file: path,
                    "the file is a PDF renamed to .\(named.rawValue), not a \(named == .docx ? "Word" : "LibreOffice") file; ask the bidder for the response form itself (.docx or .odt) — a PDF can come as an appendix"
                )
            }
            throw FormError(
                .pdf, file: path,
                "the file is a PDF; answers are read only from the response form as .docx or .odt, so ask the bidder for the completed form (a PDF can come as an appendix)"
            )
        case .ole:
            throw oleError(original.bytes, path: path)
        default:
            if original.bytes.starts(with: Array("{\\rtf".utf8)) {
                throw FormError(
                    .notAForm, file: path, "the file is in Rich Text Format (RTF); ask the bidder to save it as .docx or .odt")
            }
            if lowered.hasSuffix(".doc") {
                throw FormError(
                    .legacyWord, file: path,
                    "the file is named .doc but is not a Word document TenderScore can read; ask the bidder to save the form as .docx"
                )
            }
            throw FormError(
                .notAForm, file: path,
                "the file is not a Word (.docx) or OpenDocument (.odt) response form: it is \(signature.name) that does not start as a ZIP package"
            )
        }
        let package = try FormPackage(bytes: original.bytes, file: path, limits: limits)
        if package.contains("[Content_Types].xml") {
            return Contents(format: .docx, fields: try docxFields(package, path: path, lowered: lowered))
        }
        if package.contains("mimetype") || package.contains("META-INF/manifest.xml") {
            return Contents(format: .odt, fields: try odtFields(package, path: path))
        }
        throw FormError(
            .notAForm, file: path,
            "the file is a ZIP archive, not a Word or OpenDocument response form; send the form itself, with appendices as separate files"
        )
    }

    /// A legacy Word file and an encrypted Office file share the OLE signature; the stream names
    /// (UTF-16 in the OLE directory) tell them apart.
    private static func oleError(_ bytes: Data, path: String) -> FormError {
        func holds(_ name: String) -> Bool {
            let needle = Data(name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            return bytes.range(of: needle) != nil
        }
        if holds("EncryptionInfo") || holds("EncryptedPackage") {
            return FormError(
                .encrypted, file: path,
                "the file is password-protected (an encrypted Office file, which is stored as an OLE compound file); ask the bidder to remove the password and send the form again"
            )
        }
        if holds("WordDocument") {
            return FormError(
                .legacyWord, file: path,
                "the file is a legacy Word 97–2003 document (.doc, an OLE compound file); ask the bidder to save the form as .docx and send it again"
            )
        }
        return FormError(
            .legacyWord, file: path,
            "the file is an OLE compound file: a legacy Office document (such as .doc) or a password-protected one; ask the bidder to save the form as .docx without a password"
        )
    }

    private static func parse(_ package: FormPackage, _ part: String, path: String) throws(FormError) -> XMLTreeElement? {
        guard let bytes = try package.part(part) else { return nil }
        do {
            return try XMLTreeReader.parse(bytes: bytes, file: "\(path)!/\(part)", maxBytes: package.limits.maxPartBytes)
        } catch {
            throw FormError(
                .invalidXML, file: path,
                "the part \(part) of the package is not acceptable XML: \(error.diagnostics.map(\.message).joined(separator: "; "))")
        }
    }

    private static func docxFields(_ package: FormPackage, path: String, lowered: String) throws(FormError) -> [MarkedField] {
        let macros = FormError(
            .macros, file: path,
            "the file is a macro-enabled Word document (.docm); macros are never accepted: ask the bidder to save the form as .docx (Word Document)"
        )
        if package.entryNames.contains(where: { $0.lowercased().hasSuffix("vbaproject.bin") }) { throw macros }
        guard let types = try parse(package, "[Content_Types].xml", path: path) else {
            throw FormError(.damagedPackage, file: path, "the package has no [Content_Types].xml")
        }
        let contentTypes = types.elements.compactMap { $0.attribute("ContentType") }
        if contentTypes.contains(where: { $0.contains("macroEnabled") || $0.contains("vbaProject") }) { throw macros }
        let mainPart = try mainDocumentPart(package, path: path)
        let mainType =
            types.elements.first { $0.name == "Override" && $0.attribute("PartName") == "/" + mainPart }?
            .attribute("ContentType") ?? ""
        guard mainType.hasSuffix("wordprocessingml.document.main+xml") || mainType.isEmpty else {
            throw FormError(
                .notAForm, file: path,
                "the file is an Office package of another kind (\(mainType)), not a Word document; send the response form as .docx")
        }
        guard let document = try parse(package, mainPart, path: path) else {
            throw FormError(.damagedPackage, file: path, "the package has no main document part (\(mainPart))")
        }
        let folder = mainPart.contains("/") ? String(mainPart[..<(mainPart.lastIndex(of: "/") ?? mainPart.endIndex)]) + "/" : ""
        let styles = try parse(package, folder + "styles.xml", path: path)
        let numbering = try parse(package, folder + "numbering.xml", path: path)
        let reader = DocxFields(document: document, styles: styles, numbering: numbering)
        return reader.fields(in: document)
    }

    /// The target of the package's officeDocument relationship (word/document.xml as Word writes it).
    private static func mainDocumentPart(_ package: FormPackage, path: String) throws(FormError) -> String {
        guard let relationships = try parse(package, "_rels/.rels", path: path) else { return "word/document.xml" }
        let target = relationships.elements.first { ($0.attribute("Type") ?? "").hasSuffix("/officeDocument") }?
            .attribute("Target")
        guard var target, !target.isEmpty else { return "word/document.xml" }
        if target.hasPrefix("/") { target.removeFirst() }
        return target
    }

    private static func odtFields(_ package: FormPackage, path: String) throws(FormError) -> [MarkedField] {
        if let manifest = try parse(package, "META-INF/manifest.xml", path: path),
            !manifest.descendants("encryption-data", namespace: "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0")
                .isEmpty
        {
            throw FormError(
                .encrypted, file: path,
                "the file is password-protected (encrypted OpenDocument); ask the bidder to remove the password and send the form again"
            )
        }
        if package.entryNames.contains(where: { $0.hasPrefix("Basic/") || $0.hasPrefix("Scripts/") }) {
            throw FormError(
                .macros, file: path,
                "the file contains macros or scripts; they are never accepted: ask the bidder to save the form again without them")
        }
        if let mimetype = try package.part("mimetype") {
            let type = String(decoding: mimetype, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard type == ODTRenderer.mimeType else {
                throw FormError(
                    .notAForm, file: path,
                    "the file is an OpenDocument file of another kind (\(type)), not a text document; send the response form as .odt")
            }
        }
        guard let content = try parse(package, "content.xml", path: path) else {
            throw FormError(.damagedPackage, file: path, "the package has no content.xml")
        }
        let styles = try parse(package, "styles.xml", path: path)
        return ODTFields(content: content, styles: styles).fields(in: content)
    }
}
