package api

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/png"
	"mime/multipart"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"

	"iduit/internal/testdb"
	"iduit/models"
	"iduit/service"
	"iduit/templates"
)

func init() {
	for _, t := range []string{service.TypeDOCX, service.TypeXLSX, service.TypeODT, service.TypeJPEG, service.TypePNG} {
		openapi3filter.RegisterBodyDecoder(t, openapi3filter.FileBodyDecoder)
	}
}

// upload is one multipart upload: the fields first, then the file, as a browser sends a form.
type upload struct {
	title, kind, section, link, filename string
	content                              []byte
	// sensitive is sent as the field "sensitive" when not empty ("1" as the API documents, "on" as a
	// checkbox without a value would).
	sensitive string
}

func (a *testAPI) upload(t *testing.T, token, proposalID string, u upload) result {
	t.Helper()
	c := uploadCall("/api/v1/proposals/"+proposalID+"/attachments", u)
	c.token = token
	return a.do(t, c)
}

// uploadCall is the request of an upload, without a token. Writing to a bytes.Buffer cannot fail.
func uploadCall(path string, u upload) call {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for name, v := range map[string]string{"title": u.title, "kind": u.kind, "section": u.section, "link": u.link, "sensitive": u.sensitive} {
		if v != "" {
			_ = w.WriteField(name, v)
		}
	}
	fw, _ := w.CreateFormFile("file", u.filename)
	fw.Write(u.content)
	w.Close()
	return call{method: "POST", path: path, body: body.Bytes(), header: map[string]string{"Content-Type": w.FormDataContentType()}}
}

// eachAPIWith is eachAPI with the service configured by cfg (small limits).
func eachAPIWith(t *testing.T, cfg service.Config, fn func(t *testing.T, a *testAPI)) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		catalogue, err := templates.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		cfg.Passwords = cheapPasswords
		svc := service.New(store, catalogue, cfg)
		fn(t, &testAPI{t: t, handler: newRouter(svc, store.Ping), store: store})
	})
}

var smallPDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

func smallPNG(t *testing.T) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// officeZip builds a minimal OOXML or ODF package with the named entries.
func officeZip(t *testing.T, entries ...string) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, name := range entries {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "mimetype" {
			w.Write([]byte(service.TypeODT))
		} else {
			w.Write([]byte("<x/>"))
		}
	}
	z.Close()
	return b.Bytes()
}

func digest(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

func TestAttachmentsUploadDownloadEditDelete(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		base := "/api/v1/proposals/" + id + "/attachments"

		// A file of three chunks, so that a range across a chunk boundary is read from two rows.
		data := bytes.Repeat([]byte("date,site,contacts\n2026-01-05,Bishkek,42\n"), 70_000)
		created := a.upload(t, owner.token, id, upload{title: "CLM data", kind: "data", section: "ccm-inclusive-process", link: "priority:abc-1", filename: "данные \"2026\".csv", content: data}).want(201).json()
		aid := created["id"].(string)
		if created["sha256"] != digest(data) || created["content_type"] != service.TypeCSV || created["size"].(float64) != float64(len(data)) {
			t.Fatalf("created %v", created)
		}

		got := a.do(t, call{method: "GET", path: base + "/" + aid, token: owner.token}).want(200)
		if !bytes.Equal(got.Body.Bytes(), data) {
			t.Fatalf("downloaded %d bytes that differ from the %d uploaded", got.Body.Len(), len(data))
		}
		for header, want := range map[string]string{
			"ETag": `"` + digest(data) + `"`, "Content-Type": service.TypeCSV, "X-Content-Type-Options": "nosniff",
			"Content-Disposition": `attachment; filename="______ _2026_.csv"; filename*=UTF-8''%D0%B4%D0%B0%D0%BD%D0%BD%D1%8B%D0%B5%20%222026%22.csv`,
		} {
			if got.Header().Get(header) != want {
				t.Errorf("%s = %q, want %q", header, got.Header().Get(header), want)
			}
		}
		if !strings.Contains(got.Header().Get("Content-Security-Policy"), "sandbox") {
			t.Errorf("Content-Security-Policy = %q, want sandbox", got.Header().Get("Content-Security-Policy"))
		}

		part := a.do(t, call{method: "GET", path: base + "/" + aid, token: owner.token, header: map[string]string{"Range": "bytes=1048570-1048585"}}).want(206)
		if !bytes.Equal(part.Body.Bytes(), data[1048570:1048586]) {
			t.Fatalf("range across chunks: got %q, want %q", part.Body.Bytes(), data[1048570:1048586])
		}
		a.do(t, call{method: "GET", path: base + "/" + aid, token: owner.token, header: map[string]string{"If-None-Match": `"` + digest(data) + `"`}}).want(304)

		list := a.do(t, call{method: "GET", path: base, token: owner.token}).want(200).json()["items"].([]any)
		if len(list) != 1 || list[0].(map[string]any)["title"] != "CLM data" {
			t.Fatalf("list %v", list)
		}

		if n := len(a.do(t, call{method: "GET", path: base + "?section=ccm-inclusive-process", token: owner.token}).want(200).json()["items"].([]any)); n != 1 {
			t.Fatalf("%d files listed for their section, want 1", n)
		}
		if n := len(a.do(t, call{method: "GET", path: base + "?section=risks", token: owner.token}).want(200).json()["items"].([]any)); n != 0 {
			t.Fatalf("%d files listed for another section, want 0", n)
		}

		edited := a.do(t, call{method: "PATCH", path: base + "/" + aid, token: owner.token, body: map[string]string{"title": "Протокол", "kind": "minutes", "link": ""}}).want(200).json()
		if edited["title"] != "Протокол" || edited["kind"] != "minutes" || edited["link"] != nil || edited["section"] != "ccm-inclusive-process" {
			t.Fatalf("edited %v", edited)
		}
		a.do(t, call{method: "PATCH", path: base + "/" + aid, token: owner.token, body: map[string]string{"link": "not a link"}}).want(400)
		a.do(t, call{method: "PATCH", path: base + "/" + aid, token: owner.token, body: map[string]string{"section": "9.9"}}).want(400)
		a.do(t, call{method: "PATCH", path: base + "/" + aid, token: owner.token, body: map[string]string{"kind": "poem"}}).want(400)

		a.do(t, call{method: "DELETE", path: base + "/" + aid, token: owner.token}).want(204)
		a.do(t, call{method: "GET", path: base + "/" + aid, token: owner.token}).want(404)
		a.do(t, call{method: "DELETE", path: base + "/" + aid, token: owner.token}).want(404)
		if n := len(a.do(t, call{method: "GET", path: base, token: owner.token}).want(200).json()["items"].([]any)); n != 0 {
			t.Fatalf("%d files listed after the delete", n)
		}
		activity := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/activity", token: owner.token}).want(200).Body.String()
		for _, kind := range []string{"attachment_added", "attachment_edited", "attachment_deleted"} {
			if !strings.Contains(activity, kind) {
				t.Errorf("the history has no %s: %s", kind, activity)
			}
		}
	})
}

func TestAttachmentsStoreEqualFilesOnce(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		first, second := a.newProposal(t, owner), a.newProposal(t, owner)
		// PostgreSQL's test database is shared by the suite: count the blobs this test adds, of a file
		// no other test uploads.
		before, err := a.store.BlobCount(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pdf := append(append([]byte{}, smallPDF...), "% "+randomHex(8)+"\n"...)
		a.upload(t, owner.token, first, upload{title: "Endorsement", kind: "endorsement", filename: "letter.pdf", content: pdf}).want(201)
		a.upload(t, owner.token, first, upload{title: "Endorsement again", kind: "endorsement", filename: "copy.pdf", content: pdf}).want(201)
		a.upload(t, owner.token, second, upload{kind: "other", filename: "letter.pdf", content: pdf}).want(201)
		after, err := a.store.BlobCount(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if after-before != 1 {
			t.Fatalf("three uploads of one file stored %d blobs, want 1", after-before)
		}
	})
}

func TestAttachmentTypesAreSniffed(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		accepted := []struct {
			name, filename, want string
			content              []byte
		}{
			{"pdf", "minutes.pdf", service.TypePDF, smallPDF},
			{"png named .jpg", "photo.jpg", service.TypePNG, smallPNG(t)},
			{"docx", "letter.docx", service.TypeDOCX, officeZip(t, "[Content_Types].xml", "word/document.xml")},
			{"xlsx", "budget.xlsx", service.TypeXLSX, officeZip(t, "[Content_Types].xml", "xl/workbook.xml")},
			{"odt", "minutes.odt", service.TypeODT, officeZip(t, "mimetype", "content.xml")},
			{"text", "notes.txt", service.TypeText, []byte("Встреча 5 января\nПрисутствовали: 14\n")},
		}
		for _, tc := range accepted {
			got := a.upload(t, owner.token, id, upload{kind: "other", filename: tc.filename, content: tc.content}).want(201).json()
			if got["content_type"] != tc.want {
				t.Errorf("%s: content_type %v, want %s", tc.name, got["content_type"], tc.want)
			}
		}
		refused := []struct {
			name, filename string
			content        []byte
		}{
			{"html named .pdf", "minutes.pdf", []byte("<!DOCTYPE html><html><script>alert(1)</script></html>")},
			{"svg", "logo.png", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)},
			{"exe named .pdf", "minutes.pdf", append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 200)...)},
			{"zip that is no document", "data.xlsx", officeZip(t, "readme.txt")},
			{"macro workbook", "budget.xlsx", officeZip(t, "[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin")},
		}
		for _, tc := range refused {
			r := a.upload(t, owner.token, id, upload{kind: "other", filename: tc.filename, content: tc.content}).want(415)
			if !strings.Contains(r.str("detail"), service.AcceptedFiles) {
				t.Errorf("%s: the refusal does not list what is accepted: %s", tc.name, r.Body.String())
			}
		}
		a.upload(t, owner.token, id, upload{kind: "other", filename: "empty.txt"}).want(400)
		a.upload(t, owner.token, id, upload{kind: "letter", filename: "a.pdf", content: smallPDF}).want(400)
		a.upload(t, owner.token, id, upload{kind: "other", link: "priority:x y", filename: "a.pdf", content: smallPDF}).want(400)
	})
}

func TestAttachmentLimitsAnswer413NamingTheLimit(t *testing.T) {
	eachAPIWith(t, service.Config{Attachments: service.AttachmentLimits{MaxFileBytes: 1000, MaxProposalBytes: 2500}}, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		line := []byte("site,count\n")
		big := bytes.Repeat(line, 100) // 1100 bytes
		r := a.upload(t, owner.token, id, upload{kind: "data", filename: "big.csv", content: big}).want(413)
		if !strings.Contains(r.str("detail"), "1000 bytes") {
			t.Errorf("413 does not name the file limit: %s", r.Body.String())
		}
		// Declared too large for the route (the file limit and 64 KiB of form): refused before it is read,
		// still naming the file limit.
		r = a.upload(t, owner.token, id, upload{kind: "data", filename: "huge.csv", content: bytes.Repeat(line, 7000)}).want(413)
		if !strings.Contains(r.str("detail"), "1000 bytes") {
			t.Errorf("413 before reading does not name the file limit: %s", r.Body.String())
		}
		for i := 0; i < 2; i++ {
			a.upload(t, owner.token, id, upload{kind: "data", filename: "part.csv", content: bytes.Repeat(line, 80+i)}).want(201)
		}
		r = a.upload(t, owner.token, id, upload{kind: "data", filename: "third.csv", content: bytes.Repeat(line, 82)}).want(413)
		if !strings.Contains(r.str("detail"), "2500 bytes") {
			t.Errorf("413 does not name the proposal limit: %s", r.Body.String())
		}
	})
}

func TestAttachmentAccess(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner, editor, reviewer, viewer, stranger := a.signUp(t, "Owner"), a.signUp(t, "Editor"), a.signUp(t, "Reviewer"), a.signUp(t, "Viewer"), a.signUp(t, "Stranger")
		id := a.newProposal(t, owner)
		a.addMember(t, owner, id, editor, "editor")
		a.addMember(t, owner, id, reviewer, "reviewer")
		a.addMember(t, owner, id, viewer, "viewer")
		base := "/api/v1/proposals/" + id + "/attachments"
		aid := a.upload(t, editor.token, id, upload{kind: "minutes", filename: "m.pdf", content: smallPDF}).want(201).str("id")

		for _, who := range []account{reviewer, viewer} {
			a.upload(t, who.token, id, upload{kind: "minutes", filename: "m.pdf", content: smallPDF}).want(403)
			a.do(t, call{method: "GET", path: base, token: who.token}).want(200)
			a.do(t, call{method: "GET", path: base + "/" + aid, token: who.token}).want(200)
			a.do(t, call{method: "PATCH", path: base + "/" + aid, token: who.token, body: map[string]string{"title": "x"}}).want(403)
			a.do(t, call{method: "DELETE", path: base + "/" + aid, token: who.token}).want(403)
		}
		a.upload(t, stranger.token, id, upload{kind: "minutes", filename: "m.pdf", content: smallPDF}).want(404)
		a.do(t, call{method: "GET", path: base, token: stranger.token}).want(404)
		a.do(t, call{method: "GET", path: base + "/" + aid, token: stranger.token}).want(404)
		a.do(t, call{method: "DELETE", path: base + "/" + aid, token: stranger.token}).want(404)
		a.do(t, call{method: "GET", path: base}).want(401)
		a.do(t, call{method: "PATCH", path: base + "/" + aid, token: editor.token, body: map[string]string{"title": "Minutes"}}).want(200)
		a.do(t, call{method: "DELETE", path: base + "/" + aid, token: editor.token}).want(204)
	})
}

// TestExportNamesAttachmentsAndImportTakesItBack: the export lists the files by digest (not their bytes)
// and the import of that export still succeeds.
func TestExportNamesAttachmentsAndImportTakesItBack(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		a.upload(t, owner.token, id, upload{title: "Minutes", kind: "minutes", filename: "m.pdf", content: smallPDF}).want(201)
		exp := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/export", token: owner.token}).want(200)
		files, _ := exp.json()["attachments"].([]any)
		if len(files) != 1 || files[0].(map[string]any)["sha256"] != digest(smallPDF) || strings.Contains(exp.Body.String(), "JVBERi") {
			t.Fatalf("export attachments: %v", files)
		}
		a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: owner.token, body: exp.Body.String()}).want(201)
	})
}

// TestDeletingAProposalRemovesItsFilesUnlessShared: evidence may hold personal data, so a deleted
// proposal's files go with it, except a file another proposal also holds.
func TestDeletingAProposalRemovesItsFilesUnlessShared(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		gone, kept := a.newProposal(t, owner), a.newProposal(t, owner)
		own := []byte("only in the deleted proposal " + randomHex(8) + "\n")
		shared := []byte("in both proposals " + randomHex(8) + "\n")
		before, err := a.store.BlobCount(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		a.upload(t, owner.token, gone, upload{kind: "data", filename: "own.txt", content: own}).want(201)
		a.upload(t, owner.token, gone, upload{kind: "data", filename: "shared.txt", content: shared}).want(201)
		aid := a.upload(t, owner.token, kept, upload{kind: "data", filename: "shared.txt", content: shared}).want(201).str("id")
		a.do(t, call{method: "DELETE", path: "/api/v1/proposals/" + gone, token: owner.token}).want(204)
		after, err := a.store.BlobCount(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if after-before != 1 {
			t.Fatalf("%d files left after deleting the proposal, want 1 (the shared one)", after-before)
		}
		got := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + kept + "/attachments/" + aid, token: owner.token}).want(200)
		if !bytes.Equal(got.Body.Bytes(), shared) {
			t.Fatalf("the shared file reads %q", got.Body.String())
		}
		// The same bytes uploaded again after their removal are stored again, whole.
		again := a.upload(t, owner.token, kept, upload{kind: "data", filename: "own.txt", content: own}).want(201).str("id")
		if got := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + kept + "/attachments/" + again, token: owner.token}).want(200); !bytes.Equal(got.Body.Bytes(), own) {
			t.Fatalf("re-uploaded file reads %q", got.Body.String())
		}
	})
}

// TestSensitiveFilesStayOutOfTheExport: a file marked sensitive on upload is listed as such, left out of
// the export (and so of the documents built from it) unless the owner asks with include_sensitive=1, and
// PATCH marks and unmarks it.
func TestSensitiveFilesStayOutOfTheExport(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner, editor := a.signUp(t, "Owner"), a.signUp(t, "Editor")
		id := a.newProposal(t, owner)
		a.addMember(t, owner, id, editor, "editor")
		base := "/api/v1/proposals/" + id + "/attachments"
		clm := []byte("date,site,contacts\n2026-01-05,Bishkek,42\n")
		sens := a.upload(t, editor.token, id, upload{title: "CLM raw data", kind: "data", filename: "clm.csv", content: clm, sensitive: "1"}).want(201).json()
		if sens["sensitive"] != true {
			t.Fatalf("uploaded with sensitive=1: %v", sens)
		}
		plain := a.upload(t, owner.token, id, upload{title: "Minutes", kind: "minutes", filename: "m.pdf", content: smallPDF}).want(201).json()
		if plain["sensitive"] != false {
			t.Fatalf("uploaded without the field: %v", plain)
		}
		sid := sens["id"].(string)

		marks := func() map[string]any {
			out := map[string]any{}
			for _, it := range a.do(t, call{method: "GET", path: base, token: editor.token}).want(200).json()["items"].([]any) {
				m := it.(map[string]any)
				out[m["title"].(string)] = m["sensitive"]
			}
			return out
		}
		if m := marks(); m["CLM raw data"] != true || m["Minutes"] != false {
			t.Fatalf("list marks: %v", m)
		}
		exported := func(query string) map[string]any {
			out := map[string]any{}
			files, _ := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/export" + query, token: owner.token}).want(200).json()["attachments"].([]any)
			for _, f := range files {
				m := f.(map[string]any)
				out[m["title"].(string)] = m["sensitive"]
			}
			return out
		}
		if e := exported(""); len(e) != 1 || e["Minutes"] != nil {
			t.Fatalf("export without include_sensitive lists %v, want Minutes only", e)
		}
		if e := exported("?include_sensitive=1"); len(e) != 2 || e["CLM raw data"] != true {
			t.Fatalf("export with include_sensitive=1 lists %v, want both, the CLM data marked", e)
		}
		a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/export?include_sensitive=1", token: editor.token}).want(403)

		if got := a.do(t, call{method: "PATCH", path: base + "/" + sid, token: editor.token, body: map[string]any{"sensitive": false}}).want(200).json(); got["sensitive"] != false || got["title"] != "CLM raw data" {
			t.Fatalf("unmarked: %v", got)
		}
		if e := exported(""); len(e) != 2 {
			t.Fatalf("after unmarking, export lists %v, want both", e)
		}
		a.do(t, call{method: "PATCH", path: base + "/" + sid, token: editor.token, body: map[string]any{"sensitive": true}}).want(200)
		a.do(t, call{method: "PATCH", path: base + "/" + sid, token: editor.token, body: map[string]any{"title": "CLM data, raw"}}).want(200)
		if m := marks(); m["CLM data, raw"] != true {
			t.Fatalf("a PATCH without sensitive kept the mark? %v", m)
		}
		if e := exported(""); len(e) != 1 {
			t.Fatalf("after marking again, export lists %v, want Minutes only", e)
		}
		// A checkbox without a value sends "on"; the web form shares the reader.
		on := a.upload(t, owner.token, id, upload{kind: "data", filename: "b.csv", content: []byte("a,b\n1,2\n"), sensitive: "on"}).want(201).json()
		if on["sensitive"] != true {
			t.Fatalf("sensitive=on: %v", on)
		}
	})
}

// TestTheDocumentsListTheEvidence: uploading a file moves the proposal's last change, so the PDF's ETag
// changes and its list of annexes names the file; a file marked sensitive is never named there.
func TestTheDocumentsListTheEvidence(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		pdfPath := "/api/v1/proposals/" + id + "/pdf"
		before := a.do(t, call{method: "GET", path: pdfPath, token: owner.token}).want(200).Header().Get("ETag")
		a.upload(t, owner.token, id, upload{title: "Minutes of the Osh consultation", kind: "minutes", filename: "minutes.pdf", content: smallPDF}).want(201)
		a.upload(t, owner.token, id, upload{title: "Outreach client list", kind: "data", filename: "clients.csv",
			content: []byte("name,age\nA,30\n"), sensitive: "1"}).want(201)
		r := a.do(t, call{method: "GET", path: pdfPath, token: owner.token}).want(200)
		if r.Header().Get("ETag") == before {
			t.Fatal("the PDF's ETag did not change when evidence was added")
		}
		text := strings.Join(strings.Fields(pdfText(t, r.Body.Bytes())), " ")
		if !strings.Contains(text, "Minutes of the Osh consultation") {
			t.Error("the list of annexes does not name the uploaded file")
		}
		if strings.Contains(text, "Outreach client list") {
			t.Error("the PDF names a file marked sensitive")
		}
	})
}
