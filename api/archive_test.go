package api

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"

	"iduit/export"
	"iduit/service"
)

func init() {
	openapi3filter.RegisterBodyDecoder(export.ArchiveContentType, openapi3filter.FileBodyDecoder)
}

// archive is a zip made entry by entry, for the import's refusals.
type archive []archiveEntry

type archiveEntry struct {
	name   string
	data   []byte
	method uint16
}

func (z archive) bytes(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, e := range z {
		f, err := w.CreateHeader(&zip.FileHeader{Name: e.name, Method: e.method})
		if err != nil {
			t.Fatal(err)
		}
		f.Write(e.data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// readArchive opens a downloaded archive: its document and its files by name.
func readArchive(t *testing.T, body []byte) (export.Document, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("the export archive is not a zip: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		files[f.Name] = b
	}
	return decodeExport(t, files[export.ArchiveDocument]), files
}

func (a *testAPI) importArchive(t *testing.T, who account, body []byte, header map[string]string) result {
	t.Helper()
	h := map[string]string{"Content-Type": export.ArchiveContentType}
	for k, v := range header {
		h[k] = v
	}
	return a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: who.token, body: body, header: h})
}

// TestExportArchiveRoundTrip: export.zip → import keeps every file byte for byte (SHA-256), their
// descriptions, the sections and the other parts; sensitive files travel only when the owner asks; the
// same archive again is the same import; 304 for a client holding the version.
func TestExportArchiveRoundTrip(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm, _ := a.teamExport(t)
		owner := tm.people["owner"]
		// Three chunks of CSV (deflated in the zip), a PDF and a PNG (stored), the PDF twice, one sensitive file.
		csv := bytes.Repeat([]byte("date,site,contacts\n2026-01-05,Бишкек,42\n"), 60_000)
		files := []upload{
			{title: "Данные МСС", kind: "data", section: "epidemiology", filename: "clm.csv", content: csv},
			{title: "Протокол", kind: "minutes", filename: "minutes.pdf", content: smallPDF},
			{title: "Тот же протокол", kind: "endorsement", filename: "again.pdf", content: smallPDF},
			{title: "Фото", kind: "other", link: "priority:1", filename: "p.png", content: smallPNG(t)},
			{title: "Персональные данные", kind: "data", filename: "people.csv", content: []byte("name\nА\n"), sensitive: "1"},
		}
		for _, u := range files {
			a.upload(t, tm.people["editor"].token, tm.id, u).want(201)
		}
		path := "/api/v1/proposals/" + tm.id + "/export.zip"
		got := a.do(t, call{method: "GET", path: path, token: owner.token}).want(200)
		if ct := got.Header().Get("Content-Type"); ct != "application/zip" {
			t.Fatalf("Content-Type %q", ct)
		}
		etag := got.Header().Get("ETag")
		if !strings.HasPrefix(etag, `W/"`) {
			t.Fatalf("ETag %q, want a weak one", etag)
		}
		doc, entries := readArchive(t, got.Body.Bytes())
		plain := decodeExport(t, a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/export", token: owner.token}).want(200).Body.Bytes())
		plain.ExportedAt = doc.ExportedAt
		if w, g := mustJSON(t, plain), mustJSON(t, doc); w != g {
			t.Fatalf("proposal.json is not the JSON export:\n%s\nvs\n%s", g, w)
		}
		if len(doc.Attachments) != 4 || len(entries) != 4 { // proposal.json and three distinct files
			t.Fatalf("%d attachments listed, %d entries", len(doc.Attachments), len(entries))
		}
		for _, f := range files[:4] {
			if !bytes.Equal(entries[export.ArchiveFile(digest(f.content))], f.content) {
				t.Errorf("%s is not in the archive byte for byte", f.filename)
			}
		}
		a.do(t, call{method: "GET", path: path, token: owner.token, header: map[string]string{"If-None-Match": etag}}).want(304)
		withSensitive := a.do(t, call{method: "GET", path: path + "?include_sensitive=1", token: owner.token}).want(200)
		if withSensitive.Header().Get("ETag") == etag {
			t.Error("the archive with sensitive files has the ETag of the one without")
		}
		_, all := readArchive(t, withSensitive.Body.Bytes())
		if !bytes.Equal(all[export.ArchiveFile(digest(files[4].content))], files[4].content) {
			t.Error("include_sensitive=1 left the sensitive file out")
		}

		other := a.signUp(t, "Importer")
		imported := a.importArchive(t, other, withSensitive.Body.Bytes(), nil).want(201)
		id := imported.json()["proposal"].(map[string]any)["id"].(string)
		list := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/attachments", token: other.token}).want(200).json()["items"].([]any)
		if len(list) != len(files) {
			t.Fatalf("imported %d files, want %d", len(list), len(files))
		}
		for i, item := range list {
			f, want := item.(map[string]any), files[i]
			body := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/attachments/" + f["id"].(string), token: other.token}).want(200).Body.Bytes()
			if digest(body) != digest(want.content) || f["sha256"] != digest(want.content) || f["title"] != want.title || f["kind"] != want.kind || f["sensitive"] != (want.sensitive != "") {
				t.Errorf("file %d came back as %v (%d bytes, sha256 %s)", i, f, len(body), digest(body))
			}
		}
		again := decodeExport(t, a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/export", token: other.token}).want(200).Body.Bytes())
		for i := range plain.Sections { // an import links nobody named in the file (TestImportDoesNotTrustTheFile)
			plain.Sections[i].UpdatedBy = ""
		}
		if w, g := mustJSON(t, plain.Sections), mustJSON(t, again.Sections); w != g {
			t.Errorf("sections changed in the round trip:\n%s\nvs\n%s", g, w)
		}
		if len(again.Documents) != len(plain.Documents) || len(again.Comments) != len(plain.Comments) || len(again.Revisions) != len(plain.Revisions) {
			t.Errorf("parts changed: %d/%d documents, %d/%d comments, %d/%d revisions", len(again.Documents), len(plain.Documents),
				len(again.Comments), len(plain.Comments), len(again.Revisions), len(plain.Revisions))
		}
		// The same archive again is a retry, not a second copy; the same document alone (no files) is not.
		if r := a.importArchive(t, other, withSensitive.Body.Bytes(), nil).want(200); r.json()["proposal"].(map[string]any)["id"] != id {
			t.Error("a retried archive import made another proposal")
		}
		_, sent := readArchive(t, withSensitive.Body.Bytes())
		var alone export.Document
		if err := json.Unmarshal(sent[export.ArchiveDocument], &alone); err != nil {
			t.Fatal(err)
		}
		a.importDoc(t, other, alone, nil).want(201)
	})
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestImportArchiveRefusals: every archive an export would not make is refused with a 4xx naming the
// problem, and nothing is written: no proposal for the importer, no chunk of any file.
func TestImportArchiveRefusals(t *testing.T) {
	limits := service.Config{Attachments: service.AttachmentLimits{MaxFileBytes: 3 << 20, MaxProposalBytes: 5 << 20},
		Imports: service.ImportLimits{MaxArchiveEntries: 8}}
	eachAPIWith(t, limits, func(t *testing.T, a *testAPI) {
		tm, _ := a.teamExport(t)
		owner := tm.people["owner"]
		pdfB := append(bytes.Clone(smallPDF), "% другой\n"...)
		a.upload(t, owner.token, tm.id, upload{kind: "minutes", filename: "m.pdf", content: pdfB}).want(201)
		good := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/export.zip", token: owner.token}).want(200).Body.Bytes()
		doc, entries := readArchive(t, good)
		docJSON := entries[export.ArchiveDocument]
		fileName := export.ArchiveFile(digest(pdfB))
		listing := func(change func(d *export.Document)) []byte {
			var d export.Document
			if err := json.Unmarshal(docJSON, &d); err != nil {
				t.Fatal(err)
			}
			change(&d)
			return []byte(mustJSON(t, d))
		}
		list := func(contents ...[]byte) []byte {
			return listing(func(d *export.Document) {
				d.Attachments = nil
				for i, c := range contents {
					d.Attachments = append(d.Attachments, export.Attachment{Title: fmt.Sprint("f", i), Kind: "data", Filename: "f.csv",
						ContentType: service.TypeCSV, Size: int64(len(c)), SHA256: digest(c)})
				}
			})
		}
		zeros := make([]byte, 2<<20) // deflates about 1000:1
		big := bytes.Repeat([]byte("a,b\n"), (3<<20)/4+1)
		csvParts := [][]byte{bytes.Repeat([]byte("x,1\n"), (2<<20)/4), bytes.Repeat([]byte("y,2\n"), (2<<20)/4), bytes.Repeat([]byte("z,3\n"), (2<<20)/4)}
		var many archive
		for i := range 9 {
			many = append(many, archiveEntry{name: export.ArchiveFile(digest([]byte{byte(i)})), data: []byte{byte(i)}})
		}
		tests := map[string]struct {
			body   []byte
			status int
			says   string
		}{
			"not a zip":            {[]byte("PK but not really"), 400, "not a zip archive"},
			"no proposal.json":     {archive{{name: fileName, data: pdfB}}.bytes(t), 400, "holds no proposal.json"},
			"path outside":         {archive{{name: export.ArchiveDocument, data: docJSON}, {name: "../../etc/cron.d/x", data: pdfB}}.bytes(t), 400, `../../etc/cron.d/x`},
			"path inside files/":   {archive{{name: export.ArchiveDocument, data: docJSON}, {name: "files/../proposal.json", data: pdfB}}.bytes(t), 400, "files/../proposal.json"},
			"unknown entry":        {archive{{name: export.ArchiveDocument, data: docJSON}, {name: fileName, data: pdfB}, {name: "notes.txt", data: pdfB}}.bytes(t), 400, "notes.txt"},
			"name twice":           {archive{{name: export.ArchiveDocument, data: docJSON}, {name: fileName, data: pdfB}, {name: fileName, data: pdfB}}.bytes(t), 400, "appears twice"},
			"document twice":       {archive{{name: export.ArchiveDocument, data: docJSON}, {name: export.ArchiveDocument, data: docJSON}, {name: fileName, data: pdfB}}.bytes(t), 400, "appears twice"},
			"wrong digest":         {archive{{name: export.ArchiveDocument, data: docJSON}, {name: fileName, data: smallPDF}}.bytes(t), 400, "SHA-256 is " + digest(smallPDF)},
			"listed file missing":  {archive{{name: export.ArchiveDocument, data: docJSON}}.bytes(t), 400, "listed in proposal.json but not in the archive"},
			"file not listed":      {archive{{name: export.ArchiveDocument, data: docJSON}, {name: fileName, data: pdfB}, {name: export.ArchiveFile(digest(smallPDF)), data: smallPDF}}.bytes(t), 400, "not listed"},
			"size not the file's":  {archive{{name: export.ArchiveDocument, data: listing(func(d *export.Document) { d.Attachments[0].Size++ })}, {name: fileName, data: pdfB}}.bytes(t), 400, "attachments[0].size"},
			"bad kind":             {archive{{name: export.ArchiveDocument, data: listing(func(d *export.Document) { d.Attachments[0].Kind = "x" })}, {name: fileName, data: pdfB}}.bytes(t), 400, "attachments[0].kind"},
			"not an accepted type": {archive{{name: export.ArchiveDocument, data: list([]byte("MZ\x90\x00\x03\x00\x00\x00"))}, {name: export.ArchiveFile(digest([]byte("MZ\x90\x00\x03\x00\x00\x00"))), data: []byte("MZ\x90\x00\x03\x00\x00\x00")}}.bytes(t), 415, "not accepted"},
			"NUL in the document":  {archive{{name: export.ArchiveDocument, data: listing(func(d *export.Document) { d.Proposal.Title = "a\x00b" })}, {name: fileName, data: pdfB}}.bytes(t), 400, "NUL"},
			"zip bomb":             {archive{{name: export.ArchiveDocument, data: list(zeros), method: zip.Deflate}, {name: export.ArchiveFile(digest(zeros)), data: zeros, method: zip.Deflate}}.bytes(t), 413, "a zip bomb"},
			"file over its limit":  {archive{{name: export.ArchiveDocument, data: list(big)}, {name: export.ArchiveFile(digest(big)), data: big}}.bytes(t), 413, "limit of 3 MB for a file"},
			"files over the proposal's limit": {archive{{name: export.ArchiveDocument, data: list(csvParts...)}, {name: export.ArchiveFile(digest(csvParts[0])), data: csvParts[0]},
				{name: export.ArchiveFile(digest(csvParts[1])), data: csvParts[1]}, {name: export.ArchiveFile(digest(csvParts[2])), data: csvParts[2]}}.bytes(t), 413, "limit of 5 MB a proposal"},
			"too many entries":            {append(archive{{name: export.ArchiveDocument, data: docJSON}}, many...).bytes(t), 413, "more than 8 entries"},
			"a directory of tiny records": {manyEntries(t, 20_000), 413, "more than 8 entries"},
			"method not deflate":          {rawMethod(t, archive{{name: export.ArchiveDocument, data: docJSON}, {name: fileName, data: pdfB}}.bytes(t), 99), 400, "method 99"},
		}
		other := a.signUp(t, "Importer")
		chunks, err := a.store.ChunkCount(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for name, tc := range tests {
			t.Run(name, func(t *testing.T) {
				r := a.importArchive(t, other, tc.body, nil).want(tc.status)
				if !strings.Contains(r.Body.String(), tc.says) {
					t.Errorf("the problem does not say %q: %s", tc.says, r.Body.String())
				}
				if n := a.do(t, call{method: "GET", path: "/api/v1/proposals", token: other.token}).want(200).json()["total"].(float64); n != 0 {
					t.Errorf("a refused import left %v proposals", n)
				}
				if n, _ := a.store.ChunkCount(context.Background()); n != chunks {
					t.Errorf("a refused import left %d chunks (had %d)", n, chunks)
				}
			})
		}
		// The archive as exported passes the same limits.
		a.importArchive(t, other, good, nil).want(201)
		_ = doc
	})
}

// TestImportArchiveBodyLimit: an archive over the configured body limit is refused with 413 naming it,
// and a JSON export keeps its own limit on the same route.
func TestImportArchiveBodyLimit(t *testing.T) {
	eachAPIWith(t, service.Config{Imports: service.ImportLimits{MaxArchiveBytes: 1 << 20, MaxJSONBytes: 64 << 10}}, func(t *testing.T, a *testAPI) {
		who := a.signUp(t, "Importer")
		// Declared too large: refused before the body is read.
		if r := a.importArchive(t, who, make([]byte, 1<<20+1), nil).want(413); !strings.Contains(r.Body.String(), "limit of 1 MB an import") {
			t.Errorf("413 without naming the limit: %s", r.Body.String())
		}
		// Sent without a length (chunked): cut at the limit while it is copied to disk.
		req := httptest.NewRequest("POST", "/api/v1/proposals/import", io.MultiReader(bytes.NewReader(make([]byte, 1<<20+1))))
		req.Header.Set("Content-Type", export.ArchiveContentType)
		req.Header.Set("Authorization", "Bearer "+who.token)
		rec := httptest.NewRecorder()
		a.handler.ServeHTTP(rec, req)
		if rec.Code != 413 || !strings.Contains(rec.Body.String(), "limit of 1 MB an import") {
			t.Errorf("a chunked body past the limit: %d %s", rec.Code, rec.Body.String())
		}
		a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: who.token, body: `{"x":"` + strings.Repeat("a", 64<<10) + `"}`}).want(413)
	})
}

// manyEntries is an archive of n empty entries: a directory far larger than the entry limit allows.
func manyEntries(t *testing.T, n int) []byte {
	var z archive
	for i := range n {
		z = append(z, archiveEntry{name: fmt.Sprintf("files/%064x", i)})
	}
	return z.bytes(t)
}

// rawMethod rewrites every entry's compression method in the central directory.
func rawMethod(t *testing.T, b []byte, method uint16) []byte {
	out := bytes.Clone(b)
	for i := 0; i+12 < len(out); i++ {
		if string(out[i:i+4]) == "PK\x01\x02" {
			out[i+10], out[i+11] = byte(method), byte(method>>8)
		}
	}
	return out
}
