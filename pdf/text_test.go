package pdf

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

func TestSanitise(t *testing.T) {
	tests := []struct {
		name, in, want string
		multiline      bool
	}{
		{"plain text is returned as is", "Снижение вреда — harm reduction", "Снижение вреда — harm reduction", false},
		{"line breaks become spaces in single lines", "a\r\nb\nc\rd", "a b c d", false},
		{"line breaks are kept in answers", "a\r\nb\rc\u2028d", "a\nb\nc\nd", true},
		{"tabs become spaces", "a\tb", "a b", true},
		{"typed hyphens print as hyphens", "Жалал\u2011Абад, Жалал\u2010Абад, Жалал-Абад", "Жалал-Абад, Жалал-Абад, Жалал-Абад", false},
		{"control characters are dropped", "a\x00b\x1bc\u0085d", "abcd", true},
		{"invisible format characters are dropped", "soft\u00adhyphen\u200bzero\u200ewidth\ufeff", "softhyphenzerowidth", false},
		{"variation selectors are dropped", "\u2764\ufe0f", "\ufffd", false},
		{"emoji are replaced, not lost", "ok 👍🏽", "ok \ufffd\ufffd", false},
		{"scripts the fonts lack are replaced", "中文 ქართ", "\ufffd\ufffd \ufffd\ufffd\ufffd\ufffd", false},
		{"decomposed letters are composed", "e\u0301 и\u0306", "é й", false},
		{"marks with no composed form are replaced", "у\u0301дарение", "у\ufffdдарение", false},
		{"invalid UTF-8 is replaced", "a\xffb", "a\ufffdb", false},
		{"unknown spaces become plain spaces", "a\u2003b\u3000c", "a b c", false},
		{"no-break space is kept", "10\u00a0000", "10\u00a0000", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sanitise(tt.in, tt.multiline); got != tt.want {
				t.Errorf("sanitise(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSanitiseCleanTextDoesNotAllocate(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("Опиоидная заместительная терапия (OST), 40–50%. ", 20),
		strings.Repeat("Өмүрбек Түндүк, Қазақстан, Ғ Ә Һ Ұ. ", 20), // fallback letters are clean too
	} {
		if n := testing.AllocsPerRun(100, func() { _ = sanitise(s, true) }); n != 0 {
			t.Errorf("sanitise allocated %v times on clean text %.20q", n, s)
		}
	}
}

func TestWrapKeepsEveryWordWithinTheWidth(t *testing.T) {
	fc := faces[regular]
	text := sentencesRU[2] + " " + sentencesEN[5] + " " + strings.Repeat("Ш", 200) + "\nновая строка"
	for _, width := range []int{800, 5000, 20000, 60000} {
		lines := fc.wrap(text, width, nil)
		for _, l := range lines {
			if w := fc.advance(l); w > width && len([]rune(l)) > 1 {
				t.Errorf("width %d: line %q is %d wide", width, l, w)
			}
		}
		if got, want := strings.Join(lines, ""), strings.NewReplacer(" ", "", "\n", "").Replace(text); strings.ReplaceAll(got, " ", "") != want {
			t.Errorf("width %d: wrapping lost or reordered text", width)
		}
		if last := lines[len(lines)-1]; last != "новая строка" && width >= 20000 {
			t.Errorf("width %d: the typed line break was not kept: last line %q", width, last)
		}
	}
}

func TestWrapNarrowerThanOneRuneStillProgresses(t *testing.T) {
	if got := faces[bold].wrap("Шов", 1, nil); !slices.Equal(got, []string{"Ш", "о", "в"}) {
		t.Errorf("wrap = %q", got)
	}
}

func TestEllipsis(t *testing.T) {
	fc := faces[regular]
	long := strings.Repeat("слово ", 40)
	got := fc.ellipsis(long, 10000)
	if !strings.HasSuffix(got, "…") || fc.advance(got) > 10000 {
		t.Errorf("ellipsis = %q (%d wide)", got, fc.advance(got))
	}
	if fc.ellipsis("short", 10000) != "short" {
		t.Error("ellipsis changed a string that fits")
	}
}

// Line breaking must measure text exactly as gofpdf will write its widths.
func TestWidthsMatchGofpdf(t *testing.T) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	addFonts(pdf)
	for _, fc := range faces {
		addFallback(pdf, fc)
		fallbacks := 0
		for r := rune(0x20); r < 0x10000; r++ {
			if !hasGlyph(r) {
				continue
			}
			family := fontFamily
			if fc.fromFallback.has(r) {
				family = fallbackFamily
				fallbacks++
			}
			pdf.SetFont(family, fc.code, 10)
			if got, want := fc.runeWidth(r), pdf.GetStringSymbolWidth(string(r)); got != want {
				t.Fatalf("style %q rune %U in %s: width %d, gofpdf %d", fc.code, r, family, got, want)
			}
		}
		if fallbacks == 0 {
			t.Errorf("style %q: no rune is drawn by the fallback face", fc.code)
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
}

func TestReplacementRuneIsInTheFonts(t *testing.T) {
	if replacementRune != '\ufffd' {
		t.Errorf("replacement rune = %q; the Go fonts used to carry U+FFFD", replacementRune)
	}
}

func TestDeflateStreamsLeavesForeignBytesAlone(t *testing.T) {
	for _, in := range []string{"", "not a pdf", "%PDF-1.3\nstartxref\n999\n%%EOF\n", "%PDF-1.3\nxref\n0 1\nstartxref\n9\n%%EOF\n"} {
		var out bytes.Buffer
		if err := deflateStreams(&out, []byte(in), nil); err != nil || out.String() != in {
			t.Errorf("deflateStreams(%q) = %q, %v; want the input unchanged", in, out.String(), err)
		}
	}
}

func TestEveryStreamIsCompressed(t *testing.T) {
	var out bytes.Buffer
	if _, err := render(&out, referenceDocument()); err != nil {
		t.Fatal(err)
	}
	src := out.Bytes()
	xrefAt, offsets, _, err := parseXref(src)
	if err != nil {
		t.Fatal(err)
	}
	starts := append(slices.Clone(offsets[1:]), xrefAt)
	slices.Sort(starts)
	streams := 0
	for i := 0; i+1 < len(starts); i++ {
		obj := src[starts[i]:starts[i+1]]
		dict, _, isStream := bytes.Cut(obj, []byte("stream\n"))
		if !isStream {
			continue
		}
		streams++
		if !bytes.Contains(dict, []byte("/FlateDecode")) {
			t.Errorf("uncompressed stream: %.60q", obj)
		}
	}
	if streams == 0 {
		t.Fatal("found no streams")
	}
}

func TestUndrawable(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Снижение вреда, harm reduction", ""},
		{"Өмүрбек Түндүк, Қазақстан, ҮҢ ӘҒҺҰ", ""},
		{"Cyrillic the fallback lacks: Ԧ ԯ", "Ԧԯ"},
		{"Georgian: თბილისი", "თბილს"},
		{"tab\tand\nnewline\u200b", ""},
		{"😀 и 😀", "😀"},
		{"Жалал\u2011Абад", ""},
	}
	for _, tt := range tests {
		if got := string(Undrawable(tt.in)); got != tt.want {
			t.Errorf("Undrawable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A paragraph broken across pages keeps at least two of its lines on each side of the break; one that
// cannot (three lines with room for two) moves to the next page whole.
func TestParagraphsLeaveNoWidowsOrOrphans(t *testing.T) {
	lines := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "line " + strconv.Itoa(i+1)
		}
		return out
	}
	for _, c := range []struct {
		name            string
		lines, room     int
		wantFirst, page int // lines left on the first page; page where the paragraph ends
	}{
		{"orphan: one line of room", 5, 1, 0, 2},
		{"widow: three lines, room for two", 3, 2, 0, 2},
		{"widow: five lines, room for four", 5, 4, 3, 2},
		{"fits", 4, 4, 4, 1},
		{"two and two", 4, 2, 2, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := newRenderer(Document{}, &english)
			r.newPage()
			r.y = bodyBottom - float64(c.room)*bodyStyle.leading
			start := r.y
			r.flow(marginLeft, bodyStyle, lines(c.lines), "")
			if got := r.fpdf.PageNo(); got != c.page {
				t.Fatalf("ends on page %d, want %d", got, c.page)
			}
			if c.page == 2 {
				onSecond := int(math.Round((r.y - bodyTop) / bodyStyle.leading))
				if first := c.lines - onSecond; first != c.wantFirst {
					t.Errorf("%d lines before the break, want %d", first, c.wantFirst)
				}
			} else if r.y-start < float64(c.lines)*bodyStyle.leading-epsilon {
				t.Error("the paragraph did not all fit")
			}
		})
	}
}
