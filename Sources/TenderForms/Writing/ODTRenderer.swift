import Foundation

/// Renders a ``FormLayout`` as an OpenDocument text package (ODF 1.3), the .odt LibreOffice
/// writes.
///
/// Each place to write is a `text:section` named by its marker: LibreOffice shows section names
/// in the Navigator and keeps them when the text inside is edited. Until the bidder writes, a
/// section holds a `text:placeholder`, which LibreOffice selects whole on a click and which the
/// reader never takes for an answer.
enum ODTRenderer {
    static let mimeType = "application/vnd.oasis.opendocument.text"

    static func render(_ layout: FormLayout, file: String) throws(FormError) -> Data {
        var body = ""
        for block in layout.blocks {
            switch block {
            case .heading(let level, let text):
                body += "<text:h text:style-name=\"Heading_20_\(level)\" text:outline-level=\"\(level)\">\(text.xmlEscaped)</text:h>"
            case .paragraph(let text):
                body += "<text:p text:style-name=\"Text_20_body\">\(text.xmlEscaped)</text:p>"
            case .label(let text):
                body += "<text:p text:style-name=\"Field_20_Label\">\(text.xmlEscaped)</text:p>"
            case .list(let items, let ordered):
                body += "<text:list text:style-name=\"\(ordered ? "Numbering_20_123" : "List_20_Bullet")\">"
                body += items.map { "<text:list-item><text:p text:style-name=\"List_20_Item\">\($0.xmlEscaped)</text:p></text:list-item>" }
                    .joined()
                body += "</text:list>"
            case .field(let marker, let name, let placeholder, let content):
                let protected = content == nil ? "" : " text:protected=\"true\""
                let inner =
                    content.map { $0.xmlEscaped }
                    ?? "<text:placeholder text:placeholder-type=\"text\" text:description=\"\(name.xmlEscaped)\">&lt;\(placeholder.xmlEscaped)&gt;</text:placeholder>"
                body += "<text:section text:style-name=\"Answer_20_Section\" text:name=\"\(marker.tag.xmlEscaped)\"\(protected)>"
                body += "<text:p text:style-name=\"Answer\">\(inner)</text:p></text:section>"
            }
        }
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(namespaces) office:version="1.3"><office:automatic-styles><style:style style:name="Answer_20_Section" style:family="section"><style:section-properties fo:margin-left="0cm" fo:margin-right="0cm"/></style:style></office:automatic-styles><office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """
        let parts: [PackageWriter.Part] = [
            .init(path: "mimetype", bytes: Data(mimeType.utf8), stored: true),
            .init(path: "META-INF/manifest.xml", bytes: Data(manifest.utf8)),
            .init(path: "content.xml", bytes: Data(content.utf8)),
            .init(path: "styles.xml", bytes: Data(styles.utf8)),
            .init(path: "meta.xml", bytes: Data(meta(title: layout.title).utf8)),
        ]
        return try PackageWriter.write(parts, file: file)
    }

    static let namespaces =
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""

    private static func meta(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta \(namespaces) office:version="1.3"><office:meta><dc:title>\(title.xmlEscaped)</dc:title><dc:language>en-GB</dc:language><meta:generator>TenderScore</meta:generator></office:meta></office:document-meta>
        """
    }

    private static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>
        """

    private static let styles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-styles \(namespaces) office:version="1.3"><office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" style:font-family-generic="swiss"/></office:font-face-decls><office:styles>\
        <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.25cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="12pt" fo:language="en" fo:country="GB" style:language-asian="en" style:country-asian="GB" style:language-complex="en" style:country-complex="GB"/></style:default-style>\
        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>\
        <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="125%"/></style:style>\
        <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>\
        <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="20pt" fo:font-weight="bold"/></style:style>\
        <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>\
        <style:style style:name="Field_20_Label" style:display-name="Field Label" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>\
        <style:style style:name="Answer" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-left="0.4cm" fo:padding-left="0.3cm" fo:border-left="1.5pt solid #1d70b8"/></style:style>\
        <style:style style:name="List_20_Item" style:display-name="List Item" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"/>\
        <text:list-style style:name="List_20_Bullet" style:display-name="List Bullet"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-bullet><text:list-level-style-bullet text:level="2" text:bullet-char="–"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.905cm" fo:text-indent="-0.635cm" fo:margin-left="1.905cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>\
        <text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-number><text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="a"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.905cm" fo:text-indent="-0.635cm" fo:margin-left="1.905cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>\
        </office:styles></office:document-styles>
        """
}
