import Foundation

/// Renders a ``FormLayout`` as a WordprocessingML package (ECMA-376 transitional, the .docx that
/// Word 2010 and later and LibreOffice write).
///
/// Each place to write is a block-level content control (`w:sdt`) whose `w:tag` is the marker
/// and whose `w:alias` is the name assistive technology announces; `w:lock sdtLocked` keeps the
/// control from being deleted in Word while its content stays editable. Headings and lists use
/// real styles and numbering, the language is en-GB throughout, and there are no tables.
enum DocxRenderer {
    static let mainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func render(_ layout: FormLayout, file: String) throws(FormError) -> Data {
        var body = ""
        var controlID = 1000
        for block in layout.blocks {
            switch block {
            case .heading(let level, let text):
                body += paragraph(text, style: "Heading\(level)")
            case .paragraph(let text):
                body += paragraph(text, style: nil)
            case .label(let text):
                body += paragraph(text, style: "FieldLabel")
            case .list(let items, let ordered):
                for item in items {
                    body += paragraph(item, style: ordered ? "ListNumber" : "ListBullet")
                }
            case .field(let marker, let name, let placeholder, let content):
                controlID += 1
                body += control(marker: marker, name: name, placeholder: placeholder, content: content, id: controlID)
            }
        }
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(mainNamespace)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
        let parts: [PackageWriter.Part] = [
            .init(path: "[Content_Types].xml", bytes: Data(contentTypes.utf8)),
            .init(path: "_rels/.rels", bytes: Data(packageRelationships.utf8)),
            .init(path: "docProps/core.xml", bytes: Data(coreProperties(title: layout.title).utf8)),
            .init(path: "docProps/app.xml", bytes: Data(appProperties.utf8)),
            .init(path: "word/document.xml", bytes: Data(document.utf8)),
            .init(path: "word/_rels/document.xml.rels", bytes: Data(documentRelationships.utf8)),
            .init(path: "word/styles.xml", bytes: Data(styles.utf8)),
            .init(path: "word/numbering.xml", bytes: Data(numbering.utf8)),
            .init(path: "word/settings.xml", bytes: Data(settings.utf8)),
            .init(path: "word/fontTable.xml", bytes: Data(fontTable.utf8)),
            .init(path: "word/theme/theme1.xml", bytes: Data(theme.utf8)),
        ]
        return try PackageWriter.write(parts, file: file)
    }

    private static func paragraph(_ text: String, style: String?) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(text.xmlEscaped)</w:t></w:r></w:p>"
    }

    private static func control(marker: FormMarker, name: String, placeholder: String, content: String?, id: Int)
        -> String
    {
        let lock = content == nil ? "sdtLocked" : "sdtContentLocked"
        let shown = content == nil ? "<w:showingPlcHdr/>" : ""
        let run =
            content == nil
            ? "<w:r><w:rPr><w:rStyle w:val=\"PlaceholderText\"/></w:rPr><w:t xml:space=\"preserve\">\(placeholder.xmlEscaped)</w:t></w:r>"
            : "<w:r><w:t xml:space=\"preserve\">\((content ?? "").xmlEscaped)</w:t></w:r>"
        return "<w:sdt><w:sdtPr><w:alias w:val=\"\(name.xmlEscaped)\"/><w:tag w:val=\"\(marker.tag.xmlEscaped)\"/>"
            + "<w:id w:val=\"\(id)\"/><w:lock w:val=\"\(lock)\"/>\(shown)</w:sdtPr>"
            + "<w:sdtContent><w:p><w:pPr><w:pStyle w:val=\"Answer\"/></w:pPr>\(run)</w:p></w:sdtContent></w:sdt>"
    }

    private static func coreProperties(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\(title.xmlEscaped)</dc:title><dc:creator>TenderScore</dc:creator><dc:language>en-GB</dc:language></cp:coreProperties>
        """
    }

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
        """

    private static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>
        """

    private static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>
        """

    private static let appProperties = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>TenderScore</Application></Properties>
        """

    private static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="\(mainNamespace)"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:themeFontLang w:val="en-GB"/></w:settings>
        """

    private static let fontTable = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:fonts xmlns:w="\(mainNamespace)"><w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>
        """

    /// Word expects a theme; this one only names Arial and GOV.UK-like colours, so that the
    /// styles above (which set fonts and colours directly) are what a reader sees.
    private static let theme: String = {
        let solid = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
        let accents = ["1D70B8", "00703C", "D4351C", "F47738", "4C2C92", "505A5F"].enumerated()
            .map { "<a:accent\($0.offset + 1)><a:srgbClr val=\"\($0.element)\"/></a:accent\($0.offset + 1)>" }.joined()
        let font = "<a:latin typeface=\"Arial\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="TenderScore"><a:themeElements>\
            <a:clrScheme name="TenderScore"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="0B0C0C"/></a:dk2><a:lt2><a:srgbClr val="F3F2F1"/></a:lt2>\(accents)<a:hlink><a:srgbClr val="1D70B8"/></a:hlink><a:folHlink><a:srgbClr val="4C2C92"/></a:folHlink></a:clrScheme>\
            <a:fontScheme name="TenderScore"><a:majorFont>\(font)</a:majorFont><a:minorFont>\(font)</a:minorFont></a:fontScheme>\
            <a:fmtScheme name="TenderScore"><a:fillStyleLst>\(solid)\(solid)\(solid)</a:fillStyleLst>\
            <a:lnStyleLst><a:ln w="6350">\(solid)</a:ln><a:ln w="12700">\(solid)</a:ln><a:ln w="19050">\(solid)</a:ln></a:lnStyleLst>\
            <a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>\
            <a:bgFillStyleLst>\(solid)\(solid)\(solid)</a:bgFillStyleLst></a:fmtScheme>\
            </a:themeElements></a:theme>
            """
    }()

    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(mainNamespace)"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="FieldLabel"><w:name w:val="Field Label"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="Answer"><w:name w:val="Answer"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="1D70B8"/></w:pBdr><w:ind w:left="240"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="80"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="80"/></w:pPr></w:style>\
        <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>\
        <w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="505A5F"/></w:rPr></w:style>\
        </w:styles>
        """

    private static let numbering = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="\(mainNamespace)">\
        <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>\
        <w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>\
        </w:numbering>
        """
}
