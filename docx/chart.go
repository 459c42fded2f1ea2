package docx

import (
	"bytes"
	"strconv"

	"iduit/chart"
	"iduit/document"
)

// Charts are native Word charts (word/charts/chartN.xml, DrawingML), not pictures: a person editing the
// file in Word or LibreOffice restyles, resizes or retitles them as charts they made themselves, and the
// text alternative (the chart in words, as the pages give it) is the drawing's description for screen
// readers. The figures are cached in the chart part, which Word and LibreOffice draw from; no workbook
// is embedded, so Word's "Edit Data" has nothing to open, and the cached values are the chart model's
// units (minor units of money, tenths of a percent): the lengths are right, and every bar's label
// carries its figures as the reader reads them ("Label — 12 345,00 USD · 12,3 %"), as the PDF prints
// them on the bar. A target line has no native form on a bar chart: its label follows the title.

// chartPart is one chart to write as word/charts/chartN.xml.
type chartPart struct {
	c    *document.Chart
	lang string
}

// EMU per twip, and the chart's height per bar and for its title and margins, in EMU.
const (
	emuPerTwip   = 635
	chartPerBar  = 360000 // 1 cm
	chartChrome  = 900000 // 2.5 cm
	chartMaxBars = 40     // beyond, a page: Word shrinks the bars rather than run off the page
)

// chart writes the drawing that shows field chart n (1-based), in a paragraph kept with the table
// under it.
func (x *body) chart(c *document.Chart) {
	x.charts = append(x.charts, chartPart{c: c, lang: x.w.language})
	n := strconv.Itoa(len(x.charts))
	height := chartChrome + chartPerBar*min(len(c.Bars), chartMaxBars)
	b := &x.b
	b.WriteString(`<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">` +
		`<wp:extent cx="` + strconv.Itoa(contentWidth*emuPerTwip) + `" cy="` + strconv.Itoa(height) + `"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
		`<wp:docPr id="` + n + `" name="Chart ` + n + `"`)
	attr(b, "descr", chart.FromDocument(c).Alternative())
	b.WriteString(`/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="` + nsA + `"><a:graphicData uri="` + nsC + `">` +
		`<c:chart xmlns:c="` + nsC + `" r:id="rIdChart` + n + `"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`)
}

const (
	nsA  = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsC  = "http://schemas.openxmlformats.org/drawingml/2006/chart"
	nsWP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
)

// chartXML writes word/charts/chartN.xml: one horizontal bar series, first bar on top, no value axis
// (the labels carry the figures), the bars in the PDF's colour.
func chartXML(p chartPart) []byte {
	c, bc := p.c, chart.FromDocument(p.c)
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<c:chartSpace xmlns:c="` + nsC + `" xmlns:a="` + nsA + `" xmlns:r="` + nsR + `">` +
		`<c:lang val="` + p.lang + `"/><c:roundedCorners val="0"/><c:chart>`)
	title := c.Title
	if c.TargetLabel != "" {
		title = joinNonEmpty(". ", title, c.TargetLabel)
	}
	if title != "" {
		b.WriteString(`<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1050" b="1"/></a:pPr><a:r><a:rPr lang="` + p.lang + `" sz="1050" b="1"/><a:t>`)
		escape(&b, title, false)
		b.WriteString(`</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`)
	}
	n := strconv.Itoa(len(c.Bars))
	b.WriteString(`<c:autoTitleDeleted val="` + strconv.FormatBool(title == "") + `"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/>` +
		`<c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f>` +
		`<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>`)
	escape(&b, c.Title, false)
	b.WriteString(`</c:v></c:pt></c:strCache></c:strRef></c:tx><c:spPr><a:solidFill><a:srgbClr val="` + hex(chart.Bar1) + `"/></a:solidFill></c:spPr>` +
		`<c:invertIfNegative val="0"/><c:cat><c:strRef><c:f>Sheet1!$A$2:$A$` + strconv.Itoa(len(c.Bars)+1) + `</c:f><c:strCache><c:ptCount val="` + n + `"/>`)
	for i, bar := range bc.Bars {
		b.WriteString(`<c:pt idx="` + strconv.Itoa(i) + `"><c:v>`)
		label := bar.Label
		if t := bar.Text(); t != "" {
			label = joinNonEmpty(" — ", label, t)
		}
		escape(&b, label, false)
		b.WriteString(`</c:v></c:pt>`)
	}
	b.WriteString(`</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!$B$2:$B$` + strconv.Itoa(len(c.Bars)+1) + `</c:f>` +
		`<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="` + n + `"/>`)
	for i, bar := range c.Bars {
		b.WriteString(`<c:pt idx="` + strconv.Itoa(i) + `"><c:v>` + strconv.FormatInt(max(bar.Value, 0), 10) + `</c:v></c:pt>`)
	}
	b.WriteString(`</c:numCache></c:numRef></c:val></c:ser><c:gapWidth val="60"/><c:axId val="1"/><c:axId val="2"/></c:barChart>` +
		`<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
		`<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
		`<c:spPr><a:ln><a:solidFill><a:srgbClr val="AAAAAA"/></a:solidFill></a:ln></c:spPr>` +
		`<c:txPr><a:bodyPr/><a:p><a:pPr><a:defRPr sz="850"/></a:pPr><a:endParaRPr lang="` + p.lang + `"/></a:p></c:txPr>` +
		`<c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
		`<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/>`)
	if c.Max > 0 {
		b.WriteString(`<c:max val="` + strconv.FormatInt(c.Max, 10) + `"/>`)
	}
	b.WriteString(`<c:min val="0"/></c:scaling><c:delete val="1"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
		`<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1"/><c:crosses val="max"/>` +
		`<c:crossBetween val="between"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
		`<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>`)
	return b.Bytes()
}

func hex(c chart.Colour) string {
	const digits = "0123456789ABCDEF"
	out := make([]byte, 0, 6)
	for _, v := range []uint8{c.R, c.G, c.B} {
		out = append(out, digits[v>>4], digits[v&15])
	}
	return string(out)
}
