package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"iduit/document"
	"iduit/internal/reference"
)

// render renders d and returns the bytes.
func render(t testing.TB, d document.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// parts unzips a .docx into its parts by name.
func parts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Name] = string(body)
	}
	return out
}

// wellFormed fails unless every part parses as XML.
func wellFormed(t testing.TB, ps map[string]string) {
	t.Helper()
	for name, body := range ps {
		dec := xml.NewDecoder(strings.NewReader(body))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", name, err)
			}
		}
	}
}

// commented is the reference document with template keys and comments on a quote, a field, a section,
// a quote that is no longer in the text, and a section the document does not have.
func commented() document.Document {
	d := reference.Document()
	for i := range d.Sections {
		d.Sections[i].Key = "s" + string(rune('a'+i))
		for j := range d.Sections[i].Fields {
			d.Sections[i].Fields[j].Key = "f" + string(rune('a'+j))
		}
	}
	when := time.Date(2025, 3, 15, 9, 30, 0, 0, time.UTC)
	quote := reference.SentencesEN[4][:40] // typed in the second field of section b
	d.Comments = []document.Comment{
		{Section: "sa", Field: "fa", Quote: "двух областных центрах", Author: "Ирина Петрова", Text: "Which regions? <Name them> & say why.", Date: when,
			Replies: []document.Reply{{Author: "Alex Doe", Text: "Chuy and Osh.", Date: when.Add(time.Hour)}}},
		{Section: "sb", Field: "fb", Author: "Reviewer 1a2b", Text: "Shorten this answer.", Date: when},
		{Section: "sc", Author: "Reviewer 1a2b", Text: "This section needs the 2024 data.", Date: when},
		{Section: "sa", Field: "fa", Quote: "a passage deleted since", Author: "Alex Doe", Text: "Source?", Date: when},
		{Section: "zz", Author: "Alex Doe", Text: "Unknown section.", Date: when},
		{Section: "sb", Field: "fb", Quote: quote, Author: "Alex Doe", Text: "Good point.", Date: when},
	}
	return d
}

func TestRenderIsDeterministicAndWellFormed(t *testing.T) {
	for name, d := range map[string]document.Document{"reference": reference.Document(), "commented": commented(), "empty": {}} {
		t.Run(name, func(t *testing.T) {
			first, second := render(t, d), render(t, d)
			if !bytes.Equal(first, second) {
				t.Fatal("the same document rendered to different bytes")
			}
			ps := parts(t, first)
			wellFormed(t, ps)
			for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
				"word/numbering.xml", "word/settings.xml", "docProps/core.xml", "docProps/app.xml", "word/_rels/document.xml.rels"} {
				if _, ok := ps[want]; !ok {
					t.Errorf("no part %s", want)
				}
			}
			_, hasComments := ps["word/comments.xml"]
			if hasComments != (len(d.Comments) > 0) {
				t.Errorf("comments part present = %v with %d comments", hasComments, len(d.Comments))
			}
		})
	}
}

func TestEscapeKeepsXMLValid(t *testing.T) {
	tests := []struct {
		name, in, want string
		multiline      bool
	}{
		{"plain text as is", "Снижение вреда — harm reduction", "Снижение вреда — harm reduction", false},
		{"markup characters", `a<b>&"c"`, "a&lt;b&gt;&amp;&quot;c&quot;", false},
		{"control characters dropped", "a\x00b\x07c\x1bd\x7f", "abcd\x7f", false},
		{"noncharacters dropped", "a\uFFFEb\uFFFFc", "abc", false},
		{"invalid UTF-8 shown as U+FFFD", "a\xffb", "a\uFFFDb", false},
		{"line breaks kept in answers", "a\r\nb\rc\u2028d", "a\nb\nc\nd", true},
		{"line breaks become spaces in one-line text", "a\r\nb\nc", "a b c", false},
		{"tabs kept", "a\tb", "a\tb", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			escape(&b, tt.in, tt.multiline)
			if b.String() != tt.want {
				t.Errorf("escape(%q) = %q, want %q", tt.in, b.String(), tt.want)
			}
		})
	}
}

func TestHostileTextStillMakesAValidFile(t *testing.T) {
	typed := "Контроль\x00 <w:t>&amp; \x0b\ufffe\xff]]> \"'\t\r\n- item\x01\n\nnext"
	d := document.Document{Title: typed, Network: typed, Country: typed, Status: typed, Language: "en", Date: time.Unix(0, 0),
		Sections: []document.Section{{Key: "s", Number: typed, Title: typed, Chapters: []string{typed}, Fields: []document.Field{
			{Key: "f", Label: typed, Text: typed, Items: []string{typed}, Table: &document.Table{Columns: []string{typed}, Rows: [][]string{{typed, typed}, nil}}},
		}}},
		Comments: []document.Comment{{Section: "s", Field: "f", Quote: "<w:t>", Author: typed, Text: typed}},
	}
	ps := parts(t, render(t, d))
	wellFormed(t, ps)
	if !strings.Contains(ps["word/document.xml"], "&lt;w:t&gt;&amp;amp;") {
		t.Error("markup in answers was not escaped as text")
	}
}

// between returns the text of the runs between two markers of document.xml, tags removed.
func between(t *testing.T, doc, from, to string) string {
	t.Helper()
	i := strings.Index(doc, from)
	j := strings.Index(doc, to)
	if i < 0 || j < i {
		t.Fatalf("no %s … %s in document.xml", from, to)
	}
	return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(doc[i:j], "")
}

func TestCommentsAnchorOnWhatTheyAreAbout(t *testing.T) {
	d := commented()
	ps := parts(t, render(t, d))
	doc, comments := ps["word/document.xml"], ps["word/comments.xml"]
	tests := []struct {
		id   string
		want string // the text the comment's range covers
	}{
		{"0", "двух областных центрах"},
		{"1", "двух областных центрах"}, // the reply, on its thread's range
		{"2", d.Sections[1].Fields[1].Label},
		{"3", "3. " + d.Sections[2].Title},
		{"4", d.Sections[0].Fields[0].Label}, // its quote is gone: on the question
		{"5", d.Title},                       // its section is gone: on the title
		{"6", d.Comments[5].Quote},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got := between(t, doc, `<w:commentRangeStart w:id="`+tt.id+`"/>`, `<w:commentRangeEnd w:id="`+tt.id+`"/>`)
			if got != tt.want {
				t.Errorf("comment %s covers %q, want %q", tt.id, got, tt.want)
			}
			if !strings.Contains(doc, `<w:commentReference w:id="`+tt.id+`"/>`) {
				t.Errorf("comment %s has no reference mark", tt.id)
			}
		})
	}
	for _, want := range []string{`w:author="Ирина Петрова"`, `w:initials="ИП"`, `w:date="2025-03-15T09:30:00Z"`,
		"Which regions? &lt;Name them&gt; &amp; say why.", `<w:comment w:id="1" w:author="Alex Doe" w:initials="AD" w:date="2025-03-15T10:30:00Z">`,
		"Chuy and Osh.", "«a passage deleted since» Source?"} {
		if !strings.Contains(comments, want) {
			t.Errorf("comments.xml lacks %s", want)
		}
	}
	if strings.Contains(comments, "«двух областных центрах»") {
		t.Error("a comment placed on its quote repeats the quote")
	}
}

func TestPropertiesAndLanguage(t *testing.T) {
	for _, tt := range []struct{ lang, tag, contents string }{{"ru", "ru-RU", "Содержание"}, {"en", "en-GB", "Contents"}} {
		t.Run(tt.lang, func(t *testing.T) {
			d := reference.Document()
			d.Language = tt.lang
			ps := parts(t, render(t, d))
			core := ps["docProps/core.xml"]
			for _, want := range []string{"<dc:title>" + d.Title + "</dc:title>", "<dc:creator>" + d.Network + "</dc:creator>",
				"<dc:language>" + tt.tag + "</dc:language>", "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2025-03-14T16:05:00Z</dcterms:modified>"} {
				if !strings.Contains(core, want) {
					t.Errorf("core.xml lacks %s", want)
				}
			}
			if !strings.Contains(ps["word/styles.xml"], `<w:lang w:val="`+tt.tag+`"`) {
				t.Errorf("styles.xml does not set the language %s", tt.tag)
			}
			if !strings.Contains(ps["word/document.xml"], tt.contents) {
				t.Errorf("document.xml lacks %q", tt.contents)
			}
		})
	}
}

func TestContentsIsATOCFieldWordUpdates(t *testing.T) {
	ps := parts(t, render(t, reference.Document()))
	if !strings.Contains(ps["word/document.xml"], `<w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-1" \h \z \u </w:instrText>`) {
		t.Error("no TOC field marked for updating")
	}
	if !strings.Contains(ps["word/settings.xml"], `<w:updateFields w:val="true"/>`) {
		t.Error("settings do not ask Word to update fields")
	}
	for _, want := range []string{`w:styleId="Heading1"><w:name w:val="heading 1"/>`, `<w:outlineLvl w:val="0"/>`,
		`w:styleId="Heading2"><w:name w:val="heading 2"/>`, `<w:outlineLvl w:val="1"/>`} {
		if !strings.Contains(ps["word/styles.xml"], want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
}

func TestColumnWidthsFillTheLine(t *testing.T) {
	for _, tbl := range []*document.Table{
		{Columns: []string{"a"}},
		{Columns: []string{"Мероприятие / Intervention", "Индикатор", "Потребность"}, Rows: [][]string{{"x", "KP-1", "7713", "extra"}}},
		{Rows: [][]string{{strings.Repeat("слово ", 300)}, {"", ""}}},
	} {
		n := len(tbl.Columns)
		for _, r := range tbl.Rows {
			n = max(n, len(r))
		}
		sum := 0
		for _, w := range columnWidths(tbl, n) {
			if w <= 0 {
				t.Errorf("a column of width %d", w)
			}
			sum += w
		}
		if sum != contentWidth {
			t.Errorf("widths add up to %d, want %d", sum, contentWidth)
		}
	}
}

func TestACommentLandsOnTheOccurrenceItWasMadeOn(t *testing.T) {
	text := "Доступ к ОЗТ ограничен. Доступ к ОЗТ ограничен.\n\n- Доступ к ОЗТ ограничен."
	tests := []struct {
		name   string
		at     int
		before string // the text of the run just before the comment's range
	}{
		{"the second in a paragraph", len("Доступ к ОЗТ ограничен. "), "Доступ к ОЗТ ограничен. "},
		{"the one in the list", strings.LastIndex(text, "Доступ"), ""},
		{"a stale position: the first", 3, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := document.Document{Language: "ru", Sections: []document.Section{{Key: "s", Title: "S", Fields: []document.Field{{Key: "f", Label: "Q", Text: text}}}},
				Comments: []document.Comment{{Section: "s", Field: "f", Quote: "Доступ к ОЗТ", QuoteAt: tt.at, Author: "A", Text: "?"}}}
			doc := parts(t, render(t, d))["word/document.xml"]
			i := strings.Index(doc, `<w:commentRangeStart w:id="0"/>`)
			if i < 0 {
				t.Fatal("no comment range")
			}
			p := strings.LastIndex(doc[:i], "<w:p>")
			if got := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(doc[p:i], ""); got != tt.before {
				t.Errorf("the range starts after %q, want after %q", got, tt.before)
			}
			if tt.name == "the one in the list" && !strings.Contains(doc[p:i], `<w:numId w:val="1"/>`) {
				t.Error("the range is not in the list item")
			}
		})
	}
}

// A draft has the watermark in both headers, the cover's and the running one, behind the text; a final
// document has it in neither.
func TestWatermarkOnDraftsOnly(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		final bool
		want  string
	}{{"ru", false, "ПРОЕКТ"}, {"en", false, "DRAFT"}, {"ru", true, ""}, {"en", true, ""}} {
		d := reference.Document()
		d.Language, d.Final = tt.lang, tt.final
		ps := parts(t, render(t, d))
		wellFormed(t, ps)
		if !strings.Contains(ps["word/document.xml"], `<w:headerReference w:type="first" r:id="rIdCoverHeader"/>`) {
			t.Fatal("the cover has no header of its own")
		}
		for _, h := range []string{"word/header1.xml", "word/header2.xml"} {
			marks := regexp.MustCompile(`<v:shape id="PowerPlusWaterMarkObject\d"[^>]*z-index:-[^>]*>.*?<v:textpath [^>]*string="([^"]*)"`).FindAllStringSubmatch(ps[h], -1)
			switch {
			case tt.want == "" && len(marks) > 0:
				t.Errorf("%s final: %s has a watermark", tt.lang, h)
			case tt.want != "" && (len(marks) != 1 || marks[0][1] != tt.want):
				t.Errorf("%s draft: %s has watermarks %q, want one %q behind the text", tt.lang, h, marks, tt.want)
			}
		}
	}
}

func TestBreakAtFindsWhatIndexAnyFinds(t *testing.T) {
	for _, s := range []string{"", "plain", "tab\there", "line\nbreak", "cr\r", "sep\u2028x", "para\u2029", "Снижение\tвреда",
		"\u2027\u202a no separators", "\xe2\x80", "ж\u2028", "€ and … are not breaks"} {
		if got, want := breakAt(s), strings.IndexAny(s, "\t\n\r\u2028\u2029"); got != want {
			t.Errorf("breakAt(%q) = %d, strings.IndexAny gives %d", s, got, want)
		}
	}
}
