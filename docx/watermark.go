package docx

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// A draft's watermark is written as Word writes its own (Design > Watermark): a VML text-path shape
// named PowerPlusWaterMarkObject, anchored in the header, so it stands behind the text of every page.
// Word lists it as the document's watermark, to change or remove like one it made; LibreOffice reads
// it as its own watermark and prints it; pandoc and python-docx, which read the text, skip it, so the
// word never enters the text (as in the PDF, which paints it from outlines). The word and the rule are
// the document's (document.Document.Watermark).

// vmlNamespaces are the prefixes a header with a watermark uses.
const vmlNamespaces = ` xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word"`

// The watermark's geometry follows the PDF's: the word runs up the page's diagonal (A4: 54.7° from the
// baseline, so 305° clockwise in VML), light grey, letters about 110 pt high, at most 72% of the
// diagonal long. The shape is stretched to fit (fitshape), so its width is set from the word's length,
// at Word's own proportion for its DRAFT (527.85 × 131.95 pt: 0.8 of the height per letter).
const (
	watermarkRotation = 305
	watermarkHeightPt = 110.0
	watermarkPerChar  = 0.8
	watermarkMaxPt    = 0.72 * 1030.4 // the A4 diagonal is 1030.4 pt
)

// textPathShape is VML's shape type 136, text along a path, as Word defines it in every file that uses
// it.
const textPathShape = `<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">` +
	`<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>` +
	`<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>` +
	`<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>` +
	`<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>` +
	`<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>` +
	`<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>`

// watermark writes the run holding the watermark shape; n numbers the shape within the file (one per
// header). An empty word writes nothing.
func watermark(b *bytes.Buffer, word string, n int) {
	if word == "" {
		return
	}
	width := min(watermarkMaxPt, watermarkPerChar*watermarkHeightPt*float64(utf8.RuneCountInString(word)))
	b.WriteString(`<w:r><w:rPr><w:noProof/></w:rPr><w:pict>` + textPathShape)
	b.WriteString(`<v:shape id="PowerPlusWaterMarkObject` + strconv.Itoa(n) + `" o:spid="_x0000_s` + strconv.Itoa(2048+n) +
		`" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:` + pt(width) + `;height:` + pt(watermarkHeightPt) +
		`;rotation:` + strconv.Itoa(watermarkRotation) + `;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;` +
		`mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#e0e0e0" stroked="f">` +
		`<v:fill opacity="1"/><v:textpath style="font-family:&quot;Arial&quot;;font-weight:bold;font-size:1pt"`)
	attr(b, "string", word)
	b.WriteString(`/><w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>`)
}

func pt(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) + "pt" }
