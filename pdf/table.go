package pdf

import "slices"

var (
	cellStyle = textStyle{regular, 9, 4.3, 0}
	headStyle = textStyle{bold, 9, 4.3, 0}
)

const (
	cellPad       = 1.6  // inside each cell, all round
	headGrey      = 232  // header row background
	maxHeadLines  = 6    // a header taller than this is cut, so it can never fill a page
	maxWordShare  = 0.45 // one long word may claim at most this share of the width
	blankRowSpace = 9.0  // height of an empty worksheet row, room for handwriting
	wordSlack     = 0.3  // so a word measured to fit its column is not broken by rounding
)

// tableLayout is a table wrapped to its column widths.
type tableLayout struct {
	widths  []float64
	numeric []bool     // columns of figures, set flush right
	head    [][]string // header cell lines; nil without a header
	rows    [][][]string
}

// signatureLines is how many text lines tall a row of a signature table is.
const signatureLines = 4

// table places t across pages, repeating its header row on each page, and
// adds blank rows (for worksheets) after the given ones.
func (r *renderer) table(t *Table, blank int) {
	tl, n := r.layoutTable(t)
	if n == 0 {
		return
	}
	rows := tl.rows
	if t.Signatures { // room to sign by hand in the last column; the kept layout stays as it was
		rows = slices.Clone(rows)
		for i, cells := range rows {
			if last := len(cells) - 1; last >= 0 && len(cells[last]) < signatureLines {
				cells = slices.Clone(cells)
				cells[last] = append(slices.Clip(cells[last]), make([]string, signatureLines-len(cells[last]))...)
				rows[i] = cells
			}
		}
	}
	r.ensure(r.tableStart(tl))
	r.drawHead(tl)
	for _, cells := range rows {
		r.placeRow(tl, cells)
	}
	for range blank {
		if r.y+blankRowSpace > bodyBottom+epsilon {
			r.newPage()
			r.drawHead(tl)
		}
		r.drawCells(tl, make([][]string, n), cellStyle, 0, 0, blankRowSpace, false)
		r.y += blankRowSpace
	}
}

// tableStart is the room a table needs on its first page: the header and the first row, so that neither
// the header nor the question above it is left alone at a page foot.
func (r *renderer) tableStart(tl tableLayout) float64 {
	first := blankRowSpace
	if len(tl.rows) > 0 {
		first = rowHeight(tl.rows[0][:], 3)
	}
	return r.headHeight(tl) + first
}

// layoutTable wraps a table's cells to its column widths; n is its number of columns. The table last
// laid out keeps its layout: a table's start is measured to keep it with its question (answerStart),
// once more when it opens a section, then the table is drawn, and measuring and wrapping a package's
// 2,000-row budget table three times was a tenth of the PDF's CPU.
func (r *renderer) layoutTable(t *Table) (tableLayout, int) {
	if r.laidOut.table == t {
		return r.laidOut.tl, r.laidOut.n
	}
	tl, n := r.newTableLayout(*t)
	r.laidOut.table, r.laidOut.tl, r.laidOut.n = t, tl, n
	return tl, n
}

func (r *renderer) newTableLayout(t Table) (tableLayout, int) {
	n := len(t.Columns)
	for _, row := range t.Rows {
		n = max(n, len(row))
	}
	if n == 0 {
		return tableLayout{}, 0
	}
	tl := tableLayout{widths: r.columnWidths(t, n), numeric: t.NumericColumns(n)}
	// Rows take their cells from one slice and cells their lines from chunks of another: a slice per row
	// and one per cell, grown line by line, were 44 % of the time spent wrapping a package's 12,000-cell
	// budget table (pprof), and half of the PDF's allocations.
	a := cellArena{cells: make([][]string, 0, (len(t.Rows)+1)*n)}
	if len(t.Columns) > 0 {
		tl.head = a.wrapCells(headStyle, t.Columns, tl.widths)
		for i, c := range tl.head {
			if len(c) > maxHeadLines {
				tl.head[i] = c[:maxHeadLines]
			}
		}
	}
	tl.rows = make([][][]string, len(t.Rows))
	for i, row := range t.Rows {
		tl.rows[i] = a.wrapCells(cellStyle, row, tl.widths)
	}
	return tl, n
}

// cellArena hands out a table's rows of cells and the cells' lines.
type cellArena struct {
	cells [][]string
	lines []string
}

// wrapCells wraps each cell of a row to its column; a row shorter than the
// table gets empty cells. (The table is as wide as its longest row.) The
// slices returned are capped, so appending to them copies.
func (a *cellArena) wrapCells(ts textStyle, row []string, widths []float64) [][]string {
	start := len(a.cells)
	for i, w := range widths {
		if cap(a.lines)-len(a.lines) < 32 {
			a.lines = make([]string, 0, 2048) // a new chunk: the lines handed out stay where they are
		}
		from := len(a.lines)
		if i < len(row) {
			a.lines = faces[ts.face].wrap(row[i], emWidth(ts, w-2*cellPad), a.lines)
		}
		a.cells = append(a.cells, a.lines[from:len(a.lines):len(a.lines)])
	}
	return a.cells[start:len(a.cells):len(a.cells)]
}

// rowHeight is the height of a row showing at most maxLines lines (0: all).
func rowHeight(cells [][]string, maxLines int) float64 {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	if maxLines > 0 {
		n = min(n, maxLines)
	}
	return float64(n)*cellStyle.leading + 2*cellPad
}

func (r *renderer) headHeight(tl tableLayout) float64 {
	if tl.head == nil {
		return 0
	}
	return rowHeight(tl.head, 0)
}

func (r *renderer) drawHead(tl tableLayout) {
	if tl.head == nil {
		return
	}
	h := r.headHeight(tl)
	r.drawCells(tl, tl.head, headStyle, 0, maxHeadLines, h, true)
	r.y += h
}

// placeRow draws a row, moving it to the next page when it does not fit.
// A row taller than a page is split between lines.
func (r *renderer) placeRow(tl tableLayout, cells [][]string) {
	lines := 1
	for _, c := range cells {
		lines = max(lines, len(c))
	}
	head := r.headHeight(tl)
	for from := 0; from < lines; {
		h := float64(lines-from)*cellStyle.leading + 2*cellPad
		if r.y+h <= bodyBottom+epsilon {
			r.drawCells(tl, cells, cellStyle, from, lines, h, false)
			r.y += h
			return
		}
		fresh := r.y <= bodyTop+head+epsilon
		fit := int((bodyBottom - r.y - 2*cellPad + epsilon) / cellStyle.leading)
		if !fresh && (from == 0 && h <= bodyBottom-bodyTop-head || fit < 1) {
			r.newPage() // the whole row fits on a page of its own
			r.drawHead(tl)
			continue
		}
		fit = min(max(fit, 1), lines-from)
		h = float64(fit)*cellStyle.leading + 2*cellPad
		r.drawCells(tl, cells, cellStyle, from, from+fit, h, false)
		r.y += h
		from += fit
		r.newPage()
		r.drawHead(tl)
	}
}

// drawCells draws the bordered cells of one row at the current position,
// showing lines [from, to) of each.
func (r *renderer) drawCells(tl tableLayout, cells [][]string, ts textStyle, from, to int, h float64, shade bool) {
	x := marginLeft
	if shade {
		r.pdf().SetFillColor(headGrey, headGrey, headGrey)
	}
	r.setStyle(ts)
	for i, w := range tl.widths {
		op := "S" // stroke; with shade, fill and stroke (gofpdf's "D" and "FD")
		if shade {
			op = "B"
		}
		r.rect(x, r.y, w, h, op)
		top := r.y + cellPad
		for k := from; k < to && k < len(cells[i]); k++ {
			left := x + cellPad
			if tl.numeric[i] {
				left = x + w - cellPad - textWidth(ts, cells[i][k])
			}
			r.line(left, top, ts, cells[i][k])
			top += ts.leading
		}
		x += w
	}
	if shade {
		r.pdf().SetFillColor(0, 0, 0)
	}
}

// columnWidths shares the width out as browsers do for automatic tables:
// every column gets its longest word, and the rest of the width goes to
// columns in proportion to how much more their text would like.
func (r *renderer) columnWidths(t Table, n int) []float64 {
	least := make([]float64, n)
	most := make([]float64, n)
	// One pass over each cell's runes gives its widest line and its widest word, in 1/1000 em: the
	// budget table of a package has 12,000 cells, and splitting them into lines and words first was a
	// third of laying the table out. Words are as the wrapper sees them: it breaks at plain spaces only,
	// so a no-break space (as in "84 000,00 KGS") keeps an amount whole and is measured whole.
	measure := func(ts textStyle, i int, cell string) {
		fc := faces[ts.face]
		line, word, widestLine, widestWord := 0, 0, 0, 0
		for _, c := range cell {
			switch c {
			case '\n':
				widestLine, widestWord = max(widestLine, line), max(widestWord, word)
				line, word = 0, 0
			case ' ':
				widestWord = max(widestWord, word)
				word = 0
				line += fc.runeWidth(c)
			default:
				w := fc.runeWidth(c)
				line += w
				word += w
			}
		}
		widestLine, widestWord = max(widestLine, line), max(widestWord, word)
		most[i] = max(most[i], emToMM(ts, widestLine)+2*cellPad)
		least[i] = max(least[i], min(emToMM(ts, widestWord)+2*cellPad+wordSlack, maxWordShare*contentWidth))
	}
	for i, c := range t.Columns {
		measure(headStyle, i, c)
	}
	for _, row := range t.Rows {
		for i, c := range row {
			if i < n {
				measure(cellStyle, i, c)
			}
		}
	}
	return shareWidth(least, most, contentWidth)
}

// shareWidth turns least and most wanted widths into widths summing to total.
func shareWidth(least, most []float64, total float64) []float64 {
	var sumLeast, sumMost, sumSpare float64
	for i := range least {
		least[i] = max(least[i], 2*cellPad+1)
		most[i] = max(most[i], least[i])
		sumLeast += least[i]
		sumMost += most[i]
		sumSpare += most[i] - least[i]
	}
	widths := make([]float64, len(least))
	for i := range widths {
		switch {
		case sumMost <= total:
			widths[i] = most[i] * total / sumMost
		case sumLeast >= total:
			widths[i] = least[i] * total / sumLeast
		default:
			widths[i] = least[i] + (most[i]-least[i])*(total-sumLeast)/sumSpare
		}
	}
	return widths
}
