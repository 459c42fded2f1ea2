package api

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// docxParts unzips a .docx and returns its parts by name.
func docxParts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a .docx: %v", err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(r)
		out[f.Name] = string(body)
	}
	return out
}

var xmlTags = regexp.MustCompile(`<[^>]*>`)

func TestConceptNoteDocx(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner := tm.people["owner"].token
		answer := "Нет данных о гепатите С среди ЛУИН в Оше. Данные о гепатите С есть в Бишкеке."
		a.saveText(t, tm, "epidemiology", "data-gaps", answer, 0)
		path := "/api/v1/proposals/" + tm.id + "/docx"

		r := a.do(t, call{method: "GET", path: path, token: tm.people["viewer"].token}).want(200)
		if ct := r.Header().Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
			t.Fatalf("Content-Type %q", ct)
		}
		if cd := r.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, ".docx") ||
			!strings.Contains(cd, "filename*=UTF-8''%D0%A1%D0%BD%D0%B8%D0%B6") {
			t.Fatalf("Content-Disposition %q", cd)
		}
		parts := docxParts(t, r.Body.Bytes())
		if text := xmlTags.ReplaceAllString(parts["word/document.xml"], ""); !strings.Contains(text, answer) {
			t.Fatal("the Word file lacks the saved answer")
		}
		if _, ok := parts["word/comments.xml"]; ok {
			t.Fatal("comments without ?comments=1")
		}

		etag := r.Header().Get("ETag")
		a.do(t, call{method: "GET", path: path, token: owner, header: map[string]string{"If-None-Match": etag}}).want(304)
		pdf := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/pdf", token: owner}).want(200)
		if pdf.Header().Get("ETag") == etag {
			t.Fatal("the PDF and the Word file share an ETag")
		}

		second := utf8.RuneCountInString(answer[:strings.LastIndex(answer, "гепатите С")])
		a.comment(t, tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "гепатите С", "quote_start": second, "body": "Какие данные есть?"})
		with := a.do(t, call{method: "GET", path: path + "?comments=1", token: owner}).want(200)
		commented := docxParts(t, with.Body.Bytes())
		if !strings.Contains(commented["word/comments.xml"], "Какие данные есть?") {
			t.Fatal("?comments=1 left out the open comment")
		}
		doc := commented["word/document.xml"]
		if got := xmlTags.ReplaceAllString(between(doc, `<w:commentRangeStart w:id="0"/>`, `<w:commentRangeEnd w:id="0"/>`), ""); got != "гепатите С" {
			t.Fatalf("the comment covers %q, want its quote", got)
		}
		start := strings.Index(doc, `<w:commentRangeStart w:id="0"/>`)
		if before := xmlTags.ReplaceAllString(doc[strings.LastIndex(doc[:start], "<w:p>"):start], ""); before != "Нет данных о гепатите С среди ЛУИН в Оше. Данные о " {
			t.Fatalf("the comment starts after %q: not on the occurrence the reviewer chose", before)
		}
		a.do(t, call{method: "GET", path: path + "?comments=1", token: owner, header: map[string]string{"If-None-Match": etag}}).want(200) // another document
		before := with.Header().Get("ETag")
		a.do(t, call{method: "GET", path: path + "?comments=1", token: owner, header: map[string]string{"If-None-Match": before}}).want(304)
		a.comment(t, tm, "editor", map[string]any{"section": "epidemiology", "body": "Второй комментарий"})
		a.do(t, call{method: "GET", path: path + "?comments=1", token: owner, header: map[string]string{"If-None-Match": before}}).want(200) // a new comment, a new file
		a.do(t, call{method: "GET", path: path, token: owner, header: map[string]string{"If-None-Match": etag}}).want(304)                   // the file without comments is unchanged

		a.saveText(t, tm, "epidemiology", "data-gaps", "Новый текст.", 1)
		if next := a.do(t, call{method: "GET", path: path, token: owner, header: map[string]string{"If-None-Match": etag}}).want(200); next.Header().Get("ETag") == etag {
			t.Fatal("a save did not change the Word file's ETag")
		}
		a.do(t, call{method: "GET", path: path + "?lang=en", token: owner}).want(400) // written in Russian only
		a.do(t, call{method: "GET", path: path + "?comments=yes", token: owner}).want(400)
		a.do(t, call{method: "GET", path: path, token: tm.people["stranger"].token}).want(404)
		a.do(t, call{method: "GET", path: path}).want(401)
	})
}

// between returns the part of s from one marker to the next.
func between(s, from, to string) string {
	i := strings.Index(s, from)
	j := strings.Index(s, to)
	if i < 0 || j < i {
		return ""
	}
	return s[i:j]
}

// With ?comments=1 open suggestions are tracked changes by their authors as the viewer may see them; a
// new or decided suggestion gives a new file, and an outdated one is left out.
func TestConceptNoteDocxCarriesSuggestions(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner, editor := tm.people["owner"].token, tm.people["editor"].token
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных о ВГС среди ЛУИН в Оше.", 0)
		path := "/api/v1/proposals/" + tm.id + "/docx?comments=1"
		a.suggest(t, tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "ВГС",
			"replacement": "гепатите C", "comment": "Без сокращений"}).want(201)
		change := regexp.MustCompile(`<w:del w:id="\d+" w:author="([^"]*)" w:date="\d{4}-\d\d-\d\dT[\d:]+Z"><w:r><w:delText xml:space="preserve">ВГС</w:delText></w:r></w:del>` +
			`<w:ins w:id="\d+" w:author="([^"]*)" w:date="[^"]+"><w:r><w:t xml:space="preserve">гепатите C</w:t></w:r></w:ins>`)
		authors := func(token string) (string, string) {
			t.Helper()
			r := a.do(t, call{method: "GET", path: path, token: token}).want(200)
			ps := docxParts(t, r.Body.Bytes())
			m := change.FindStringSubmatch(ps["word/document.xml"])
			if m == nil || m[1] != m[2] {
				t.Fatalf("no tracked change of «ВГС» to «гепатите C» by one author in %s", ps["word/document.xml"])
			}
			if !strings.Contains(ps["word/comments.xml"], "Без сокращений") {
				t.Error("the suggestion's reason is not a comment")
			}
			return m[1], r.Header().Get("ETag")
		}
		who, etag := authors(owner)
		if who != "reviewer" {
			t.Fatalf("the change is by %q, want the reviewer's name", who)
		}
		a.do(t, call{method: "GET", path: path, token: owner, header: map[string]string{"If-None-Match": etag}}).want(304)

		a.do(t, call{method: "PATCH", path: "/api/v1/proposals/" + tm.id, token: owner, body: map[string]any{"hide_reviewer_names": true},
			header: map[string]string{"If-Match": `"0"`}}).want(200)
		if who, _ := authors(editor); !regexp.MustCompile(`^Reviewer [0-9a-f]{4}$`).MatchString(who) {
			t.Errorf("an applicant sees the hidden reviewer's change as by %q", who)
		}
		if who, _ := authors(owner); who != "reviewer" {
			t.Errorf("the owner sees the change as by %q", who)
		}

		_, etag = authors(owner)
		second := a.suggest(t, tm, "editor", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "в Оше", "replacement": "в Оше и Бишкеке"}).want(201).str("id")
		next := a.do(t, call{method: "GET", path: path, token: owner, header: map[string]string{"If-None-Match": etag}}).want(200)
		a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+second+"/reject"), token: owner}).want(200)
		a.do(t, call{method: "GET", path: path, token: owner, header: map[string]string{"If-None-Match": next.Header().Get("ETag")}}).want(200)

		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных о гепатите среди ЛУИН.", 1) // the passage is gone
		r := a.do(t, call{method: "GET", path: path, token: owner}).want(200)
		if doc := docxParts(t, r.Body.Bytes())["word/document.xml"]; strings.Contains(doc, "<w:del ") || strings.Contains(doc, "<w:ins ") {
			t.Error("an outdated suggestion is still a tracked change")
		}
	})
}
