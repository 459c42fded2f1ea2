package pdf

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The hyphen is drawn as a text hyphen, the Go fonts' soft-hyphen glyph, in both faces: a third of an
// em, narrower than the en dash, while the minus sign keeps its width.
func TestHyphenHasATextHyphensWidthAndOutline(t *testing.T) {
	for _, st := range []style{regular, bold} {
		fc := faces[st]
		if w, soft, en := fc.runeWidth('-'), fc.runeWidth('\u00AD'), fc.runeWidth('–'); w != soft || w >= en {
			t.Errorf("face %q: hyphen %d/1000 em, want the soft hyphen's %d, under the en dash's %d", fc.code, w, soft, en)
		}
		if minus := fc.runeWidth('\u2212'); minus <= fc.runeWidth('-') {
			t.Errorf("face %q: the minus sign is %d/1000 em, no wider than the hyphen", fc.code, minus)
		}
		if got, want := glyphBounds(t, fc, '-'), glyphBounds(t, fc, '\u00AD'); got != want {
			t.Errorf("face %q: hyphen drawn in %v, want the soft hyphen's %v", fc.code, got, want)
		}
	}
}

func glyphBounds(t *testing.T, fc *face, r rune) fixed.Rectangle26_6 {
	t.Helper()
	var buf sfnt.Buffer
	g, err := fc.font.GlyphIndex(&buf, r)
	if err != nil || g == 0 {
		t.Fatalf("face %q has no glyph for %U", fc.code, r)
	}
	b, _, err := fc.font.GlyphBounds(&buf, g, fixed.Int26_6(fc.font.UnitsPerEm()), 0)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// In the PDF the hyphen typed as U+002D or as U+2010 reads back as «Жалал-Абад», and the page gives it
// the width of a text hyphen: a word with it is wider than the word without it by a third of an em.
func TestHyphenPrintsAsAHyphen(t *testing.T) {
	d := Document{Language: "ru", Final: true, Title: "Регионы юга", Sections: []Section{{Title: "Регионы",
		Fields: []Field{{Label: "Где?", Text: "Жалал-Абад ЖалалАбад Жалал\u2010Абад"}}}}}
	path, _ := renderFile(t, renderCase{"hyphen", render, d})
	if text := normalise(strings.Join(pageTexts(t, path, true), " ")); !strings.Contains(text, "Жалал-Абад ЖалалАбад Жалал-Абад") {
		t.Fatalf("pdftotext reads %q, want «Жалал-Абад ЖалалАбад Жалал-Абад»", text)
	}
	word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">(Жалал-?Абад)</word>`)
	widths := map[string]float64{}
	for _, m := range word.FindAllStringSubmatch(tool(t, "pdftotext", "-bbox", path, "-"), -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		x1, _ := strconv.ParseFloat(m[2], 64)
		widths[m[3]] = x1 - x0
	}
	got := widths["Жалал-Абад"] - widths["ЖалалАбад"]
	want := float64(faces[regular].runeWidth('\u00AD')) / 1000 * bodyStyle.size
	if got < want-0.2 || got > want+0.2 {
		t.Errorf("the hyphen is %.2f pt wide on the page, want a text hyphen's %.2f pt (words: %v)", got, want, widths)
	}
}
