package docx

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"iduit/chart"
	"iduit/document"
	"iduit/internal/reference"
)

// charted is the reference document with the budget's charts above their tables, as the concept note
// builder makes them: money in minor units with a target, and shares in tenths of a percent on a 100 %
// scale.
func charted() document.Document {
	d := reference.Document()
	money := &document.Chart{Title: "Бюджет по модулям", Bars: []document.ChartBar{
		{Label: "Профилактика для ЛУИН", Value: 180000000, Amount: "1 800 000,00 USD", Percent: "50,7 %"},
		{Label: "Снижение барьеров в области прав человека", Value: 95000000, Amount: "950 000,00 USD", Percent: "26,8 %"},
		{Label: "Управление программой", Value: 79900000, Amount: "799 000,00 USD", Percent: "22,5 %"},
	}, Target: 300000000, TargetLabel: "Выделенная сумма: 3 000 000,00 USD"}
	shares := &document.Chart{Title: "Доли бюджета", Max: 1000, Bars: []document.ChartBar{
		{Label: "Под руководством сообществ", Value: 312, Amount: "1 107 000,00 USD", Percent: "31,2 %"},
		{Label: "Права человека", Value: 268, Amount: "950 000,00 USD", Percent: "26,8 %"},
	}}
	table := func(c *document.Chart) *document.Table {
		t := &document.Table{Columns: []string{"Статья", "Сумма", "Доля"}}
		for _, b := range c.Bars {
			t.Rows = append(t.Rows, []string{b.Label, b.Amount, b.Percent})
		}
		return t
	}
	s := &d.Sections[5]
	s.Fields = append(s.Fields, document.Field{Label: money.Title, Chart: money, Table: table(money)},
		document.Field{Label: shares.Title, Chart: shares, Table: table(shares)})
	return d
}

// Each chart is a native Word chart above its table: an inline drawing described by the chart in words,
// related to its chart part, which caches every bar's label with its figures and its value.
func TestChartsAreNativeWordCharts(t *testing.T) {
	d := charted()
	ps := parts(t, render(t, d))
	wellFormed(t, ps)
	doc := ps["word/document.xml"]
	drawings := regexp.MustCompile(`<wp:docPr id="(\d)" name="Chart \d" descr="([^"]*)"/>.*?<c:chart [^>]*r:id="(rIdChart\d)"/>`).FindAllStringSubmatch(doc, -1)
	if len(drawings) != 2 {
		t.Fatalf("%d chart drawings, want 2", len(drawings))
	}
	for i, c := range []*document.Chart{d.Sections[5].Fields[len(d.Sections[5].Fields)-2].Chart, d.Sections[5].Fields[len(d.Sections[5].Fields)-1].Chart} {
		n := itoa(i + 1)
		if drawings[i][3] != "rIdChart"+n || !strings.Contains(ps["word/_rels/document.xml.rels"], `Id="rIdChart`+n+`" Type="`+relBase+`chart" Target="charts/chart`+n+`.xml"`) ||
			!strings.Contains(ps["[Content_Types].xml"], `PartName="/word/charts/chart`+n+`.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`) {
			t.Errorf("chart %s is not related and declared", n)
		}
		if want := chart.FromDocument(c).Alternative(); drawings[i][2] != want {
			t.Errorf("chart %s is described as %q, want %q", n, drawings[i][2], want)
		}
		part := ps["word/charts/chart"+n+".xml"]
		for j, b := range c.Bars {
			label := b.Label + " — " + b.Amount + " · " + b.Percent
			if !strings.Contains(part, `<c:pt idx="`+itoa(j)+`"><c:v>`+label+`</c:v></c:pt>`) ||
				!strings.Contains(part, `<c:pt idx="`+itoa(j)+`"><c:v>`+strconv.FormatInt(b.Value, 10)+`</c:v></c:pt>`) {
				t.Errorf("chart %s lacks bar %d as %q with %d", n, j, label, b.Value)
			}
		}
		chartAt := strings.Index(doc, `name="Chart `+n+`"`)
		if tableAt := strings.Index(doc[chartAt:], "<w:tbl>"); tableAt < 0 || strings.Contains(doc[chartAt:chartAt+tableAt], "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/>") {
			t.Errorf("chart %s is not right above its table", n)
		}
	}
	if !strings.Contains(ps["word/charts/chart1.xml"], "Бюджет по модулям. Выделенная сумма: 3 000 000,00 USD") || !strings.Contains(ps["word/charts/chart2.xml"], `<c:max val="1000"/>`) {
		t.Error("the target's label does not follow the title, or the shares are not on a 100 % scale")
	}
}
