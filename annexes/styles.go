package annexes

import (
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// styles are the cell formats the sheets share, made once per workbook.
type styles struct {
	title, header, text, label, bold       int
	money, moneyTotal, count, countTotal   int
	percent, percentTotal, year, date, idx int
	yearLabel, headerNumber, mark          int
}

const headerFill = "DCE6F1"

// font is the workbook's default font; bold cells name it too, or LibreOffice picks a serif for them.
const font = "Calibri"

func (b *book) makeStyles() error {
	moneyFormat := "#,##0"
	if d := b.in.currency.Digits; d > 0 {
		moneyFormat += "." + strings.Repeat("0", d)
	}
	// Dates as the PDF and the Word file write them for each reader: "10 September 2026", "10.09.2026".
	dateFormat := "d mmmm yyyy hh:mm"
	if b.lang == "ru" {
		dateFormat = "dd.mm.yyyy hh:mm"
	}
	top := []excelize.Border{{Type: "top", Color: "808080", Style: 1}}
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&b.st.title, excelize.Style{Font: &excelize.Font{Family: font, Bold: true, Size: 13}}},
		{&b.st.header, excelize.Style{Font: &excelize.Font{Family: font, Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
			Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}}},
		{&b.st.headerNumber, excelize.Style{Font: &excelize.Font{Family: font, Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "right"},
			Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}}},
		{&b.st.text, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&b.st.label, excelize.Style{Font: &excelize.Font{Family: font, Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&b.st.bold, excelize.Style{Font: &excelize.Font{Family: font, Bold: true}, Border: top}},
		{&b.st.money, excelize.Style{CustomNumFmt: &moneyFormat, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&b.st.moneyTotal, excelize.Style{CustomNumFmt: &moneyFormat, Font: &excelize.Font{Family: font, Bold: true}, Border: top}},
		{&b.st.count, excelize.Style{NumFmt: 3, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&b.st.countTotal, excelize.Style{NumFmt: 3, Font: &excelize.Font{Family: font, Bold: true}, Border: top}},
		{&b.st.percent, excelize.Style{CustomNumFmt: ptr("0.0%"), Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&b.st.percentTotal, excelize.Style{CustomNumFmt: ptr("0.0%"), Font: &excelize.Font{Family: font, Bold: true}, Border: top}},
		{&b.st.year, excelize.Style{NumFmt: 1, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{&b.st.yearLabel, excelize.Style{NumFmt: 1, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}}},
		{&b.st.mark, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{&b.st.date, excelize.Style{CustomNumFmt: &dateFormat, Alignment: &excelize.Alignment{Horizontal: "left"}}},
		{&b.st.idx, excelize.Style{NumFmt: 1, Alignment: &excelize.Alignment{Vertical: "top"}}},
	}
	for _, d := range defs {
		id, err := b.f.NewStyle(&d.s)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// cell is a styled value; a nil value leaves the cell empty but formatted, ready to be typed in.
func cell(style int, v any) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }

// formula is a formula with the value it computes, stored so that readers that do not recalculate
// (previews, parsers) see the total too.
func formula(style int, f string, cached any) excelize.Cell {
	return excelize.Cell{StyleID: style, Formula: f, Value: cached}
}

// rowHeight fits a row to its longest wrapped text: the stream writer cannot measure text, and
// neither Excel nor LibreOffice grows a row on opening. A character takes about one unit of column width.
func rowHeight(texts []string, widths []float64) float64 {
	lines := 1
	for i, t := range texts {
		if i < len(widths) {
			lines = max(lines, textLines(t, widths[i]))
		}
	}
	return linesHeight(lines)
}

// linesHeight is the height of a row of that many lines of text.
func linesHeight(lines int) float64 { return 15 * float64(lines) }

// textLines is the number of lines t takes in a column of that width (0 when empty).
func textLines(t string, width float64) int {
	if t == "" {
		return 0
	}
	return wrappedLines(t, max(int(width*0.95), 1))
}

// lineCounts remembers textLines for texts that repeat row after row in columns of one width, such as
// the catalogue's module, intervention and cost-grouping names on a budget sheet: counting them again
// for each of 2,000 lines was 6% of the workbook.
type lineCounts struct {
	width float64
	seen  map[string]int
}

func newLineCounts(width float64) *lineCounts {
	return &lineCounts{width: width, seen: map[string]int{}}
}

func (c *lineCounts) of(t string) int {
	n, ok := c.seen[t]
	if !ok {
		n = textLines(t, c.width)
		c.seen[t] = n
	}
	return n
}

// wrappedLines counts the lines text takes when wrapped at spaces into lines of perLine characters,
// as a spreadsheet wraps it: a word that does not fit starts a new line, a word longer than a line is cut.
func wrappedLines(text string, perLine int) int {
	lines, used := 1, 0
	for para, rest, more := "", text, true; more; {
		para, rest, more = strings.Cut(rest, "\n")
		if used > 0 || lines > 1 {
			lines, used = lines+1, 0
		}
		for word, tail, another := "", para, true; another; {
			word, tail, another = strings.Cut(tail, " ")
			n := utf8.RuneCountInString(word)
			switch {
			case used > 0 && used+1+n <= perLine:
				used += 1 + n
			case used == 0 && n <= perLine:
				used = n
			default:
				if used > 0 {
					lines++
				}
				lines += (n - 1) / perLine
				used = (n-1)%perLine + 1
			}
		}
	}
	return lines
}

// boldWidths are column widths as bold text fills them: bold letters are wider.
func boldWidths(ws []float64) []float64 {
	out := make([]float64, len(ws))
	for i, w := range ws {
		out[i] = w * 0.85
	}
	return out
}

// widths sets column widths from A on; the stream writer takes them before the first row.
func widths(sw *excelize.StreamWriter, ws ...float64) error {
	for i, w := range ws {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	return nil
}

// freeze keeps the first rows in view while scrolling.
func freeze(sw *excelize.StreamWriter, rows int) error {
	return sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: rows, TopLeftCell: cellName(1, rows+1), ActivePane: "bottomLeft"})
}

// header sets a sheet's column widths, writes its title row and its column headers, keeps both in view
// while scrolling and prints them on every page. The headers of the columns numeric names are
// right-aligned, over their numbers.
func (b *book) header(sw *excelize.StreamWriter, title string, columns []string, ws []float64, numeric func(col int) bool) error {
	if err := widths(sw, ws...); err != nil {
		return err
	}
	if err := freeze(sw, 2); err != nil {
		return err
	}
	if err := b.repeatRows(2); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{cell(b.st.title, title)}, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	row := make([]any, len(columns))
	for i, c := range columns {
		style := b.st.header
		if numeric(i + 1) {
			style = b.st.headerNumber
		}
		row[i] = cell(style, c)
	}
	return sw.SetRow("A2", row, excelize.RowOpts{Height: rowHeight(columns, boldWidths(ws)) + 4})
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// sheetRef quotes a sheet name for a formula: 'Budget – Health Products'!
func sheetRef(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'!" }
