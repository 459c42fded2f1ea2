package pdf

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Kyrgyz and Kazakh text as networks in Bishkek and Almaty write it: the
// letters Ө Ү Ң Қ Ә Ғ Һ Ұ are drawn by the fallback face, the rest by the Go
// fonts, often within one word. Belarusian Ў and Ukrainian Ї Є Ґ are in the
// Go fonts already.
var (
	kyrgyzName      = "Өмүрбек Түндүк"
	kyrgyzSentences = []string{
		"Өмүрбек Түндүк — Бишкектеги жамааттык уюмдун координатору.",
		"Биздин уюм баңгизат колдонгон адамдар менен Чүй, Ош жана Жалал-Абад облустарында иштейт.",
		"Үй-бүлөлөргө жана жаштарга кеңеш берүү, тестирлөө жана өнөктөштөр менен иштөө.",
		"Қазақстан, Алматы қаласы: әйелдерге арналған қызметтер, Ғалия Ұлжанқызы, Һ.",
		"Беларусь: Ўладзімір; Україна: Їжак, Євген, Ґанок.",
	}
)

// kyrgyzDocument prints fallback letters in every kind of place: title (cover,
// running head, bookmarks), headings, labels, answers, lists, checklists and
// tables, in both faces.
func kyrgyzDocument() Document {
	para := strings.Join(kyrgyzSentences, " ")
	long := strings.Repeat(para+" ", 6)
	return Document{
		Title:         "Түштүк Кыргызстанда зыянды азайтуу: " + kyrgyzName,
		Network:       "«Өмүр» коомдук бирикмеси",
		Country:       "Кыргызстан",
		Component:     "ВИЧ",
		TemplateTitle: "Концепция-записка Глобального фонда",
		TemplateKey:   "gf-concept-note-pwid",
		Status:        "черновик",
		Language:      "ru",
		Date:          time.Date(2025, 3, 14, 16, 5, 0, 0, time.UTC),
		Sections: []Section{
			{Number: "1", Title: "Жамааттар жана Қазақстан менен өнөктөштүк", Chapters: []string{chapters[0]},
				Fields: []Field{
					{Label: "Ким иштейт? Үй-бүлө, Ғ, Ә", Text: para + "\n\n" + long + "\n\n- " + kyrgyzSentences[2] + "\n- " + kyrgyzSentences[3]},
					{Label: "Тандалган кызматтар", Items: []string{"Шприцтерди алмаштыруу (Ң)", "Налоксон, Ұ"}},
					{Label: "Таблица", Table: &Table{
						Columns: []string{"Облус / аймақ", "Кызматтар", "Саны"},
						Rows: [][]string{
							{"Чүй", kyrgyzSentences[1], "1 250"},
							{"Алматы облысы", kyrgyzSentences[3], "980"},
						},
					}},
				}},
		},
	}
}

func TestFallbackLettersPrint(t *testing.T) {
	d := kyrgyzDocument()
	path, _ := renderFile(t, renderCase{"kyrgyz", render, d})
	all := normalise(strings.Join(pageTexts(t, path, false), " "))
	if strings.ContainsRune(all, '\ufffd') {
		t.Errorf("extracted text has U+FFFD: %q", all)
	}
	want := []string{kyrgyzName, "Қазақстан", "Ғалия Ұлжанқызы, Һ.", "әйелдерге", "баңгизат",
		"Ўладзімір; Україна: Їжак, Євген, Ґанок", normalise(d.Title), d.Network, d.Sections[0].Fields[0].Label,
		heading(d.Sections[0]), "Налоксон, Ұ", "Шприцтерди алмаштыруу (Ң)", "Облус / аймақ"}
	for _, s := range kyrgyzSentences {
		want = append(want, s)
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("extracted text lacks %q", w)
		}
	}
}

// The width used to break lines must be the width printed: no word may
// reach past the right margin, as it would if fallback letters were
// measured with the Go font's widths (or none). pdftotext drops words that
// fall off the page, so every typed word must also be found.
func TestFallbackLettersStayWithinTheMargins(t *testing.T) {
	const typed, repeats = "Өөүүңңққәәғғ ҮҮҮӨӨӨҢҢҢҚҚ", 120
	d := kyrgyzDocument()
	d.Sections[0].Fields[0].Text = strings.Repeat(typed+" ", repeats)
	path, _ := renderFile(t, renderCase{"kyrgyz", render, d})
	word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)
	left, right := marginLeft/mmPerPt-0.5, (pageWidth-marginRight)/mmPerPt+0.5
	found := 0
	for _, m := range word.FindAllStringSubmatch(tool(t, "pdftotext", "-bbox", path, "-"), -1) {
		if !slices.Contains(strings.Fields(typed), m[3]) {
			continue
		}
		found++
		x0, _ := strconv.ParseFloat(m[1], 64)
		x1, _ := strconv.ParseFloat(m[2], 64)
		if x0 < left || x1 > right {
			t.Errorf("%q spans %.1f–%.1f pt, outside the text column %.1f–%.1f", m[3], x0, x1, left, right)
		}
	}
	if want := repeats * len(strings.Fields(typed)); found != want {
		t.Errorf("found %d of the %d words typed", found, want)
	}
}

// Each fallback face is embedded only in documents that print a rune it
// draws; the others carry the two Go faces alone.
func TestFallbackFacesAreEmbeddedOnlyWhenUsed(t *testing.T) {
	bodyOnly := Document{Language: "en", Final: true, Title: "Harm reduction",
		Sections: []Section{{Title: "Context", Fields: []Field{{Label: "Who?", Text: kyrgyzSentences[0]}}}}}
	tests := []struct {
		name string
		c    renderCase
		want []string
	}{
		{"Go fonts only", renderCase{"reference", render, referenceDocument()}, []string{"utf8go", "utf8goB"}},
		{"fallback in regular text only", renderCase{"body", render, bodyOnly},
			[]string{"utf8dejavu", "utf8go", "utf8goB"}},
		{"fallback in both faces", renderCase{"kyrgyz", render, kyrgyzDocument()},
			[]string{"utf8dejavu", "utf8dejavuB", "utf8go", "utf8goB"}},
		// A worksheet prints no answers: Kyrgyz typed only there needs no fallback.
		{"worksheet without the answers", renderCase{"worksheet", renderWorksheet, bodyOnly}, []string{"utf8go", "utf8goB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, _ := renderFile(t, tt.c)
			if got := embeddedFonts(t, path); !slices.Equal(got, tt.want) {
				t.Errorf("embedded fonts %v, want %v", got, tt.want)
			}
		})
	}
}

// embeddedFonts lists the font names pdffonts reports, sorted: gofpdf names
// them utf8 + family + style. It fails the test on a font not embedded.
func embeddedFonts(t *testing.T, path string) []string {
	t.Helper()
	var names []string
	lines := strings.Split(strings.TrimSpace(tool(t, "pdffonts", path)), "\n")
	for _, line := range lines[min(2, len(lines)):] { // after the header and its rule
		f := strings.Fields(line)
		if len(f) < 7 {
			t.Fatalf("pdffonts line %q", line)
		}
		if emb := f[len(f)-5]; emb != "yes" {
			t.Errorf("font %s is not embedded: %q", f[0], line)
		}
		names = append(names, f[0])
	}
	slices.Sort(names)
	return names
}
