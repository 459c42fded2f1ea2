package api

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"iduit/budget"
	"iduit/export"
	"iduit/submission"
	"iduit/templates"
)

// packageFiles unzips a package: its files by name, in archive order, and the manifest.
func packageFiles(t *testing.T, body []byte) (map[string][]byte, []string, submission.Manifest) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	files, names := map[string][]byte{}, []string(nil)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if files[f.Name], err = io.ReadAll(rc); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		rc.Close()
		names = append(names, f.Name)
	}
	var m submission.Manifest
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	return files, names, m
}

// TestPackageCarriesTheEvidence: the package holds the proposal's evidence files byte for byte under
// safe, unique names, listed in the manifest with their digests; files marked sensitive stay out and
// unnamed unless an owner asks, and anyone else asking gets 403 saying why; the ETag follows the files.
func TestPackageCarriesTheEvidence(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner, editor := a.signUp(t, "Owner"), a.signUp(t, "Editor")
		id := a.newProposal(t, owner)
		a.addMember(t, owner, id, editor, "editor")
		base := "/api/v1/proposals/" + id
		get := func(token, query string, header map[string]string) result {
			return a.do(t, call{method: "GET", path: base + "/package.zip" + query, token: token, header: header})
		}
		before := get(owner.token, "", nil).want(200).Header().Get("ETag")

		attendance := []byte("name,organisation,signature\nАйгуль,Сеть ЛУН,yes\n")
		a.upload(t, owner.token, id, upload{title: "Minutes of the CCM meeting", kind: "minutes", filename: "minutes.pdf", content: smallPDF}).want(201)
		a.upload(t, editor.token, id, upload{title: "Attendance", kind: "attendance", filename: "../../Лист: участники.csv", content: attendance}).want(201)
		a.upload(t, editor.token, id, upload{title: "CLM raw data", kind: "data", filename: "clm-raw.csv", content: []byte("site,contacts\nOsh,42\n"), sensitive: "1"}).want(201)

		r := get(owner.token, "", nil).want(200)
		files, names, m := packageFiles(t, r.Body.Bytes())
		if got := strings.Join(names[len(names)-2:], " "); got != "evidence/01-minutes.pdf evidence/02-Лист-участники.csv" {
			t.Fatalf("the package ends with %q; names %v", got, names)
		}
		if !bytes.Equal(files["evidence/01-minutes.pdf"], smallPDF) || !bytes.Equal(files["evidence/02-Лист-участники.csv"], attendance) {
			t.Fatal("an evidence file's bytes differ from the upload")
		}
		if len(m.Evidence) != 2 {
			t.Fatalf("manifest lists %d evidence files, want 2: %+v", len(m.Evidence), m.Evidence)
		}
		for _, e := range m.Evidence {
			sum := sha256.Sum256(files[e.Name])
			if !e.Included || e.Size != int64(len(files[e.Name])) || e.SHA256 != hex.EncodeToString(sum[:]) || e.Title == "" || e.Kind == "" {
				t.Errorf("manifest entry %+v does not describe the file in the package", e)
			}
		}
		if bytes.Contains(files["manifest.json"], []byte("CLM")) || bytes.Contains(files["manifest.json"], []byte("clm-raw")) {
			t.Error("the manifest names the sensitive file nobody asked for")
		}
		etag := r.Header().Get("ETag")
		if etag == before {
			t.Error("the ETag did not change when evidence files were added")
		}
		get(owner.token, "", map[string]string{"If-None-Match": etag}).want(304)

		// An owner may ask for the sensitive file; it comes marked, under its own ETag.
		r = get(owner.token, "?include_sensitive=1", nil).want(200)
		files, _, m = packageFiles(t, r.Body.Bytes())
		if len(m.Evidence) != 3 || !m.Evidence[2].Sensitive || m.Evidence[2].Name != "evidence/03-clm-raw.csv" || string(files["evidence/03-clm-raw.csv"]) != "site,contacts\nOsh,42\n" {
			t.Fatalf("with include_sensitive=1 the manifest lists %+v", m.Evidence)
		}
		if r.Header().Get("ETag") == etag {
			t.Error("the package with the sensitive file has the ETag of the one without")
		}
		for _, q := range []string{"?include_sensitive=1", "?sensitive=1"} {
			p := get(editor.token, q, nil).want(403).json()
			if p["code"] != "package.sensitive_owner_only" || !strings.Contains(p["detail"].(string), "only an owner") {
				t.Errorf("an editor asking %s: %v", q, p)
			}
		}

		// Marking a file sensitive takes it out of everyone's package, and moves the ETag.
		list := a.do(t, call{method: "GET", path: base + "/attachments", token: owner.token}).want(200).json()
		first := list["items"].([]any)[0].(map[string]any)["id"].(string)
		a.do(t, call{method: "PATCH", path: base + "/attachments/" + first, token: owner.token, body: map[string]any{"sensitive": true}}).want(200)
		r = get(editor.token, "", map[string]string{"If-None-Match": etag}).want(200)
		if _, names, m := packageFiles(t, r.Body.Bytes()); len(m.Evidence) != 1 || names[len(names)-1] != "evidence/01-Лист-участники.csv" {
			t.Fatalf("after marking the minutes sensitive the package holds %v", names)
		}
	})
}

// TestOfflinePackageListsEvidenceItCannotHold: `iduit render --format zip` works from an export file,
// which has no file bytes: the manifest lists each evidence file as not included and says why.
func TestOfflinePackageListsEvidenceItCannotHold(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		a.upload(t, owner.token, id, upload{title: "Minutes", kind: "minutes", filename: "m.pdf", content: smallPDF}).want(201)
		var doc export.Document
		if err := json.Unmarshal(a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/export", token: owner.token}).want(200).Body.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		tpls, err := templates.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		tpl, _ := tpls.Get(doc.Proposal.Template, doc.Proposal.TemplateVersion)
		cat, err := budget.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := submission.Write(&out, doc, submission.Contents(doc, tpl, cat), nil); err != nil {
			t.Fatal(err)
		}
		_, names, m := packageFiles(t, out.Bytes())
		sum := sha256.Sum256(smallPDF)
		if len(m.Evidence) != 1 || m.Evidence[0].Included || m.Evidence[0].Name != "" || m.Evidence[0].Note != submission.NotIncludedNoBytes ||
			m.Evidence[0].SHA256 != hex.EncodeToString(sum[:]) || m.Evidence[0].Title != "Minutes" {
			t.Fatalf("offline manifest evidence %+v", m.Evidence)
		}
		for _, n := range names {
			if strings.HasPrefix(n, submission.EvidenceDir) {
				t.Errorf("the offline package holds %s, which it has no bytes for", n)
			}
		}
	})
}
