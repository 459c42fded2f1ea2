package web

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// uploadForm sends the upload form as a browser does: the fields in document order, the file last.
func (v *visitor) uploadForm(path, csrf, kind, filename string, content []byte) page {
	v.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("csrf", csrf)
	_ = w.WriteField("title", "")
	_ = w.WriteField("kind", kind)
	_ = w.WriteField("section", "ccm-inclusive-process")
	_ = w.WriteField("link", "")
	fw, _ := w.CreateFormFile("file", filename)
	fw.Write(content)
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, v.site.srv.URL+path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return v.do(req)
}

func TestAttachmentsPage(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Olga Owner")
		id := owner.createProposal("Снижение вреда", "ru", false)
		path := "/proposals/" + id + "/attachments"

		if p := owner.get("/proposals/" + id); !strings.Contains(p.Body, `href="`+path+`"`) {
			t.Fatal("the proposal page does not link to its files")
		}
		if p := owner.get("/proposals/" + id + "/sections/risks"); !strings.Contains(p.Body, `href="`+path+`?section=risks"`) {
			t.Fatal("a section page does not link to its files")
		}
		p := owner.get(path)
		if p.Status != http.StatusOK || !strings.Contains(p.Body, `enctype="multipart/form-data"`) || !strings.Contains(p.Body, "personal data") {
			t.Fatalf("files page: %d\n%s", p.Status, p.Body)
		}
		minutes := []byte("%PDF-1.4\n%%EOF\n")
		if p := owner.uploadForm(path, "forged", "minutes", "minutes.pdf", minutes); p.Status != http.StatusForbidden {
			t.Fatalf("an upload with a forged token: %d", p.Status)
		}
		p = owner.uploadForm(path, owner.csrf, "minutes", "протокол.pdf", minutes)
		if p.Status != http.StatusSeeOther || p.Location != path+"?added=1" {
			t.Fatalf("upload: %d %s\n%s", p.Status, p.Location, p.Body)
		}
		list := owner.get(path)
		if !strings.Contains(list.Body, "протокол.pdf") {
			t.Fatalf("the uploaded file is not listed:\n%s", list.Body)
		}
		i := strings.Index(list.Body, path+"/")
		link := list.Body[i : i+len(path)+1+strings.IndexByte(list.Body[i+len(path)+1:], '"')]
		got := owner.get(link)
		if got.Status != http.StatusOK || got.Body != string(minutes) || !strings.HasPrefix(got.Header.Get("Content-Disposition"), "attachment;") {
			t.Fatalf("download %s: %d %q %v", link, got.Status, got.Body, got.Header)
		}

		if p := owner.get(path + "?section=risks"); strings.Contains(p.Body, "протокол.pdf") || !strings.Contains(p.Body, "risks") {
			t.Fatalf("the list of another section shows the file, or does not say it is narrowed:\n%s", p.Body)
		}
		owner.post("/lang", url.Values{"lang": {"ru"}, "next": {path}})
		owner.get(path)
		p = owner.uploadForm(path, owner.csrf, "minutes", "page.pdf", []byte("<!DOCTYPE html><html></html>"))
		if p.Status != http.StatusUnsupportedMediaType || !strings.Contains(p.Body, "Такой тип файла не принимается") {
			t.Fatalf("an HTML file: %d\n%s", p.Status, p.Body)
		}

		viewer := addMemberAs(s, owner, id, "Vera Viewer", "viewer")
		if p := viewer.get(path); p.Status != http.StatusOK || strings.Contains(p.Body, `enctype="multipart/form-data"`) {
			t.Fatalf("a viewer's files page: %d, upload form shown: %v", p.Status, strings.Contains(p.Body, "multipart"))
		}
		if p := viewer.uploadForm(path, viewer.csrf, "minutes", "m.pdf", minutes); p.Status != http.StatusForbidden {
			t.Fatalf("a viewer's upload: %d", p.Status)
		}
		owner.get(path)
		aid := strings.TrimPrefix(link, path+"/")
		if p := owner.post(path+"/"+aid+"/delete", url.Values{}); p.Status != http.StatusSeeOther {
			t.Fatalf("delete: %d\n%s", p.Status, p.Body)
		}
		if p := owner.get(link); p.Status != http.StatusNotFound {
			t.Fatalf("a deleted file downloads: %d", p.Status)
		}
	})
}

// TestAttachmentsPageMarksSensitiveFiles: the form offers the sensitive checkbox with its hint, a file
// sent with it checked is listed with the mark, and one sent without is not.
func TestAttachmentsPageMarksSensitiveFiles(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Olga Owner")
		id := owner.createProposal("Harm reduction", "en", false)
		path := "/proposals/" + id + "/attachments"
		if p := owner.get(path); !strings.Contains(p.Body, `name="sensitive"`) || !strings.Contains(p.Body, "left out of the export") {
			t.Fatalf("the form has no sensitive checkbox with its hint:\n%s", p.Body)
		}
		send := func(filename string, sensitive bool) {
			var body bytes.Buffer
			w := multipart.NewWriter(&body)
			_ = w.WriteField("csrf", owner.csrf)
			_ = w.WriteField("kind", "data")
			if sensitive {
				_ = w.WriteField("sensitive", "1")
			}
			fw, _ := w.CreateFormFile("file", filename)
			fw.Write([]byte("site,contacts\nOsh,12\n"))
			w.Close()
			req, _ := http.NewRequest(http.MethodPost, s.srv.URL+path, &body)
			req.Header.Set("Content-Type", w.FormDataContentType())
			if p := owner.do(req); p.Status != http.StatusSeeOther {
				t.Fatalf("upload %s: %d\n%s", filename, p.Status, p.Body)
			}
		}
		send("plain.csv", false)
		if p := owner.get(path); strings.Contains(p.Body, "Sensitive: personal data") {
			t.Fatalf("a file sent without the checkbox is marked:\n%s", p.Body)
		}
		send("clm.csv", true)
		p := owner.get(path)
		i := strings.Index(p.Body, "clm.csv")
		if i < 0 || !strings.Contains(p.Body[i:], "Sensitive: personal data") {
			t.Fatalf("the sensitive file is not marked in the list:\n%s", p.Body)
		}
	})
}
