package docx

import (
	"bytes"
	"strings"
	"time"

	"iduit/document"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	typeBase  = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

func contentTypes(withComments bool, charts int) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="` + typeBase + `document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="` + typeBase + `styles+xml"/>` +
		`<Override PartName="/word/numbering.xml" ContentType="` + typeBase + `numbering+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="` + typeBase + `settings+xml"/>` +
		`<Override PartName="/word/header1.xml" ContentType="` + typeBase + `header+xml"/>` +
		`<Override PartName="/word/header2.xml" ContentType="` + typeBase + `header+xml"/>` +
		`<Override PartName="/word/footer1.xml" ContentType="` + typeBase + `footer+xml"/>`)
	if withComments {
		b.WriteString(`<Override PartName="/word/comments.xml" ContentType="` + typeBase + `comments+xml"/>` +
			`<Override PartName="/word/commentsExtended.xml" ContentType="` + typeBase + `commentsExtended+xml"/>`)
	}
	for i := range charts {
		b.WriteString(`<Override PartName="/word/charts/chart` + itoa(i+1) + `.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`)
	}
	b.WriteString(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`)
	return b.String()
}

const packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

func documentRels(withComments bool, charts int) string {
	s := xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="` + relBase + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdNumbering" Type="` + relBase + `numbering" Target="numbering.xml"/>` +
		`<Relationship Id="rIdSettings" Type="` + relBase + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdHeader" Type="` + relBase + `header" Target="header1.xml"/>` +
		`<Relationship Id="rIdCoverHeader" Type="` + relBase + `header" Target="header2.xml"/>` +
		`<Relationship Id="rIdFooter" Type="` + relBase + `footer" Target="footer1.xml"/>`
	if withComments {
		s += `<Relationship Id="rIdComments" Type="` + relBase + `comments" Target="comments.xml"/>` +
			`<Relationship Id="rIdCommentsExtended" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>`
	}
	for i := range charts {
		n := itoa(i + 1)
		s += `<Relationship Id="rIdChart` + n + `" Type="` + relBase + `chart" Target="charts/chart` + n + `.xml"/>`
	}
	return s + `</Relationships>`
}

// coreProperties are what File > Properties shows and what search tools index: title, the network as
// author, subject, keywords that trace the file to its template, language, status and dates.
func coreProperties(d *document.Document, w *words) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	element := func(name, value string) {
		if value == "" {
			return
		}
		b.WriteString("<" + name + ">")
		escape(&b, value, false)
		b.WriteString("</" + name + ">")
	}
	element("dc:title", d.Title)
	element("dc:subject", joinNonEmpty(" — ", d.TemplateTitle, d.Country))
	element("dc:creator", d.Network)
	element("cp:keywords", joinNonEmpty(" ", "IDUIT", d.TemplateKey, versionTag(d.TemplateVersion)))
	element("dc:language", w.language)
	element("cp:contentStatus", d.Status)
	date := d.Date
	if date.IsZero() {
		date = time.Unix(0, 0)
	}
	stamp := date.UTC().Format("2006-01-02T15:04:05Z")
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified></cp:coreProperties>`)
	return b.Bytes()
}

func versionTag(v int) string {
	if v <= 0 {
		return ""
	}
	return "v" + itoa(v)
}

func appProperties(d *document.Document) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
		`xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>iduit</Application><DocSecurity>0</DocSecurity>`)
	if d.Network != "" {
		b.WriteString(`<Company>`)
		escape(&b, d.Network, false)
		b.WriteString(`</Company>`)
	}
	b.WriteString(`</Properties>`)
	return b.Bytes()
}

// settings ask Word to update fields on opening, which fills the contents with page numbers. Word
// rejects a part whose elements are out of the schema's order, so the order here is the schema's.
func settings(w *words) string {
	return xmlHeader + `<w:settings xmlns:w="` + nsW + `"><w:defaultTabStop w:val="708"/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/><w:compat><w:compatSetting w:name="compatibilityMode" ` +
		`w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="` + w.language + `"/></w:settings>`
}

// header is the running head: the title, on every page but the cover, with the draft watermark behind
// the text when the document has one.
func header(d *document.Document) []byte {
	x := &body{}
	x.b.WriteString(xmlHeader + `<w:hdr xmlns:w="` + nsW + `"` + vmlNamespaces + `><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>`)
	watermark(&x.b, d.Watermark(), 1)
	x.run(d.Title, "", false)
	x.b.WriteString(`</w:p></w:hdr>`)
	return x.b.Bytes()
}

// coverHeader is the cover's header (w:titlePg gives the first page its own): empty but for the
// watermark, which the PDF paints on the cover too.
func coverHeader(d *document.Document) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<w:hdr xmlns:w="` + nsW + `"` + vmlNamespaces + `><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>`)
	watermark(&b, d.Watermark(), 2)
	b.WriteString(`</w:p></w:hdr>`)
	return b.Bytes()
}

// footer names the template and says "Page N of M", as the PDF's footer does.
func footer(d *document.Document, w *words) []byte {
	x := &body{}
	x.b.WriteString(xmlHeader + `<w:ftr xmlns:w="` + nsW + `"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>`)
	x.run(d.TemplateTitle, "", false)
	x.b.WriteString(`<w:r><w:tab/></w:r>`)
	x.run(w.pageBefore, "", false)
	x.b.WriteString(`<w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>`)
	x.run(w.pageBetween, "", false)
	x.b.WriteString(`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p></w:ftr>`)
	return x.b.Bytes()
}

const numbering = xmlHeader + `<w:numbering xmlns:w="` + nsW + `">` +
	`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
	`<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="284"/></w:pPr></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
	`<w:numFmt w:val="bullet"/><w:lvlText w:val="▪"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="284"/></w:pPr></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`

// styles are Word's built-in styles by their built-in ids and names (so Word treats Heading 1 and 2 as
// headings: navigation pane, outline, TOC) and a few of our own for the cover and notes. The document
// language is the default run language, for spelling and hyphenation.
func styles(w *words) string {
	const accent = "1F4E79"
	para := func(id, name, basedOn, next, pPr, rPr string) string {
		s := `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>`
		if basedOn != "" {
			s += `<w:basedOn w:val="` + basedOn + `"/>`
		}
		if next != "" {
			s += `<w:next w:val="` + next + `"/>`
		}
		return s + `<w:qFormat/><w:pPr>` + pPr + `</w:pPr><w:rPr>` + rPr + `</w:rPr></w:style>`
	}
	return xmlHeader + `<w:styles xmlns:w="` + nsW + `"><w:docDefaults><w:rPrDefault><w:rPr>` +
		`<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="21"/><w:szCs w:val="21"/>` +
		`<w:lang w:val="` + w.language + `" w:eastAsia="` + w.language + `" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style>` +
		`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/></w:style>` +
		para("Title", "Title", "Normal", "Normal", `<w:spacing w:before="240" w:after="240" w:line="240" w:lineRule="auto"/><w:contextualSpacing/>`, `<w:b/><w:sz w:val="48"/><w:szCs w:val="48"/>`) +
		para("Subtitle", "Subtitle", "Normal", "Normal", `<w:pBdr><w:top w:val="single" w:sz="18" w:space="8" w:color="`+accent+`"/></w:pBdr><w:spacing w:before="1200" w:after="120"/>`, `<w:color w:val="595959"/><w:sz w:val="22"/>`) +
		para("CoverNetwork", "Cover network", "Normal", "Normal", `<w:spacing w:after="1200"/>`, `<w:sz w:val="28"/>`) +
		para("CoverDetail", "Cover detail", "Normal", "", `<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="AAAAAA"/></w:pBdr><w:tabs><w:tab w:val="left" w:pos="2722"/></w:tabs><w:spacing w:after="160"/><w:ind w:left="2722" w:hanging="2722"/>`, `<w:sz w:val="22"/>`) +
		para("CoverNote", "Cover note", "Normal", "", `<w:spacing w:before="2400"/>`, `<w:i/><w:color w:val="595959"/><w:sz w:val="18"/>`) +
		para("Heading1", "heading 1", "Normal", "Normal", `<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>`, `<w:b/><w:color w:val="`+accent+`"/><w:sz w:val="30"/><w:szCs w:val="30"/>`) +
		para("Heading2", "heading 2", "Normal", "BodyText", `<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/>`, `<w:b/><w:sz w:val="22"/><w:szCs w:val="22"/>`) +
		para("Chapter", "IDUIT chapter", "Normal", "", `<w:keepNext/><w:spacing w:after="40"/>`, `<w:i/><w:color w:val="595959"/><w:sz w:val="18"/>`) +
		para("BodyText", "Body Text", "Normal", "", ``, ``) +
		para("ListParagraph", "List Paragraph", "Normal", "", `<w:spacing w:after="60"/><w:ind w:left="567"/>`, ``) +
		para("NotAnswered", "Not answered", "Normal", "", ``, `<w:i/><w:color w:val="767676"/>`) +
		para("TableText", "Table text", "Normal", "", `<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>`, `<w:sz w:val="18"/><w:szCs w:val="18"/>`) +
		para("TableHeading", "Table heading", "TableText", "", `<w:keepNext/>`, `<w:b/>`) +
		para("TOCHeading", "TOC Heading", "Normal", "Normal", `<w:spacing w:after="240"/><w:outlineLvl w:val="9"/>`, `<w:b/><w:color w:val="`+accent+`"/><w:sz w:val="30"/><w:szCs w:val="30"/>`) +
		para("TOC1", "toc 1", "Normal", "Normal", `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="`+itoa(contentWidth)+`"/></w:tabs><w:spacing w:after="80"/>`, ``) +
		para("Header", "header", "Normal", "", `<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="AAAAAA"/></w:pBdr><w:spacing w:after="0"/>`, `<w:color w:val="595959"/><w:sz w:val="16"/>`) +
		para("Footer", "footer", "Normal", "", `<w:tabs><w:tab w:val="right" w:pos="`+itoa(contentWidth)+`"/></w:tabs><w:spacing w:after="0"/>`, `<w:color w:val="595959"/><w:sz w:val="16"/>`) +
		para("CommentText", "annotation text", "Normal", "", ``, `<w:sz w:val="20"/>`) +
		`<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>` +
		`<w:style w:type="character" w:styleId="CoverKey"><w:name w:val="Cover key"/><w:rPr><w:color w:val="595959"/><w:sz w:val="19"/></w:rPr></w:style>` +
		`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>` +
		`<w:top w:val="single" w:sz="4" w:space="0" w:color="AAAAAA"/><w:left w:val="single" w:sz="4" w:space="0" w:color="AAAAAA"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="AAAAAA"/><w:right w:val="single" w:sz="4" w:space="0" w:color="AAAAAA"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="AAAAAA"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="AAAAAA"/>` +
		`</w:tblBorders></w:tblPr></w:style></w:styles>`
}
