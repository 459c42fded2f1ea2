package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"iduit/export"
)

func TestRenderAnnexesAndPackageOffline(t *testing.T) {
	dir := t.TempDir()
	when := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	budgetBody := `{"currency":"KGS","years":[2027],"lines":[{"module":"pwid-prevention","intervention":"community-empowerment",` +
		`"cost_grouping":"human-resources","description":"Координатор","amounts":[1200000]}]}`
	doc := export.Document{Format: export.Format, Version: export.Version,
		Proposal: export.Proposal{ID: "x", Template: "gf-concept-note-pwid", TemplateVersion: 1, Title: "Снижение вреда",
			Language: "ru", SubmissionLanguage: "en", Bilingual: true, Country: "Кыргызстан", Status: "draft", CreatedAt: when, UpdatedAt: when},
		Documents: []export.Part{{Kind: "budget", Version: 1, Body: json.RawMessage(budgetBody)}},
	}
	data, _ := json.Marshal(doc)
	in := filepath.Join(dir, "proposal.json")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	render := func(args ...string) []byte {
		t.Helper()
		out.Reset()
		if err := run(t.Context(), append([]string{"render", "--in", in}, args...), envOf(nil), &out, &out); err != nil {
			t.Fatalf("render %v: %v %s", args, err, out.String())
		}
		path := strings.TrimSpace(strings.TrimPrefix(out.String(), "wrote "))
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	xlsx := render("--out", filepath.Join(dir, "a.xlsx"))
	again := render("--format", "xlsx", "--out", filepath.Join(dir, "b.bin"))
	if !bytes.HasPrefix(xlsx, []byte("PK")) || !bytes.Equal(xlsx, again) {
		t.Fatal("the same export must give the same workbook, by extension or by --format")
	}
	pkg := render("--format", "zip", "--out", filepath.Join(dir, "p.zip"))
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); got != "manifest.json concept-note-en.pdf concept-note-ru.pdf concept-note-en.docx concept-note-ru.docx annexes-en.xlsx" {
		t.Fatalf("the package holds %s", got)
	}
	if err := run(t.Context(), []string{"render", "--in", in, "--format", "odt"}, envOf(nil), &out, &out); err == nil {
		t.Fatal("an unknown format was accepted")
	}
}
