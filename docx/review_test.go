package docx

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"iduit/document"
)

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
