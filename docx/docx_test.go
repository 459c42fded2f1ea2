package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
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

// Replies are Word comments of their own that commentsExtended.xml makes replies to their thread's first
// comment, each comment paragraph numbered (w14:paraId) for it.
func TestRepliesAreWordReplies(t *testing.T) {
	d := commented()
	d.Comments[2].Replies = []document.Reply{{Author: "Ирина Петрова", Text: "Added.", Date: time.Date(2025, 3, 16, 8, 0, 0, 0, time.UTC)},
		{Author: "Reviewer 1a2b", Text: "Thanks.", Date: time.Date(2025, 3, 16, 9, 0, 0, 0, time.UTC)}}
	ps := parts(t, render(t, d))
	wellFormed(t, ps)
	paras := map[string]string{} // comment id → its paragraph's id
	for _, m := range regexp.MustCompile(`<w:comment w:id="(\d+)"[^>]*><w:p w14:paraId="([0-9A-F]{8})"`).FindAllStringSubmatch(ps["word/comments.xml"], -1) {
		paras[m[1]] = m[2]
	}
	if len(paras) != 9 {
		t.Fatalf("%d Word comments with a numbered paragraph, want 9 (6 threads, 3 replies)", len(paras))
	}
	type entry struct{ para, parent string }
	var got []entry
	for _, m := range regexp.MustCompile(`<w15:commentEx w15:paraId="([0-9A-F]{8})"(?: w15:paraIdParent="([0-9A-F]{8})")? w15:done="0"/>`).FindAllStringSubmatch(ps["word/commentsExtended.xml"], -1) {
		got = append(got, entry{m[1], m[2]})
	}
	// Thread 0 (ids 0, 1), thread 1 (2), thread 2 (3, 4, 5), threads 3–5 (6, 7, 8).
	want := []entry{{paras["0"], ""}, {paras["1"], paras["0"]}, {paras["2"], ""}, {paras["3"], ""}, {paras["4"], paras["3"]},
		{paras["5"], paras["3"]}, {paras["6"], ""}, {paras["7"], ""}, {paras["8"], ""}}
	if !equal(got, want) {
		t.Errorf("commentsExtended.xml threads\n got %v\nwant %v", got, want)
	}
	for _, id := range []string{"3", "4", "5"} {
		if got := between(t, ps["word/document.xml"], `<w:commentRangeStart w:id="`+id+`"/>`, `<w:commentRangeEnd w:id="`+id+`"/>`); got != "3. "+d.Sections[2].Title {
			t.Errorf("Word comment %s covers %q, want its thread's section heading", id, got)
		}
	}
	if !strings.Contains(ps["[Content_Types].xml"], `PartName="/word/commentsExtended.xml"`) || !strings.Contains(ps["word/_rels/document.xml.rels"], `Target="commentsExtended.xml"`) {
		t.Error("commentsExtended.xml is not declared and related")
	}
}

// suggested is the commented document with suggestions: a replacement with a reason around comment 0's
// quote, a deletion, a replacement, one overlapping the first (it cannot be a tracked change too) and
// one whose passage is in the other language.
func suggested() document.Document {
	d := commented()
	text := d.Sections[0].Fields[0].Text
	when := time.Date(2025, 3, 17, 11, 0, 0, 0, time.UTC)
	at := func(q string) int { return strings.Index(text, q) }
	d.Suggestions = []document.Suggestion{
		{Section: "sa", Field: "fa", Quote: "сосредоточены в столице и двух областных центрах", QuoteAt: at("сосредоточены в столице"),
			Replacement: "есть только в Бишкеке, Оше и Джалал-Абаде", Comment: "Назовите города.", Author: "Reviewer 1a2b", Date: when},
		{Section: "sa", Field: "fa", Quote: ", перебоях в поставках", QuoteAt: at(", перебоях в поставках"), Author: "Alex Doe", Date: when},
		{Section: "sa", Field: "fa", Quote: "одиннадцати сайтах", QuoteAt: at("одиннадцати сайтах"), Replacement: "11 площадках", Author: "Alex Doe", Date: when},
		{Section: "sa", Field: "fa", Quote: "в столице", QuoteAt: at("в столице"), Replacement: "в Бишкеке", Author: "Alex Doe", Date: when},
		{Section: "sb", Field: "fb", Quote: "Police presence", QuoteAt: -1, Replacement: "Police patrols", Comment: "Say who.", Author: "Alex Doe", Date: when},
	}
	return d
}

// accepted is a field's text with the suggestions placed as tracked changes applied.
func accepted(d document.Document) string {
	text := d.Sections[0].Fields[0].Text
	for _, i := range []int{2, 1, 0} { // from the end, so earlier offsets hold
		g := d.Suggestions[i]
		text = text[:g.QuoteAt] + g.Replacement + text[g.QuoteAt+len(g.Quote):]
	}
	return text
}

func TestSuggestionsAreTrackedChanges(t *testing.T) {
	d := suggested()
	ps := parts(t, render(t, d))
	wellFormed(t, ps)
	doc, comments := ps["word/document.xml"], ps["word/comments.xml"]
	change := regexp.MustCompile(`<w:(ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">(.*?)</w:(?:ins|del)>`)
	type rev struct{ kind, author, date, text string }
	var got []rev
	ids := map[string]bool{}
	prevEnd := 0
	for _, loc := range change.FindAllStringSubmatchIndex(doc, -1) {
		m := make([]string, len(loc)/2)
		for i := range m {
			m[i] = doc[loc[2*i]:loc[2*i+1]]
		}
		gap := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(doc[prevEnd:loc[0]], "")
		prevEnd = loc[1]
		if ids[m[2]] {
			t.Errorf("revision id %s used twice", m[2])
		}
		ids[m[2]] = true
		if m[1] == "del" && strings.Contains(m[5], "<w:t ") {
			t.Errorf("a deletion holds w:t, not w:delText: %s", m[5])
		}
		text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m[5], "")
		if n := len(got); n > 0 && got[n-1].kind == "del" && m[1] == "del" && gap == "" {
			got[n-1].text += text // one deletion split around comment marks
			continue
		}
		got = append(got, rev{m[1], m[3], m[4], text})
	}
	const date = "2025-03-17T11:00:00Z"
	want := []rev{{"del", "Reviewer 1a2b", date, "сосредоточены в столице и двух областных центрах"}, {"ins", "Reviewer 1a2b", date, "есть только в Бишкеке, Оше и Джалал-Абаде"},
		{"del", "Alex Doe", date, ", перебоях в поставках"}, {"del", "Alex Doe", date, "одиннадцати сайтах"}, {"ins", "Alex Doe", date, "11 площадках"}}
	if !equal(got, want) {
		t.Errorf("tracked changes\n got %q\nwant %q", got, want)
	}
	// Comment 0's passage lies inside the first change: it covers the whole change, new wording included,
	// and no comment mark stands inside a change.
	for _, m := range change.FindAllStringSubmatch(doc, -1) {
		if strings.Contains(m[5], "comment") {
			t.Errorf("a comment mark inside a tracked change: %s", m[0])
		}
	}
	if got := between(t, doc, `<w:commentRangeStart w:id="0"/>`, `<w:commentRangeEnd w:id="0"/>`); got != "сосредоточены в столице и двух областных центрахесть только в Бишкеке, Оше и Джалал-Абаде" {
		t.Errorf("comment 0 covers %q", got)
	}
	// The reason is a comment on the change, deleted passage and new wording alike; the other two
	// suggestions are comments that say what they propose.
	texts := map[string]string{} // Word comment id → its text
	for _, m := range regexp.MustCompile(`<w:comment w:id="(\d+)"[^>]*>(.*?)</w:comment>`).FindAllStringSubmatch(comments, -1) {
		texts[m[1]] = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(strings.ReplaceAll(m[2], "<w:br/>", "\n"), "")
	}
	find := func(text string) string {
		for id, got := range texts {
			if got == text {
				return id
			}
		}
		t.Fatalf("no comment %q in %q", text, texts)
		return ""
	}
	reason := find("Назовите города.")
	if got := between(t, doc, `<w:commentRangeStart w:id="`+reason+`"/>`, `<w:commentRangeEnd w:id="`+reason+`"/>`); got != "сосредоточены в столице и двух областных центрахесть только в Бишкеке, Оше и Джалал-Абаде" {
		t.Errorf("the reason covers %q, want the deleted passage and the new wording", got)
	}
	for _, c := range []struct{ text, on string }{
		{"Предложенная правка: «в столице» → «в Бишкеке»", d.Sections[0].Fields[0].Label},
		{"Предложенная правка: «Police presence» → «Police patrols»\nSay who.", d.Sections[1].Fields[1].Label},
	} {
		id := find(c.text)
		if got := between(t, doc, `<w:commentRangeStart w:id="`+id+`"/>`, `<w:commentRangeEnd w:id="`+id+`"/>`); got != c.on {
			t.Errorf("%q is on %q, want its question %q", c.text, got, c.on)
		}
	}
}

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
		if want := toBarChart(c).Alternative(); drawings[i][2] != want {
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
