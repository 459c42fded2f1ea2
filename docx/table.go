package docx

import (
	"strconv"
	"strings"

	"iduit/document"
)

// table writes a tabular answer: the header row repeats on every page the table spans (w:tblHeader),
// columns of figures are set flush right, and the widths are shared out as the PDF shares them, so
// the table reads the same in both files (Word and LibreOffice keep the widths: the layout is fixed).
func (x *body) table(t *document.Table) {
	n := len(t.Columns)
	for _, row := range t.Rows {
		n = max(n, len(row))
	}
	if n == 0 {
		return
	}
	widths := columnWidths(t, n)
	numeric := t.NumericColumns(n)
	b := &x.b
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="` + strconv.Itoa(contentWidth) +
		`" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	if len(t.Columns) > 0 {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		for i := range n {
			x.cell(cellAt(t.Columns, i), cellStart(widths[i], `<w:shd w:val="clear" w:color="auto" w:fill="E8EEF4"/>`), paragraphStart("TableHeading", numeric[i]))
		}
		b.WriteString(`</w:tr>`)
	}
	// Each column's cell and paragraph properties are written once here rather than per cell: the
	// package's budget table has 12,000 cells a language.
	starts, paras := make([]string, n), make([]string, n)
	for i := range n {
		starts[i], paras[i] = cellStart(widths[i], ""), paragraphStart("TableText", numeric[i])
	}
	for _, row := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`) // a row moves whole to the next page, as in the PDF
		for i := range n {
			x.cell(cellAt(row, i), starts[i], paras[i])
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

func cellAt(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

// cellStart opens a cell of the given width (twentieths of a point) and shading.
func cellStart(width int, shading string) string {
	return `<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/>` + shading + `</w:tcPr>`
}

// paragraphStart opens a paragraph of a cell: its style, flush right in a column of figures.
func paragraphStart(style string, right bool) string {
	if right {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/><w:jc w:val="right"/></w:pPr>`
	}
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
}

// cell writes one cell, opened by start; its lines become paragraphs opened by para, and an empty cell
// still holds the paragraph every cell must have.
func (x *body) cell(text, start, para string) {
	b := &x.b
	b.WriteString(start)
	for {
		line, rest, more := strings.Cut(text, "\n")
		b.WriteString(para)
		x.run(strings.TrimSuffix(line, "\r"), "", false)
		b.WriteString(`</w:p>`)
		if !more {
			break
		}
		text = rest
	}
	b.WriteString(`</w:tc>`)
}

// Widths in twips: characters are measured as an average letter of the table's 9-point text.
const (
	charWidth    = 110 // twips per character at 9 pt, on the generous side so words are not split
	boldWidth    = 125 // the same in the header's bold
	cellPadding  = 2 * 108
	maxWordShare = 0.4 // a long word may claim at most this share of the width; it wraps beyond
)

// columnWidths shares the width out as browsers do for automatic tables (and as the PDF does): every
// column gets its longest word, and the rest of the width goes to columns in proportion to how much
// more their text would like.
func columnWidths(t *document.Table, n int) []int {
	least := make([]float64, n)
	most := make([]float64, n)
	// One pass over each cell gives its longest line and longest word in characters: a package's budget
	// table has 12,000 cells, and splitting each into lines and then words cost more than writing it.
	measure := func(i int, cell string, per int) {
		line, word, longestLine, longestWord := 0, 0, 0, 0
		for _, c := range cell {
			switch c {
			case '\n':
				longestLine, longestWord = max(longestLine, line), max(longestWord, word)
				line, word = 0, 0
			case ' ':
				longestWord = max(longestWord, word)
				word = 0
				line++
			default:
				line++
				word++
			}
		}
		longestLine, longestWord = max(longestLine, line), max(longestWord, word)
		most[i] = max(most[i], float64(longestLine*per+cellPadding))
		least[i] = max(least[i], min(float64(longestWord*per+cellPadding), maxWordShare*contentWidth))
	}
	for i, c := range t.Columns {
		measure(i, c, boldWidth)
	}
	for _, row := range t.Rows {
		for i, c := range row {
			measure(i, c, charWidth)
		}
	}
	var sumLeast, sumMost, sumSpare float64
	for i := range least {
		least[i] = max(least[i], cellPadding+charWidth)
		most[i] = max(most[i], least[i])
		sumLeast += least[i]
		sumMost += most[i]
		sumSpare += most[i] - least[i]
	}
	widths := make([]int, n)
	total := float64(contentWidth)
	used := 0
	for i := range widths {
		var w float64
		switch {
		case sumMost <= total:
			w = most[i] * total / sumMost
		case sumLeast >= total:
			w = least[i] * total / sumLeast
		default:
			w = least[i] + (most[i]-least[i])*(total-sumLeast)/sumSpare
		}
		widths[i] = int(w)
		used += widths[i]
	}
	widths[n-1] += contentWidth - used // rounding: the columns fill the width exactly
	return widths
}
